package dev.planc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.planc.testing.Repository;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: the packaged {@code planc} jar in its own process, exit codes and output per CLI.md. */
class CliIT {
    @TempDir
    Path tmp;

    private final Path root = Repository.root();

    private static void assertNoStackTrace(PlancProcess.Run r) {
        assertFalse(r.all().contains("Exception"), r.all());
        assertFalse(r.all().contains("\tat "), r.all());
    }

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void examplesCheckCleanly() throws Exception {
        for (String ex : new String[] {"examples/release.plan", "examples/launch.plan", "examples/construction.plan"}) {
            PlancProcess.Run r = PlancProcess.run(root, "check", ex);
            assertEquals(0, r.exit(), r.all());
            assertTrue(r.err().contains("0 errors, 0 warnings"), r.err());
        }
    }

    @Test
    void directoryChecksEveryPlanAndIncludedFilesThroughTheirIncluder() throws Exception {
        PlancProcess.Run r = PlancProcess.run(root, "check", "examples");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.err().contains("checked 3 plans: 0 errors, 0 warnings"), r.err());
    }

    @Test
    void errorsExitOneWithSnippetAndSuggestion() throws Exception {
        Path plan = write("bad.plan", """
                plan "Relaunch" { start 2027-01-04 }
                task design { duration 5d }
                task backend { duration 3d after desgin }
                """);
        PlancProcess.Run r = PlancProcess.run(tmp, "check", "--color", "never", plan.getFileName().toString());
        assertEquals(1, r.exit(), r.all());
        assertEquals("""
                bad.plan:3:34: error[E0201]: unknown task `desgin` in `after` of task `backend`
                  |
                3 | task backend { duration 3d after desgin }
                  |                                  ^^^^^^ did you mean `design`?
                planc: checked 1 plan: 1 error, 0 warnings
                """, r.err());
        assertEquals("", r.out());
    }

    @Test
    void jsonFormatMatchesTheContract() throws Exception {
        write("bad.plan", """
                plan "Relaunch" { start 2027-01-04 }
                task design { duration 5 }
                resource idle { }
                """);
        PlancProcess.Run r = PlancProcess.run(tmp, "check", "--format", "json", "bad.plan");
        assertEquals(1, r.exit(), r.all());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(1, json.get("errors").asInt());
        assertEquals(0, json.get("warnings").asInt());
        JsonNode d = json.get("diagnostics").get(0);
        assertEquals("bad.plan", d.get("file").asText());
        assertEquals(2, d.get("line").asInt());
        assertEquals(24, d.get("column").asInt());
        assertEquals(2, d.get("endLine").asInt());
        assertEquals(25, d.get("endColumn").asInt());
        assertEquals("error", d.get("severity").asText());
        assertEquals("E0104", d.get("code").asText());
        assertTrue(d.get("message").asText().contains("no unit"));
    }

    @Test
    void warningsAloneExitZero() throws Exception {
        write("warn.plan", """
                plan "P" { start 2027-01-04 }
                resource idle "Nobody's job" { }
                task t { duration 1d }
                """);
        PlancProcess.Run r = PlancProcess.run(tmp, "check", "--color", "never", "warn.plan");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.err().contains("warning[W0001]"), r.err());
    }

    @Test
    void colourOnRequest() throws Exception {
        write("bad.plan", "plan \"P\" { start 2027-01-04 }\ntask t { }\n");
        PlancProcess.Run always = PlancProcess.run(tmp, "check", "--color", "always", "bad.plan");
        assertTrue(always.err().contains("\u001b["), always.err());
        PlancProcess.Run never = PlancProcess.run(tmp, "check", "--color", "never", "bad.plan");
        assertFalse(never.err().contains("\u001b["), never.err());
    }

    @Test
    void missingFileDirectoryAndUsageErrorsExitTwo() throws Exception {
        PlancProcess.Run missing = PlancProcess.run(tmp, "check", "nope.plan");
        assertEquals(2, missing.exit(), missing.all());
        assertTrue(missing.err().contains("cannot read `nope.plan`: no such file"), missing.err());
        assertNoStackTrace(missing);

        Files.createDirectories(tmp.resolve("empty"));
        PlancProcess.Run empty = PlancProcess.run(tmp, "check", "empty");
        assertEquals(2, empty.exit(), empty.all());
        assertTrue(empty.err().contains("no .plan files under `empty`"), empty.err());

        Files.createDirectories(tmp.resolve("dir.plan"));
        PlancProcess.Run dirPlan = PlancProcess.run(tmp, "fmt", "--check", "dir.plan");
        assertEquals(2, dirPlan.exit(), dirPlan.all());

        PlancProcess.Run noArgs = PlancProcess.run(tmp);
        assertEquals(2, noArgs.exit(), noArgs.all());
        PlancProcess.Run badOption = PlancProcess.run(tmp, "check", "--frobnicate", "x.plan");
        assertEquals(2, badOption.exit(), badOption.all());
        assertTrue(badOption.err().contains("Unknown option"), badOption.err());
        PlancProcess.Run badFormat = PlancProcess.run(tmp, "check", "--format", "xml", "x.plan");
        assertEquals(2, badFormat.exit(), badFormat.all());
        assertNoStackTrace(badFormat);
    }

    @Test
    void binaryAndInvalidUtf8AreRefusedClearly() throws Exception {
        Path bin = tmp.resolve("bin.plan");
        Files.write(bin, new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3});
        PlancProcess.Run r = PlancProcess.run(tmp, "check", "bin.plan");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("binary"), r.err());
        assertNoStackTrace(r);

        Path latin1 = tmp.resolve("latin1.plan");
        Files.write(latin1, "plan \"Caf\u00e9\" { start 2027-01-04 }\n".getBytes(StandardCharsets.ISO_8859_1));
        PlancProcess.Run r2 = PlancProcess.run(tmp, "check", "latin1.plan");
        assertEquals(2, r2.exit(), r2.all());
        assertTrue(r2.err().contains("not valid UTF-8 (a malformed byte sequence at byte offset 9)"), r2.err());
        assertNoStackTrace(r2);
    }

    @Test
    void deepNestingIsAnErrorNotACrash() throws Exception {
        StringBuilder s = new StringBuilder("plan \"P\" { start 2027-01-04 }\n");
        for (int i = 0; i < 5000; i++) {
            s.append("task t").append(i).append(" { ");
        }
        for (int i = 0; i < 5000; i++) {
            s.append("}");
        }
        write("deep.plan", s.toString());
        StringBuilder e = new StringBuilder("plan \"P\" { start 2027-01-04 }\ntask t { duration 1d }\n"
                + "contingency c { when ");
        e.append("not ".repeat(20000)).append("t.done then { escalate \"x\" } }\n");
        write("deepexpr.plan", e.toString());
        for (String f : new String[] {"deep.plan", "deepexpr.plan"}) {
            PlancProcess.Run r = PlancProcess.run(tmp, "check", "--color", "never", f);
            assertEquals(1, r.exit(), r.all());
            assertTrue(r.err().contains("error[E0007]"), r.err());
            assertNoStackTrace(r);
        }
    }

    @Test
    void fiftyMegabytesOfJunkGetsOneClearError() throws Exception {
        Path big = tmp.resolve("big.plan");
        try (Writer w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            String line = "lorem ipsum { dolor sit amet } consectetur 42 adipiscing \"elit\" sed do eiusmod\n";
            long written = 0;
            while (written < 50L * 1024 * 1024) {
                w.write(line);
                written += line.length();
            }
        }
        PlancProcess.Run r = PlancProcess.run(tmp, "check", "--color", "never", "big.plan");
        assertEquals(1, r.exit(), r.err().length() > 2000 ? r.err().substring(0, 2000) : r.err());
        assertTrue(r.err().contains("big.plan:1:1: error[E0001]: unexpected `lorem`"), r.err());
        assertTrue(r.err().length() < 5000, "recovery skips the junk instead of reporting every token");
        assertNoStackTrace(r);
    }

    @Test
    void manySyntaxErrorsAreAllFoundButTheListIsCapped() throws Exception {
        StringBuilder s = new StringBuilder("plan \"P\" { start 2027-01-04 }\n");
        for (int i = 0; i < 150; i++) {
            s.append("task t").append(i).append(" { duration 1d priority }\n");
        }
        write("many.plan", s.toString());
        PlancProcess.Run r = PlancProcess.run(tmp, "check", "--color", "never", "many.plan");
        assertEquals(1, r.exit());
        // 100 shown, then one line saying how many more there are
        assertEquals(101, r.err().split("error\\[E0001\\]", -1).length - 1, r.err());
        assertTrue(r.err().contains("too many syntax errors: 50 more in this file not shown"), r.err());
    }

    @Test
    void fmtRewritesChecksAndRefusesBrokenFiles() throws Exception {
        Path plan = write("messy.plan", "plan \"P\"{start 2027-01-04;}   # header\ntask   t{duration 1d;assign a}\n"
                + "resource a {}\n");
        PlancProcess.Run check = PlancProcess.run(tmp, "fmt", "--check", "messy.plan");
        assertEquals(1, check.exit(), check.all());
        assertTrue(check.out().contains("would reformat messy.plan"), check.out());
        String before = Files.readString(plan);

        PlancProcess.Run fmt = PlancProcess.run(tmp, "fmt", "messy.plan");
        assertEquals(0, fmt.exit(), fmt.all());
        String after = Files.readString(plan);
        assertFalse(before.equals(after));
        assertTrue(after.contains("# header"), after);
        assertEquals("plan \"P\" {\n  start 2027-01-04\n} # header\n\ntask t { duration 1d  assign a }\n"
                + "resource a { }\n", after);

        PlancProcess.Run again = PlancProcess.run(tmp, "fmt", "--check", "messy.plan");
        assertEquals(0, again.exit(), again.all());
        assertEquals(after, Files.readString(plan));

        Path broken = write("broken.plan", "plan \"P\" { start 2027-01-04 \ntask t { duration 1d\n");
        String brokenBefore = Files.readString(broken);
        PlancProcess.Run b = PlancProcess.run(tmp, "fmt", "broken.plan");
        assertEquals(1, b.exit(), b.all());
        assertTrue(b.err().contains("fix the syntax errors first"), b.err());
        assertEquals(brokenBefore, Files.readString(broken));
    }

    @Test
    void examplesAreCanonicallyFormatted() throws Exception {
        PlancProcess.Run r = PlancProcess.run(root, "fmt", "--check", "examples");
        assertEquals(0, r.exit(), r.all());
    }

    @Test
    void scheduleWritesEveryFormatAndOneFilePerPlanWithSeveralPlans() throws Exception {
        PlancProcess.Run json = PlancProcess.run(root, "schedule", "--format", "json", "examples/release.plan");
        assertEquals(0, json.exit(), json.all());
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertEquals("Payments API 3.0 release", doc.get("plan").get("name").asText());
        assertEquals("2027-03-01T09:00", doc.get("plan").get("start").asText());
        assertEquals("Europe/London", doc.get("plan").get("timezone").asText());
        JsonNode first = doc.get("tasks").get(0);
        for (String field : new String[] {"id", "title", "kind", "start", "finish", "slackHours", "critical", "assigned",
                "contingent", "deadline"}) {
            assertTrue(first.has(field), field);
        }
        assertTrue(doc.get("criticalPath").size() > 0);

        PlancProcess.Run many = PlancProcess.run(root, "schedule", "--format", "mermaid", "-o",
                tmp.resolve("out").toString(), "examples/release.plan", "examples/launch.plan");
        assertEquals(0, many.exit(), many.all());
        assertTrue(Files.readString(tmp.resolve("out/release.mmd")).startsWith("gantt\n"));
        assertTrue(Files.readString(tmp.resolve("out/launch.mmd")).contains("section"));

        PlancProcess.Run yaml = PlancProcess.run(root, "schedule", "--format", "yaml", "examples/construction.plan");
        assertEquals(0, yaml.exit(), yaml.all());
        assertTrue(yaml.out().startsWith("plan:\n  name: Lindenschule summer renovation\n"), yaml.out());

        PlancProcess.Run text = PlancProcess.run(root, "schedule", "examples/construction.plan");
        assertEquals(0, text.exit(), text.all());
        assertTrue(text.out().contains("critical path: "), text.out());
    }

    @Test
    void levelingBudgetIsAnOptionAndNeverMakesTheScheduleWorseOrNondeterministic() throws Exception {
        PlancProcess.Run small = PlancProcess.run(root, "schedule", "--format", "json", "--leveling-budget", "1",
                "examples/launch.plan");
        PlancProcess.Run large = PlancProcess.run(root, "schedule", "--format", "json", "--leveling-budget", "3000",
                "examples/launch.plan");
        PlancProcess.Run again = PlancProcess.run(root, "schedule", "--format", "json", "--leveling-budget", "3000",
                "examples/launch.plan");
        assertEquals(0, small.exit(), small.all());
        assertEquals(0, large.exit(), large.all());
        assertEquals(large.out(), again.out(), "same budget, same bytes");
        ObjectMapper json = new ObjectMapper();
        String smallFinish = json.readTree(small.out()).get("plan").get("finish").asText();
        String largeFinish = json.readTree(large.out()).get("plan").get("finish").asText();
        assertTrue(largeFinish.compareTo(smallFinish) <= 0, largeFinish + " vs " + smallFinish);

        PlancProcess.Run bad = PlancProcess.run(root, "check", "--leveling-budget", "-1", "examples/launch.plan");
        assertEquals(2, bad.exit(), bad.all());
        assertTrue(bad.err().contains("--leveling-budget must be 0 (the default) or a positive number"), bad.err());
        assertNoStackTrace(bad);
    }

    @Test
    void scheduleRefusesPlansWithErrorsAndReportsMissedDeadlines() throws Exception {
        write("late.plan", """
                plan "Late" { start 2027-01-04 }
                task design { duration 5d }
                task build { duration 10d  after design }
                milestone beta { after build  deadline 2027-01-13 }
                """);
        PlancProcess.Run r = PlancProcess.run(tmp, "schedule", "--color", "never", "late.plan");
        assertEquals(1, r.exit(), r.all());
        assertTrue(r.err().contains("error[E0307]: `beta` finishes 2027-01-22T17:00, 7 working days after its "
                + "deadline 2027-01-13"), r.err());
        assertTrue(r.err().contains("driven by: `design` (5d) → `build` (10d) → `beta`"), r.err());
        assertEquals("", r.out());
        PlancProcess.Run check = PlancProcess.run(tmp, "check", "--color", "never", "late.plan");
        assertEquals(1, check.exit(), check.all());
    }

    @Test
    void versionAndHelp() throws Exception {
        PlancProcess.Run v = PlancProcess.run(tmp, "--version");
        assertEquals(0, v.exit(), v.all());
        assertTrue(v.out().startsWith("planc "), v.out());
        PlancProcess.Run h = PlancProcess.run(tmp, "check", "--help");
        assertEquals(0, h.exit(), h.all());
        assertTrue(h.out().contains("--format"), h.out());
    }
}
