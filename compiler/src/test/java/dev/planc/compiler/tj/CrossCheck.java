package dev.planc.compiler.tj;

import dev.planc.compiler.CompiledPlan;
import dev.planc.compiler.Compiler;
import dev.planc.compiler.Result;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.model.Plan;
import dev.planc.compiler.model.Task;
import dev.planc.compiler.schedule.Schedule;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.SourceLoader;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One plan through both tools: Planc in process, TaskJuggler as a process on the translation,
 * then every task's start and finish compared to the minute.
 *
 * <p>TJ reports a duration task's start as the moment it may start; Planc reports its first
 * minute of work. So for those (and only those) the expected Planc start is the first working
 * minute of the task's time at or after TJ's start; a group's start is the earliest of its
 * children's. Effort, elapsed tasks and milestones are compared as TJ prints them.
 */
final class CrossCheck {
    private CrossCheck() {}

    /** What one plan gave. {@code skipped} names why a plan could not be compared at all. */
    record Outcome(String planText, String tjp, List<String> mismatches, String skipped, int compared) {
        boolean agrees() {
            return skipped == null && mismatches.isEmpty();
        }

        String report() {
            StringBuilder sb = new StringBuilder();
            if (skipped != null) {
                sb.append("skipped: ").append(skipped).append('\n');
            }
            mismatches.forEach(m -> sb.append("  ").append(m).append('\n'));
            sb.append("--- plan ---\n").append(planText);
            if (tjp != null) {
                sb.append("--- tjp ---\n").append(tjp);
            }
            return sb.toString();
        }
    }

    private static final Object COMPILE = new Object();

    /** Compiles one plan; one at a time, so callers may run TJ for several plans in parallel. */
    static Result<CompiledPlan> compile(String text) {
        SourceLoader none = path -> new SourceLoader.LoadResult.Failed("no includes in cross-check plans", true);
        synchronized (COMPILE) {
            return Compiler.compile(new Source("crosscheck.plan", text), none);
        }
    }

    static Outcome run(java.nio.file.Path tj3, String text) throws IOException, InterruptedException {
        Result<CompiledPlan> r = compile(text);
        if (r.hasErrors() || r.value() == null || r.value().schedule() == null) {
            String errors = r.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::message)
                    .collect(Collectors.joining("; "));
            return new Outcome(text, null, List.of("Planc did not compile the plan: " + errors), null, 0);
        }
        Plan plan = r.value().plan();
        Schedule schedule = r.value().schedule();
        String misaligned = effortOffGrid(plan, schedule);
        if (misaligned != null) {
            return new Outcome(text, null, List.of(), misaligned, 0);
        }
        LocalDateTime end = schedule.finish().toLocalDate().plusDays(45).atStartOfDay();
        TjTranslator.Translation tr;
        try {
            tr = TjTranslator.translate(plan, end);
        } catch (TjTranslator.Unrepresentable e) {
            return new Outcome(text, null, List.of("not expressible in TJ: " + e.getMessage()), null, 0);
        }
        Map<String, TjRunner.Span> tj;
        try {
            tj = TjRunner.schedule(tj3, tr.tjp());
        } catch (IllegalStateException e) {
            return new Outcome(text, tr.tjp(), List.of(e.getMessage()), null, 0);
        }
        for (int i : tr.startToStartOnDuration()) {
            TjRunner.Span s = tj.get(tr.ids().get(i));
            if (s != null && !s.start().equals(tr.snapStart().get(i).firstWorkAtOrAfter(s.start()))) {
                // TJ's start-to-start counts from the moment the task may start, Planc's from its first
                // working minute (CLI.md): here the two differ, so the link means two different things.
                return new Outcome(text, tr.tjp(), List.of(), "start-to-start on " + plan.tasks().get(i).path()
                        + ", which TJ starts at " + s.start() + ", before its first working minute", 0);
            }
        }
        List<String> mismatches = new ArrayList<>();
        Map<Integer, LocalDateTime> expectedStart = new HashMap<>();
        int compared = 0;
        // Children before parents: walk the pre-order list backwards.
        for (int i = plan.tasks().size() - 1; i >= 0; i--) {
            Task t = plan.tasks().get(i);
            String id = tr.ids().get(i);
            TjRunner.Span s = tj.get(id);
            if (s == null) {
                mismatches.add(t.path() + ": missing from TJ's report");
                continue;
            }
            LocalDateTime want;
            if (t.kind() == Task.Kind.GROUP) {
                want = null;
                for (int c : t.children()) {
                    LocalDateTime cs = expectedStart.get(c);
                    if (cs != null && (want == null || cs.isBefore(want))) {
                        want = cs;
                    }
                }
            } else if (tr.snapStart().containsKey(i)) {
                want = tr.snapStart().get(i).firstWorkAtOrAfter(s.start());
            } else {
                want = s.start();
            }
            expectedStart.put(i, want);
            Schedule.Entry e = schedule.entry(i);
            compared++;
            if (want == null || !want.equals(e.start())) {
                mismatches.add(t.path() + ": start planc " + e.start() + " tj " + want
                        + (want != null && want.equals(s.start()) ? "" : " (TJ printed " + s.start() + ")"));
            }
            if (!s.end().equals(e.finish())) {
                mismatches.add(t.path() + ": finish planc " + e.finish() + " tj " + s.end());
            }
        }
        java.util.Collections.reverse(mismatches);
        return new Outcome(text, tr.tjp(), mismatches, null, compared);
    }

    /**
     * TJ counts effort in whole slots of five minutes. Where several resources (or a part-time
     * one) change their combined rate inside a task, Planc's exact finish can fall inside a slot,
     * which TJ cannot express: such a plan is not comparable (and is counted, not hidden).
     */
    static String effortOffGrid(Plan plan, Schedule schedule) {
        for (Task t : plan.tasks()) {
            if (t.work() == null || !t.work().effort() || t.work().elapsed()) {
                continue;
            }
            boolean varyingRate = t.assignments().size() > 1 || t.assignments().stream()
                    .anyMatch(a -> a.units().stripTrailingZeros().scale() > 0);
            LocalDateTime f = schedule.entry(t.index()).finish();
            if (varyingRate && f != null && f.getMinute() % TjTranslator.RESOLUTION != 0) {
                return "effort of " + t.path() + " ends at " + f + ", inside one of TJ's 5-minute slots";
            }
        }
        return null;
    }
}
