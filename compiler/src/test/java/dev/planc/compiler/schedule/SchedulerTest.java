package dev.planc.compiler.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planc.compiler.CompiledPlan;
import dev.planc.compiler.Compiler;
import dev.planc.compiler.Result;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.model.Plan;
import dev.planc.compiler.model.Task;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.SourceLoader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Hand-worked schedules. 2027-01-04 is a Monday; the default calendar is mon-fri 09:00-17:00. */
class SchedulerTest {
    static final String HEAD = "plan \"T\" { start 2027-01-04 }\n";

    static Result<CompiledPlan> compile(String text) {
        SourceLoader none = p -> new SourceLoader.LoadResult.Failed("no such file", true);
        return Compiler.compile(new Source("t.plan", text), none);
    }

    static Schedule schedule(String text) {
        Result<CompiledPlan> r = compile(text);
        assertTrue(r.diagnostics().isEmpty(), () -> r.diagnostics().stream().map(Diagnostic::message)
                .collect(Collectors.joining("\n")));
        return r.value().schedule();
    }

    /** Like {@link #schedule} but tolerates warnings (generated plans may leave a resource idle). */
    static Schedule scheduleWithWarnings(String text) {
        Result<CompiledPlan> r = compile(text);
        assertTrue(!r.hasErrors(), () -> r.diagnostics().stream().map(Diagnostic::message)
                .collect(Collectors.joining("\n")) + "\n" + text);
        return r.value().schedule();
    }

    /** "start..finish" of a task by path. */
    static String span(Schedule s, String path) {
        Task t = s.plan().task(path).orElseThrow();
        Schedule.Entry e = s.entry(t.index());
        return Times.text(e.start()) + ".." + Times.text(e.finish());
    }

    @Test
    void finishToStartChain() {
        Schedule s = schedule(HEAD + "task a { duration 2d }\ntask b { duration 1d after a }\n");
        assertEquals("2027-01-04T09:00..2027-01-05T17:00", span(s, "a"));
        assertEquals("2027-01-06T09:00..2027-01-06T17:00", span(s, "b"));
        assertEquals("2027-01-04T09:00", Times.text(s.start()));
        assertEquals("2027-01-06T17:00", Times.text(s.finish()));
        assertEquals(List.of("a", "b"), path(s));
    }

    @Test
    void workingAndElapsedLagsAndLeads() {
        Schedule s = schedule(HEAD + "task a { duration 2d }\n"
                + "task lag { duration 1d after a + 2d }\n" // Tue 17:00 + 16h working -> Thu 17:00 -> Fri 09:00
                + "task lead { duration 1d after a - 1d }\n" // Tue 17:00 - 8h -> Tue 09:00
                + "task elapsed { duration 1d after a + 1ed }\n" // Tue 17:00 + 24h = Wed 17:00 -> Thu 09:00
                + "task hours { duration 2h after a + 3h }\n"); // Wed 09:00 + 3h = 12:00
        assertEquals("2027-01-08T09:00..2027-01-08T17:00", span(s, "lag"));
        assertEquals("2027-01-05T09:00..2027-01-05T17:00", span(s, "lead"));
        assertEquals("2027-01-07T09:00..2027-01-07T17:00", span(s, "elapsed"));
        assertEquals("2027-01-06T12:00..2027-01-06T14:00", span(s, "hours"));
    }

    @Test
    void startToStartAndFinishToFinish() {
        Schedule s = schedule(HEAD + "task a { duration 2d }\n"
                + "task ss { duration 1d after a.start + 1d }\n" // Mon 09:00 + 8h = Mon 17:00 -> Tue 09:00
                + "task ff { duration 1d  finish after a }\n" // must end >= Tue 17:00
                + "task ffl { duration 1d  finish after a + 4h }\n"); // end >= Wed 13:00
        assertEquals("2027-01-05T09:00..2027-01-05T17:00", span(s, "ss"));
        assertEquals("2027-01-05T09:00..2027-01-05T17:00", span(s, "ff"));
        assertEquals("2027-01-05T13:00..2027-01-06T13:00", span(s, "ffl"));
    }

    @Test
    void lunchBreaksAndHolidays() {
        Schedule s = schedule("plan \"T\" { start 2027-01-04  calendar office }\n"
                + "calendar office { workdays mon tue wed thu fri  hours 09:00-12:00, 13:00-17:00  "
                + "holiday 2027-01-06 \"Epiphany\" }\n"
                + "task a { duration 4h  start >= 2027-01-04T10:00 }\n" // 10-12, 13-15
                + "task b { duration 2d  after a }\n" // 1d = 8h on a 7h day: Mon 15-17 (2h), Tue 7h, Thu 7h = 16h
                + "milestone m { after b }\n");
        assertEquals("2027-01-04T10:00..2027-01-04T15:00", span(s, "a"));
        assertEquals("2027-01-04T15:00..2027-01-07T17:00", span(s, "b"));
        assertEquals("2027-01-07T17:00..2027-01-07T17:00", span(s, "m"));
    }

    @Test
    void elapsedTaskRunsOverTheWeekendFromTheVeryMinute() {
        Schedule s = schedule(HEAD + "task a { duration 5d }\ntask e { duration 3ed  after a }\n"
                + "task next { duration 1d  after e }\n");
        assertEquals("2027-01-08T17:00..2027-01-11T17:00", span(s, "e"));
        assertEquals("2027-01-12T09:00..2027-01-12T17:00", span(s, "next"));
    }

    @Test
    void elapsedTimeAcrossTheDaylightSavingChange() {
        Schedule s = schedule("plan \"T\" { start 2027-03-22  timezone \"Europe/Berlin\" }\n"
                + "task e { duration 24eh  start >= 2027-03-27T12:00 }\n"
                + "task w { duration 1d  after e }\n");
        // Clocks go forward at 02:00 on Sunday 28 March: 24 real hours end at 13:00 local.
        assertEquals("2027-03-27T12:00..2027-03-28T13:00", span(s, "e"));
        assertEquals("2027-03-29T09:00..2027-03-29T17:00", span(s, "w"));
    }

    @Test
    void effortIsSpreadOverAssignmentsSharesAndLeaves() {
        Schedule s = schedule(HEAD + "resource x { }\nresource y { }\nresource z { leave 2027-01-05 }\n"
                + "resource half { capacity 50% }\n"
                + "task two { effort 4d  assign x, y }\n" // 2 days
                + "task share { effort 1d  assign half }\n" // half a unit: 2 days
                + "task leave { effort 2d  assign z }\n"); // Mon, (Tue off), Wed
        assertEquals("2027-01-04T09:00..2027-01-05T17:00", span(s, "two"));
        assertEquals("2027-01-04T09:00..2027-01-05T17:00", span(s, "share"));
        assertEquals("2027-01-04T09:00..2027-01-06T17:00", span(s, "leave"));
    }

    @Test
    void poolsAndPartTimeCapacityAreNeverExceeded() {
        Schedule s = schedule(HEAD + "resource lab { capacity 3 }\nresource bob { capacity 50% }\n"
                + "task t1 { duration 1d  assign lab:2 }\ntask t2 { duration 1d  assign lab:2 }\n"
                + "task t3 { duration 1d  assign lab:1 }\n"
                + "task b1 { duration 1d  assign bob }\ntask b2 { duration 1d  assign bob }\n");
        assertEquals("2027-01-04T09:00..2027-01-04T17:00", span(s, "t1"));
        assertEquals("2027-01-05T09:00..2027-01-05T17:00", span(s, "t2")); // 2 + 2 > 3
        assertEquals("2027-01-04T09:00..2027-01-04T17:00", span(s, "t3")); // 2 + 1 fits
        assertEquals("2027-01-04T09:00..2027-01-04T17:00", span(s, "b1"));
        assertEquals("2027-01-05T09:00..2027-01-05T17:00", span(s, "b2")); // 0.5 + 0.5 > 0.5
    }

    @Test
    void higherPriorityWinsTheResource() {
        Schedule s = schedule(HEAD + "resource alice { }\n"
                + "task low { duration 2d  assign alice  priority 100 }\n"
                + "task high { duration 1d  assign alice  priority 900 }\n");
        assertEquals("2027-01-04T09:00..2027-01-04T17:00", span(s, "high"));
        assertEquals("2027-01-05T09:00..2027-01-06T17:00", span(s, "low"));
    }

    @Test
    void levelingFindsTheShorterFinishBetweenEqualPriorities() {
        // Greedy declaration order would run `long` first and leave `chain` waiting: 4 days.
        // Running `short` first lets the other resource start early: 3 days.
        Schedule s = schedule(HEAD + "resource a { }\nresource b { }\n"
                + "task long { duration 2d  assign a }\n"
                + "task short { duration 1d  assign a }\n"
                + "task chain { duration 2d  assign b  after short }\n");
        assertEquals("2027-01-06T17:00", Times.text(s.finish()));
    }

    @Test
    void groupsSpanChildrenAndPassDependenciesDown() {
        Schedule s = schedule(HEAD + "task a { duration 1d }\n"
                + "task g { after a\n  task c { duration 2d }\n  task d { duration 1d }\n}\n"
                + "task after_g { duration 1d  after g }\nmilestone m { after g }\n");
        assertEquals("2027-01-05T09:00..2027-01-06T17:00", span(s, "g.c"));
        assertEquals("2027-01-05T09:00..2027-01-05T17:00", span(s, "g.d"));
        assertEquals("2027-01-05T09:00..2027-01-06T17:00", span(s, "g"));
        assertEquals("2027-01-07T09:00..2027-01-07T17:00", span(s, "after_g"));
        assertEquals("2027-01-06T17:00..2027-01-06T17:00", span(s, "m"));
    }

    @Test
    void slackAndCriticality() {
        Schedule s = schedule(HEAD + "task a { duration 3d }\ntask b { duration 1d }\n"
                + "milestone done { after a, b }\n");
        Plan p = s.plan();
        assertEquals(0, s.entry(p.task("a").orElseThrow().index()).slackMinutes());
        assertTrue(s.entry(p.task("a").orElseThrow().index()).critical());
        assertEquals(2 * 480, s.entry(p.task("b").orElseThrow().index()).slackMinutes());
        assertEquals(List.of("a", "done"), path(s));
    }

    @Test
    void contingentTasksWaitForActivation() {
        String text = HEAD + "task a { duration 1d }\n"
                + "task fallback contingent { duration 2d  after a }\n"
                + "contingency c { when a.late then { activate fallback } }\n";
        Schedule s = schedule(text);
        Task fb = s.plan().task("fallback").orElseThrow();
        assertNull(s.entry(fb.index()).start());
        Result<Schedule> activated = Scheduler.schedule(s.plan(),
                new ScheduleRequest(null, Map.of(), Set.of(fb.index()), 0));
        assertNotNull(activated.value());
        assertEquals("2027-01-05T09:00..2027-01-06T17:00", span(activated.value(), "fallback"));
    }

    @Test
    void missedDeadlineNamesTheChainAndHowLate() {
        Result<CompiledPlan> r = compile(HEAD + "task design { duration 5d }\n"
                + "task build { duration 10d  after design }\n"
                + "milestone beta { after build  deadline 2027-01-13 }\n");
        assertEquals(1, r.diagnostics().size(), r.diagnostics().toString());
        Diagnostic d = r.diagnostics().get(0);
        assertEquals("E0307", d.code().id());
        // design Mon 4 - Fri 8, build Mon 11 - Fri 22; late Thu 14 .. Fri 22
        assertEquals("`beta` finishes 2027-01-22T17:00, 7 working days after its deadline 2027-01-13", d.message());
        assertEquals("driven by: `design` (5d) → `build` (10d) → `beta`", d.help().get(0));
    }

    private static List<String> path(Schedule s) {
        return s.criticalPath().stream().map(i -> s.plan().tasks().get(i).path()).toList();
    }
}
