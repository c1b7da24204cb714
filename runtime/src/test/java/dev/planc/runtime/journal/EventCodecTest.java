package dev.planc.runtime.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventCodecTest {
    private static final LocalDateTime AT = LocalDateTime.parse("2027-02-01T12:00");
    private static final Instant REC = Instant.parse("2026-11-22T02:55:01.123Z");

    static List<Event> everyType() {
        return List.of(
                Events.start("build.api", AT, REC, "ana"),
                Events.finish("build.api", AT, REC, null),
                Events.progress("build.api", new BigDecimal("40"), AT, REC, "ana"),
                Events.measure("conversion", new BigDecimal("2.45"), AT, REC, "ana"),
                Events.cost("build.api", new BigDecimal("1200.50"), "EUR", AT, REC, "ana"),
                Events.cost("build.api", new BigDecimal("99"), null, AT, REC, "ana"),
                Events.note(null, "kick-off \"done\"\nline two \u00e9 \ud83d\ude80", AT, REC, "bj\u00f6rn"),
                Events.note("design", "reviewed", AT, REC, "ana"),
                Events.fired("beta_slips", "beta.slip = 6d > 5d", AT, REC, null));
    }

    @Test
    void everyTypeRoundTripsOnOneLine() {
        for (Event e : everyType()) {
            String line = EventCodec.line(e);
            assertFalse(line.contains("\n") || line.contains("\r"), line);
            assertEquals(e, EventCodec.parse(line), line);
        }
    }

    @Test
    void absentMembersAreLeftOut() {
        String line = EventCodec.line(Events.finish("a", AT, REC, null));
        assertFalse(line.contains("value") || line.contains("author") || line.contains("currency"), line);
        assertTrue(line.startsWith("{\"schema\":1,\"id\":\""), line);
    }

    @Test
    void numbersKeepEveryDigitAndUnknownMembersAreSkipped() {
        String line = "{\"schema\":1,\"id\":\"e1\",\"at\":\"2027-02-01T12:00\",\"recorded\":\"2026-11-22T02:55:01Z\","
                + "\"later\":{\"x\":[1,2]},\"type\":\"cost\",\"subject\":\"a\",\"value\":12345678901234567.10}";
        Event e = EventCodec.parse(line);
        assertEquals(new BigDecimal("12345678901234567.10"), e.number());
        assertEquals(2, e.number().scale());
        assertEquals(null, e.author());
    }

    @Test
    void timesParseExactlyAsJavaTimeDoes() {
        for (String t : List.of("2027-02-01T12:00", "2027-02-01T12:00:07", "2027-02-01T12:00:07.5",
                "2027-02-01T12:00:07.123456789", "+12027-02-01T12:00", "2028-02-29T23:59",
                "2027-02-01T12:00:07.")) { // the last: java.time takes an empty fraction
            assertEquals(LocalDateTime.parse(t), EventCodec.localDateTime(t), t);
        }
        for (String t : List.of("2026-11-22T02:55:01Z", "2026-11-22T02:55:01.1Z", "2026-11-22T02:55:01.000000001Z",
                "2016-12-31T23:59:60Z", "2026-11-22T02:55:01+01:00")) {
            assertEquals(Instant.parse(t), EventCodec.instant(t), t);
        }
        for (String t : List.of("2027-02-30T12:00", "2027-02-01T24:00", "2027-02-01 12:00",
                "2027-02-01T12:00:07.1234567890", "2027-2-01T12:00", "2027-02-01T12:0x")) {
            assertThrows(java.time.format.DateTimeParseException.class, () -> EventCodec.localDateTime(t), t);
        }
        for (String t : List.of("2026-11-22T02:55Z", "2026-11-22T02:55:01", "2026-11-31T02:55:01Z")) {
            assertThrows(java.time.format.DateTimeParseException.class, () -> EventCodec.instant(t), t);
        }
    }

    @Test
    void badLinesSayWhatIsWrong() {
        String good = EventCodec.line(Events.start("a", AT, REC, null));
        assertEquals("not JSON: more after the object",
                assertThrows(IllegalArgumentException.class, () -> EventCodec.parse(good + good)).getMessage());
        assertEquals("unknown schema `2` (this planc reads 1)", assertThrows(IllegalArgumentException.class,
                () -> EventCodec.parse(good.replace("\"schema\":1", "\"schema\":2"))).getMessage());
        assertEquals("`id` is not a string", assertThrows(IllegalArgumentException.class,
                () -> EventCodec.parse(good.replaceFirst("\"id\":\"[^\"]*\"", "\"id\":7"))).getMessage());
        assertEquals("bad time: 2027-02-30T12:00", assertThrows(IllegalArgumentException.class,
                () -> EventCodec.parse(good.replace("2027-02-01", "2027-02-30"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EventCodec.parse("{\"schema\":1"))
                .getMessage().startsWith("not JSON"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EventCodec.parse("{\"schema\":9}"))
                .getMessage().startsWith("unknown schema"));
        String noType = EventCodec.line(Events.start("a", AT, REC, null)).replace("\"type\":\"start\",", "");
        assertEquals("`type` is missing",
                assertThrows(IllegalArgumentException.class, () -> EventCodec.parse(noType)).getMessage());
    }
}
