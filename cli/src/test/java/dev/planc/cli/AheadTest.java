package dev.planc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planc.compiler.CompiledPlan;
import dev.planc.compiler.Compiler;
import dev.planc.compiler.Result;
import dev.planc.compiler.diag.TextRenderer;
import dev.planc.compiler.output.ScheduleFormat;
import dev.planc.compiler.schedule.ScheduleRequest;
import dev.planc.compiler.source.FileSourceLoader;
import dev.planc.compiler.source.SourceLoader;
import dev.planc.testing.Repository;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compile started before picocli has read the arguments: what it guesses, and that what it hands out is the compile's. */
class AheadTest {
    @TempDir
    Path tmp;

    private final Path release = Repository.root().resolve("examples/release.plan");

    private static String[] args(String... a) {
        return a;
    }

    private static String rendered(Result<CompiledPlan> r) throws IOException {
        StringWriter out = new StringWriter();
        out.write(new TextRenderer(false).render(r.diagnostics()));
        CompiledPlan plan = r.value();
        if (plan != null && plan.schedule() != null) {
            ScheduleFormat.JSON.write(plan.schedule(), out);
        }
        return out.toString();
    }

    @Test
    void theResultTakenIsTheCompileOfTheFileNamed() throws IOException {
        String p = release.toString();
        assertTrue(Ahead.start(args("schedule", "--format", "json", p)));
        Result<CompiledPlan> ahead = Ahead.take(Path.of(p), ScheduleRequest.plain());
        assertNotNull(ahead);
        SourceLoader loader = new FileSourceLoader();
        Result<CompiledPlan> inTurn = Compiler.compile(
                ((SourceLoader.LoadResult.Loaded) loader.load(release)).source(), loader, ScheduleRequest.plain());
        assertEquals(rendered(inTurn), rendered(ahead));
        assertNull(Ahead.take(Path.of(p), ScheduleRequest.plain()), "handed out once");
    }

    @Test
    void aPlanWithErrorsComesWithItsDiagnostics() throws IOException {
        Path late = tmp.resolve("late.plan");
        Files.writeString(late, """
                plan "Late" { start 2027-01-04 }
                task design { duration 5d }
                milestone beta { after design  deadline 2027-01-06 }
                """);
        assertTrue(Ahead.start(args("schedule", late.toString())));
        Result<CompiledPlan> ahead = Ahead.take(late, ScheduleRequest.plain());
        assertNotNull(ahead);
        assertTrue(ahead.hasErrors());
        assertTrue(rendered(ahead).contains("error[E0307]"), rendered(ahead));
    }

    @Test
    void onlyThePlainRequestAndTheSameFileAreTaken() {
        String p = release.toString();
        assertTrue(Ahead.start(args("schedule", p)));
        assertNull(Ahead.take(Path.of(p), new ScheduleRequest(null, Map.of(), Set.of(), 7)));
        assertNull(Ahead.take(Repository.root().resolve("examples/launch.plan"), ScheduleRequest.plain()));
        assertNotNull(Ahead.take(Path.of(p), ScheduleRequest.plain()), "still there for the right asker");
    }

    @Test
    void theGuessIsNeverAnOptionsValueNorMadeWhenUnsure() throws IOException {
        Path plan = tmp.resolve("p.plan");
        Files.writeString(plan, "plan \"P\" { start 2027-01-04 }\n");
        String p = plan.toString();
        // an option's value is never the guess: here the only candidate follows `-o`
        assertFalse(Ahead.start(args("schedule", "-o", p)));
        // other commands, budgets, `--`, missing files and directories: nothing started
        assertFalse(Ahead.start(args("check", p)));
        assertFalse(Ahead.start(args("schedule", "--leveling-budget", "5", p)));
        assertFalse(Ahead.start(args("schedule", "--leveling-budget=5", p)));
        assertFalse(Ahead.start(args("schedule", "--", p)));
        assertFalse(Ahead.start(args("schedule", tmp.resolve("missing.plan").toString())));
        assertFalse(Ahead.start(args("schedule", tmp.toString())));
        assertFalse(Ahead.start(args("schedule")));
        assertNull(Ahead.take(plan, ScheduleRequest.plain()));
        // the first plain argument after a value is
        assertTrue(Ahead.start(args("schedule", "--format", "json", p, "-o", tmp.resolve("out.json").toString())));
        assertNotNull(Ahead.take(plan, ScheduleRequest.plain()));
    }
}
