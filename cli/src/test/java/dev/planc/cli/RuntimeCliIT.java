package dev.planc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: {@code planc log}, {@code status} and {@code baseline} through the packaged jar. */
class RuntimeCliIT {
    @TempDir
    Path tmp;

    private static final String PLAN = """
            plan "Shop" { start 2027-01-04  currency EUR }
            resource ana { rate 800 EUR/d }
            resource ben { rate 400 EUR/d }
            task design { effort 5d  assign ana }
            task build { duration 10d  assign ben  after design }
            milestone beta { after build }
            task plan_b "Fallback" contingent { duration 2d  after design }
            metric signups { baseline 0  target 100 by 2027-01-31 }
            contingency late_build { when build.slip > 1d  then { notify ana "build is slipping"  activate plan_b } }
            """;

    private static void noStackTrace(PlancProcess.Run r) {
        assertFalse(r.all().contains("Exception"), r.all());
        assertFalse(r.all().contains("\tat "), r.all());
    }

    /** {@code planc log} as it happens: the clock reads the event's time. */
    private PlancProcess.Run log(String at, String... event) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("log", "shop.plan"));
        args.addAll(List.of(event));
        args.addAll(List.of("--at", at));
        return PlancProcess.runAt(at + ":00Z", tmp, args.toArray(String[]::new));
    }

    @Test
    void logStatusBaselineEndToEnd() throws Exception {
        Files.writeString(tmp.resolve("shop.plan"), PLAN, StandardCharsets.UTF_8);
        Path journal = tmp.resolve("shop.journal");

        PlancProcess.Run base = PlancProcess.run(tmp, "baseline", "shop.plan");
        assertEquals(0, base.exit(), base.all());
        assertTrue(Files.exists(tmp.resolve("shop.baseline.json")));

        PlancProcess.Run ok = log("2027-01-04T09:00", "start", "design");
        assertEquals(0, ok.exit(), ok.all());
        assertTrue(ok.out().contains("logged 1 event to shop.journal"), ok.out());
        PlancProcess.Run two = log("2027-01-05T17:00", "progress", "design", "40%", "measure", "signups", "12");
        assertEquals(0, two.exit(), two.all());
        // each log also leaves a checkpoint of the contingencies it evaluated
        List<String> all = Files.readAllLines(journal);
        List<String> lines = all.stream().filter(l -> !l.contains("\"type\":\"checked\"")).toList();
        assertEquals(3, lines.size(), all.toString());
        assertEquals(5, all.size(), all.toString());
        assertTrue(lines.get(1).contains("\"type\":\"progress\"") && lines.get(1).contains("\"value\":40"), lines.get(1));

        // refused: unknown task (did you mean), progress out of range, before the plan's start, a task
        // where a metric belongs, a contingent task nobody activated, an incomplete event; nothing written
        byte[] before = Files.readAllBytes(journal);
        PlancProcess.Run bad = log("2027-01-05T17:00", "progress", "desgin", "40");
        assertEquals(1, bad.exit(), bad.all());
        assertTrue(bad.err().contains("unknown task `desgin` in `progress`; did you mean `design`?"), bad.err());
        PlancProcess.Run range = log("2027-01-05T17:00", "progress", "design", "140");
        assertEquals(1, range.exit(), range.all());
        assertTrue(range.err().contains("must be 0–100 %"), range.err());
        PlancProcess.Run early = log("2027-01-03T17:00", "finish", "design");
        assertEquals(1, early.exit(), early.all());
        assertTrue(early.err().contains("before the plan starts"), early.err());
        PlancProcess.Run metric = log("2027-01-05T17:00", "measure", "design", "3");
        assertEquals(1, metric.exit(), metric.all());
        assertTrue(metric.err().contains("`design` is a task, not a metric"), metric.err());
        PlancProcess.Run contingent = log("2027-01-05T17:00", "start", "plan_b");
        assertEquals(1, contingent.exit(), contingent.all());
        assertTrue(contingent.err().contains("contingent and no contingency has activated it"), contingent.err());
        PlancProcess.Run usage = log("2027-01-05T17:00", "progress", "design");
        assertEquals(2, usage.exit(), usage.all());
        for (PlancProcess.Run r : List.of(bad, range, early, metric, contingent, usage)) {
            noStackTrace(r);
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(journal)), "refused events leave the journal alone");

        // progress every evening, design finishing a day late; two days later build has not started:
        // it slips 2d, so the contingency fires that morning (the first instant build.slip exceeds 1d)
        for (String[] p : new String[][] {{"60", "2027-01-06T17:00"}, {"80", "2027-01-07T17:00"},
                {"90", "2027-01-11T09:00"}}) {
            PlancProcess.Run r = log(p[1], "progress", "design", p[0]);
            assertEquals(0, r.exit(), r.all());
            assertFalse(r.out().contains("fired"), r.out());
        }
        PlancProcess.Run done = log("2027-01-11T17:00", "finish", "design");
        assertEquals(0, done.exit(), done.all());
        assertFalse(Files.readString(journal).contains("\"type\":\"fired\""));

        String now = "2027-01-13T09:00:00Z";
        PlancProcess.Run status = PlancProcess.runAt(now, tmp, "status", "shop.plan", "--format", "json");
        assertEquals(0, status.exit(), status.all());
        JsonNode s = new ObjectMapper().readTree(status.out());
        assertEquals("2027-01-13T09:00", s.get("asOf").asText());
        assertEquals("red", s.get("overall").asText());
        assertTrue(s.get("baseline").asText().contains("shop.baseline.json"), s.get("baseline").asText());
        assertEquals("2027-01-26T17:00", s.get("forecastFinish").asText());
        assertEquals("2027-01-22T17:00", s.get("baselineFinish").asText());
        assertTrue(s.get("contingencies").get(0).get("fired").asBoolean());
        assertEquals("2027-01-13T09:00", s.get("contingencies").get(0).get("at").asText());
        assertEquals("build.slip = 2d", s.get("contingencies").get(0).get("because").asText());
        assertEquals(0.833, s.get("evm").get("spi").asDouble(), 1e-9);
        // status at now recorded the firing in the journal; asking again neither fires nor records it twice
        assertEquals(1, count(Files.readString(journal), "\"type\":\"fired\""));
        PlancProcess.Run again = PlancProcess.runAt(now, tmp, "status", "shop.plan", "--fail-on", "red");
        assertEquals(1, again.exit(), again.all()); // the gate trips
        assertTrue(again.out().contains("RED"), again.out());
        assertTrue(again.out().contains("fired  late_build"), again.out());
        assertTrue(again.out().contains("notify ana: build is slipping"), again.out());
        assertEquals(1, count(Files.readString(journal), "\"type\":\"fired\""));

        // the activated fallback can now be logged
        PlancProcess.Run fallback = log("2027-01-13T10:00", "start", "plan_b");
        assertEquals(0, fallback.exit(), fallback.all());

        // a look back before anything happened is green, and --fail-on amber passes
        PlancProcess.Run back = PlancProcess.runAt(now, tmp, "status", "shop.plan", "--at", "2027-01-04T08:00",
                "--fail-on", "amber");
        assertEquals(0, back.exit(), back.all());
        assertTrue(back.out().startsWith("GREEN"), back.out());

        // a damaged line (say, a bad hand edit) is skipped and reported by status, never fatal
        Files.writeString(journal, "{not an event\n", java.nio.file.StandardOpenOption.APPEND);
        PlancProcess.Run damaged = PlancProcess.runAt(now, tmp, "status", "shop.plan", "--format", "json");
        assertEquals(0, damaged.exit(), damaged.all());
        JsonNode warnings = new ObjectMapper().readTree(damaged.out()).get("warnings");
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).asText().contains("shop.journal:" + count(Files.readString(journal), "\n")),
                warnings.toString());
    }

    private static int count(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }
}
