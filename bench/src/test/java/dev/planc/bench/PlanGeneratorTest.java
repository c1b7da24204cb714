package dev.planc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planc.compiler.CompiledPlan;
import dev.planc.compiler.Compiler;
import dev.planc.compiler.Result;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.model.Task;
import dev.planc.compiler.source.Source;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Generated plans check clean (zero errors, zero warnings) at the sizes the benchmarks use, and
 * generation is deterministic. Small plans go through {@code Compiler.compile}, scheduling and
 * deadline checks included; large ones through the front end ({@link FrontEnd}: every check but
 * the schedule's deadlines, which sit in 2199), because scheduling 10,000 tasks takes about a
 * minute today (see bench/README.md). The 100,000-task plan is checked by CheckThroughput and
 * CheckBenchmark before they time it, and here with {@code -Dplanc.bench.large=true}.
 */
class PlanGeneratorTest {

    static Result<CompiledPlan> compile(String text) {
        return Compiler.compile(new Source("generated.plan", text), path -> {
            throw new AssertionError("a generated plan includes nothing, asked for " + path);
        });
    }

    static String describe(List<Diagnostic> list) {
        return list.stream().limit(20).map(d -> d.code().id() + " " + d.span().location() + " " + d.message()
                + "\n    " + d.span().source().lineText(d.span().line())).collect(Collectors.joining("\n"));
    }

    /** Through Compiler.compile, as planc check runs it. */
    static void assertCompilesClean(int tasks, long seed) {
        Result<CompiledPlan> r = compile(PlanGenerator.generate(tasks, seed));
        assertEquals(0, r.diagnostics().size(), tasks + " tasks, seed " + seed + ":\n" + describe(r.diagnostics()));
        assertNotNull(r.value().plan());
        assertNotNull(r.value().schedule(), "scheduled");
        assertEquals(tasks, r.value().plan().tasks().size(), "exactly N task and milestone declarations");
    }

    /** Parse, resolve and validate only. */
    static void assertChecksClean(int tasks, long seed) {
        FrontEnd.Outcome r = FrontEnd.check(new Source("generated.plan", PlanGenerator.generate(tasks, seed)));
        assertEquals(0, r.diagnostics().size(), tasks + " tasks, seed " + seed + ":\n" + describe(r.diagnostics()));
        assertNotNull(r.plan());
        assertEquals(tasks, r.plan().tasks().size(), "exactly N task and milestone declarations");
    }

    @ParameterizedTest
    @CsvSource({"10,1", "11,2", "17,3", "25,4", "50,5", "100," + PlanGenerator.DEFAULT_SEED, "100,6", "200,7"})
    void smallPlansCompileCleanScheduleIncluded(int tasks, long seed) {
        assertCompilesClean(tasks, seed);
    }

    @ParameterizedTest
    @CsvSource({"1000,8", "2500,9", "10000," + PlanGenerator.DEFAULT_SEED})
    void largePlansCheckClean(int tasks, long seed) {
        assertChecksClean(tasks, seed);
    }

    @Test
    @EnabledIfSystemProperty(named = "planc.bench.large", matches = "true")
    void theHundredThousandTaskPlanChecksClean() {
        assertChecksClean(100_000, PlanGenerator.DEFAULT_SEED);
    }

    @Test
    void sameSeedSameText() {
        assertEquals(PlanGenerator.generate(2_000, 42), PlanGenerator.generate(2_000, 42));
        assertNotEquals(PlanGenerator.generate(2_000, 42), PlanGenerator.generate(2_000, 43));
    }

    @Test
    void usesTheWholeLanguage() {
        String text = PlanGenerator.generate(10_000);
        for (String construct : new String[] {"milestone ", " contingent {", ".start", ".start + ", " - 1d",
            "finish after ", "start >= ", "effort ", "duration ", "ed ", "eh ", "ew ", "min ", ".5d", ":50%",
            "capacity 50%", "extends office", "holiday ", "..", "leave ", "priority ", "budget ", "cost ", "note ",
            "goal ", "metric ", "lower_is_better", "tolerance ", "when ", "activate ", "notify ", "escalate ",
            "once", "today ", "spi ", ".expected", "/*", "deadline "}) {
            assertTrue(text.contains(construct), "no `" + construct + "` in a 10,000-task plan");
        }
        FrontEnd.Outcome r = FrontEnd.check(new Source("generated.plan", text));
        var plan = r.plan();
        int maxDepth = 0;
        for (Task t : plan.tasks()) {
            int depth = 1;
            for (int p = t.parent(); p >= 0; p = plan.tasks().get(p).parent()) {
                depth++;
            }
            maxDepth = Math.max(maxDepth, depth);
        }
        assertEquals(5, maxDepth, "groups nest up to 4 levels, leaves one deeper");
        assertTrue(plan.resources().size() >= 24 && plan.teams().size() >= 4, "a few dozen resources and teams");
        assertTrue(plan.calendars().size() >= 4);
        long ss = plan.tasks().stream().flatMap(t -> t.dependencies().stream())
                .filter(l -> l.type() == Task.LinkType.START_TO_START).count();
        long lagged = plan.tasks().stream().flatMap(t -> t.dependencies().stream()).filter(l -> l.lagMinutes() != 0).count();
        assertTrue(ss > 100 && lagged > 100, "start-to-start links and lags");
        assertTrue(plan.contingencies().size() >= 40);
        for (Diagnostic d : r.diagnostics()) {
            throw new AssertionError(d.message());
        }
    }
}
