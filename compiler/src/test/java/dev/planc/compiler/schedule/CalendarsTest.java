package dev.planc.compiler.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.planc.compiler.model.Calendar;
import dev.planc.compiler.model.Resource;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.Span;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * The shared, lazily built working time gives the answers of working time built whole: a
 * shorter horizon cut from a longer one, a set of resources' common time worked out chunk by
 * chunk, and the grid's cached zone offsets, against the plain constructions, on many random
 * queries around daylight-saving changes, midnight and chunk boundaries.
 */
class CalendarsTest {
    private static final Set<DayOfWeek> WEEK = Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    private static final List<Calendar.DayRange> HOLIDAYS = List.of(
            new Calendar.DayRange(LocalDate.of(2027, 12, 24), LocalDate.of(2028, 1, 1), "winter"),
            new Calendar.DayRange(LocalDate.of(2028, 5, 1), LocalDate.of(2028, 5, 1), "may day"));
    private static final Calendar OFFICE = new Calendar("office", WEEK,
            List.of(new Calendar.Window(9 * 60, 12 * 60), new Calendar.Window(13 * 60, 17 * 60)), HOLIDAYS, null);
    /** Round the clock: its intervals run through midnight, daylight-saving changes and chunk ends. */
    private static final Calendar ALWAYS = new Calendar("always", Set.of(DayOfWeek.values()),
            List.of(new Calendar.Window(0, 1440)), List.of(), null);
    /** Nights: 22:00 to 06:00, touching across midnight, over the hour of a clock change. */
    private static final Calendar NIGHTS = new Calendar("nights", Set.of(DayOfWeek.values()),
            List.of(new Calendar.Window(0, 6 * 60), new Calendar.Window(22 * 60, 1440)),
            List.of(new Calendar.DayRange(LocalDate.of(2027, 7, 1), LocalDate.of(2027, 7, 14), "closed")), null);
    private static final Calendar EARLY = new Calendar("early", Set.of(DayOfWeek.MONDAY, DayOfWeek.SATURDAY,
            DayOfWeek.SUNDAY), List.of(new Calendar.Window(1 * 60 + 30, 3 * 60 + 30), new Calendar.Window(5 * 60,
            10 * 60)), List.of(), null);

    private static final LocalDate FROM = LocalDate.of(2026, 3, 1);
    private static final LocalDate TO = LocalDate.of(2030, 11, 2);

    @Test
    void aShorterHorizonIsTheLongerOnesPrefix() {
        for (String zone : List.of("Europe/Berlin", "America/Sao_Paulo", "Australia/Lord_Howe", "UTC")) {
            ZoneId z = ZoneId.of(zone);
            Calendars shared = new Calendars(z, FROM, TO.plusYears(3));
            for (Calendar cal : List.of(OFFICE, ALWAYS, NIGHTS, EARLY)) {
                List<Calendar.DayRange> leave = List.of(new Calendar.DayRange(LocalDate.of(2028, 2, 3),
                        LocalDate.of(2028, 2, 20), "leave"));
                WorkTime whole = new Calendars(z, FROM, TO).of(cal, leave, TO);
                WorkTime cut = shared.of(cal, leave, TO);
                assertEquals(whole.intervalCount(), cut.intervalCount(), zone + " " + cal.id());
                for (int i = 0; i < whole.intervalCount(); i++) {
                    assertEquals(whole.intervalStart(i), cut.intervalStart(i), zone + " " + cal.id() + " " + i);
                    assertEquals(whole.intervalEnd(i), cut.intervalEnd(i), zone + " " + cal.id() + " " + i);
                }
                assertEquals(whole.horizonStart(), cut.horizonStart());
                assertEquals(whole.horizonEnd(), cut.horizonEnd());
                assertSameAnswers(whole, cut, new TimeGrid(z, FROM, TO), new Random(7));
            }
        }
    }

    @Test
    void commonTimeAnswersAsTheWholeIntersection() {
        for (String zone : List.of("Europe/Berlin", "America/Sao_Paulo", "Australia/Lord_Howe")) {
            ZoneId z = ZoneId.of(zone);
            TimeGrid grid = new TimeGrid(z, FROM, TO);
            List<List<Resource>> sets = List.of(
                    List.of(resource(0, OFFICE, List.of()), resource(1, ALWAYS, List.of())),
                    List.of(resource(0, ALWAYS, List.of()), resource(1, NIGHTS, List.of())),
                    List.of(resource(0, NIGHTS, List.of()), resource(1, EARLY, List.of()),
                            resource(2, ALWAYS, List.of(new Calendar.DayRange(LocalDate.of(2027, 3, 20),
                                    LocalDate.of(2027, 4, 2), "leave")))),
                    List.of(resource(0, OFFICE, List.of()), resource(1, OFFICE, List.of(new Calendar.DayRange(
                            LocalDate.of(2029, 6, 1), LocalDate.of(2029, 6, 30), "leave")))));
            for (List<Resource> set : sets) {
                WorkTime whole = grid.of(set.get(0).calendar(), set.get(0).leaves());
                for (int i = 1; i < set.size(); i++) {
                    whole = whole.intersect(grid.of(set.get(i).calendar(), set.get(i).leaves()));
                }
                assertSameAnswers(whole, grid.common(set), grid, new Random(11));
            }
        }
    }

    @Test
    void cachedOffsetsConvertAsTheZoneRules() {
        Random random = new Random(3);
        for (String zone : List.of("Europe/Berlin", "America/Sao_Paulo", "Australia/Lord_Howe", "Pacific/Apia",
                "Asia/Kolkata", "UTC")) {
            ZoneId z = ZoneId.of(zone);
            TimeGrid grid = new TimeGrid(z, FROM, TO);
            LocalDateTime base = LocalDateTime.of(2010, 1, 1, 0, 0);
            for (int k = 0; k < 20_000; k++) {
                // mostly in order (as the scheduler asks), sometimes jumping
                LocalDateTime t = k % 50 == 0 ? base.plusMinutes(random.nextInt(60 * 24 * 366 * 30))
                        : base.plusMinutes((long) k * 97 + random.nextInt(120));
                assertEquals(TimeGrid.minute(z, t), grid.minute(t), zone + " " + t);
                long m = TimeGrid.minute(z, t) + random.nextInt(200) - 100;
                assertEquals(LocalDateTime.ofInstant(java.time.Instant.ofEpochSecond(m * 60), z), grid.local(m),
                        zone + " " + m);
            }
            // around every clock change, walking forward and back, so each side's cached offset meets the other
            ZoneOffsetTransition change = z.getRules().nextTransition(base.atZone(z).toInstant());
            for (int k = 0; change != null && k < 80; k++) {
                LocalDateTime before = change.getDateTimeBefore();
                for (int step : new int[] {1, -1}) {
                    for (int d = -3 * 60 * 24; d <= 3 * 60 * 24; d += 15) {
                        LocalDateTime t = before.plusMinutes((long) step * d);
                        assertEquals(TimeGrid.minute(z, t), grid.minute(t), zone + " " + t);
                        long m = change.getInstant().getEpochSecond() / 60 + (long) step * d;
                        assertEquals(LocalDateTime.ofInstant(java.time.Instant.ofEpochSecond(m * 60), z),
                                grid.local(m), zone + " " + m);
                    }
                }
                change = z.getRules().nextTransition(change.getInstant());
            }
        }
    }

    private static Resource resource(int index, Calendar cal, List<Calendar.DayRange> leaves) {
        return new Resource(index, "r" + index, "R" + index, BigDecimal.ONE, null, cal, leaves,
                new Span(new Source("t.plan", ""), 0, 0));
    }

    /** Random queries of every kind, near interval ends, chunk ends and the horizon's ends. */
    private static void assertSameAnswers(WorkCalendar expected, WorkCalendar actual, TimeGrid grid, Random random) {
        long start = grid.minute(FROM.atStartOfDay());
        long end = grid.minute(TO.atStartOfDay());
        List<Long> points = new ArrayList<>();
        for (long t = start - 3000; t < end + 3000; t += 1 << CommonTime.CHUNK_BITS) { // chunk ends of CommonTime
            points.add(t);
        }
        for (int i = 0; i < 3000; i++) {
            points.add(start - 2000 + (long) (random.nextDouble() * (end - start + 4000)));
        }
        for (long p : points) {
            for (long t : new long[] {p, p - 1, p + 1, p - 60 * 9, p + 60 * 13}) {
                long minutes = random.nextInt(4) == 0 ? random.nextInt(600_000) : random.nextInt(3000);
                long other = t + (random.nextBoolean() ? 1 : -1) * (long) (random.nextDouble() * 2_000_000);
                String at = "at " + t + " (" + grid.local(t) + "), " + minutes + " minutes, to " + other;
                assertEquals(answer(() -> expected.next(t)), answer(() -> actual.next(t)), "next " + at);
                assertEquals(answer(() -> expected.previousEnd(t)), answer(() -> actual.previousEnd(t)),
                        "previousEnd " + at);
                assertEquals(expected.between(t, other), actual.between(t, other), "between " + at);
                assertEquals(answer(() -> expected.add(t, minutes)), answer(() -> actual.add(t, minutes)), "add " + at);
                assertEquals(answer(() -> expected.sub(t, minutes)), answer(() -> actual.sub(t, minutes)), "sub " + at);
                assertEquals(answer(() -> expected.add(t, -minutes)), answer(() -> actual.add(t, -minutes)),
                        "add back " + at);
                // exactly the working time to a chunk end (CommonTime's) or to the other point
                long edge = start + ((Math.max(0, t - start) >> CommonTime.CHUNK_BITS) + random.nextInt(3)) * (1L << CommonTime.CHUNK_BITS);
                for (long q : new long[] {edge, other}) {
                    long exact = expected.between(Math.min(t, q), Math.max(t, q));
                    String e = at + ", exactly " + exact + " to " + q;
                    assertEquals(answer(() -> expected.add(Math.min(t, q), exact)),
                            answer(() -> actual.add(Math.min(t, q), exact)), "add " + e);
                    assertEquals(answer(() -> expected.sub(Math.max(t, q), exact)),
                            answer(() -> actual.sub(Math.max(t, q), exact)), "sub " + e);
                }
            }
        }
    }

    private static String answer(LongSupplier query) {
        try {
            return Long.toString(query.getAsLong());
        } catch (WorkTime.HorizonExceeded e) {
            return "beyond the horizon";
        }
    }
}
