package dev.planc.bench;

import dev.planc.compiler.CompiledPlan;
import dev.planc.compiler.Compiler;
import dev.planc.compiler.Result;
import dev.planc.compiler.model.Metric;
import dev.planc.compiler.model.Plan;
import dev.planc.compiler.model.Task;
import dev.planc.compiler.schedule.Schedule;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.SourceLoader;
import dev.planc.runtime.journal.Event;
import dev.planc.runtime.journal.EventCodec;
import dev.planc.runtime.journal.EventStore;
import dev.planc.runtime.journal.JournalFile;
import dev.planc.runtime.status.Baseline;
import dev.planc.runtime.status.Status;
import dev.planc.runtime.status.StatusEngine;
import dev.planc.runtime.status.Thresholds;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Status of a large plan with a long journal, in process (issue target: 20,000 tasks, 50,000
 * events, ≤ 1 s). The plan is {@link PlanGenerator}'s (groups, resources with contention,
 * contingencies on slips, metrics); the journal is made from its baseline: tasks in baseline
 * order start at their baseline start plus a seeded jitter, report progress daily-ish and finish,
 * metrics get readings, until the event count is reached. The journal is written as a real
 * journal file and read back through {@link JournalFile} in every timed run.
 *
 * <p>Two cases: "checkpointed", the journal as the runtime leaves it (a {@code checked} event at
 * the last event, as {@code planc log} writes), and "from scratch", no checkpoint, so every
 * contingency is evaluated at every event and every working day since the plan's start.
 *
 * <pre>java -cp bench/target/planc-bench.jar dev.planc.bench.StatusThroughput [--tasks 20000] [--events 50000] [--runs 5]</pre>
 */
public final class StatusThroughput {
    private StatusThroughput() {}

    public static void main(String[] args) throws Exception {
        int tasks = 20_000;
        int events = 50_000;
        int runs = 5;
        boolean scratch = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--tasks" -> tasks = Integer.parseInt(args[++i]);
                case "--events" -> events = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--no-scratch" -> scratch = false;
                default -> {
                    System.err.println("usage: StatusThroughput [--tasks N] [--events N] [--runs N] [--no-scratch]");
                    System.exit(2);
                }
            }
        }
        long t0 = System.nanoTime();
        String text = PlanGenerator.generate(tasks);
        Result<CompiledPlan> r = Compiler.compile(new Source("generated.plan", text), path ->
                new SourceLoader.LoadResult.Failed("no includes", true));
        if (r.hasErrors()) {
            System.err.println("generated plan has errors: " + r.diagnostics().get(0));
            System.exit(2);
        }
        Plan plan = r.value().plan();
        Schedule schedule = r.value().schedule();
        System.out.printf("plan: %,d tasks, compiled with its baseline in %.1f s%n", plan.tasks().size(),
                (System.nanoTime() - t0) / 1e9);
        List<Event> journal = journal(plan, schedule, events);
        LocalDateTime at = journal.get(journal.size() - 1).at();
        Path dir = Files.createTempDirectory("planc-status-bench");
        Path withCheckpoint = write(dir.resolve("checkpointed.journal"), journal, at);
        Path without = write(dir.resolve("scratch.journal"), journal, null);
        Baseline baseline = Baseline.of(schedule);
        System.out.printf("journal: %,d events up to %s (%,d bytes)%n", journal.size(), at, Files.size(without));
        measure("checkpointed", plan, baseline, withCheckpoint, at, runs);
        if (scratch) {
            measure("from scratch", plan, baseline, without, at, Math.min(runs, 2));
        }
    }

    private static void measure(String label, Plan plan, Baseline baseline, Path file, LocalDateTime at, int runs)
            throws Exception {
        List<Long> times = new ArrayList<>();
        List<Long> threadCpu = new ArrayList<>();
        List<Long> processCpu = new ArrayList<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Status last = null;
        for (int run = -1; run < runs; run++) { // run -1 warms up
            long t = System.nanoTime();
            long thread = threads.getCurrentThreadCpuTime();
            long process = os.getProcessCpuTime();
            try (JournalFile j = JournalFile.open(file, w -> { })) {
                EventStore.ReadResult read = j.read();
                last = StatusEngine.status(plan, baseline, read.events(), at, Thresholds.of(plan.flags()));
            }
            if (run >= 0) {
                times.add((System.nanoTime() - t) / 1_000_000);
                threadCpu.add((threads.getCurrentThreadCpuTime() - thread) / 1_000_000);
                processCpu.add((os.getProcessCpuTime() - process) / 1_000_000);
            }
        }
        System.out.printf("%-13s read + status: median %,d ms (min %,d, max %,d; %d runs); CPU median: this thread "
                + "%,d ms, whole process (GC, JIT) %,d ms; overall %s, forecast finish %s, %d new firings%n", label,
                median(times), Collections.min(times), Collections.max(times), times.size(), median(threadCpu),
                median(processCpu), last.overall().word(), last.forecastFinish(), last.newFirings().size());
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        return sorted.get(sorted.size() / 2);
    }

    /** Events from the baseline: starts, progress, finishes and metric readings, in time order. */
    static List<Event> journal(Plan plan, Schedule schedule, int count) {
        Random random = new Random(20270104L);
        List<Task> leaves = new ArrayList<>();
        for (Task t : plan.tasks()) {
            if (t.kind() != Task.Kind.GROUP && schedule.entry(t.index()).scheduled() && !t.contingent()) {
                leaves.add(t);
            }
        }
        leaves.sort(Comparator.comparing((Task t) -> schedule.entry(t.index()).start()).thenComparingInt(Task::index));
        List<Event> out = new ArrayList<>();
        Instant recorded = Instant.parse("2026-11-22T00:00:00Z");
        int id = 0;
        for (Task t : leaves) {
            if (out.size() >= count) {
                break;
            }
            Schedule.Entry e = schedule.entry(t.index());
            LocalDateTime start = e.start().plusMinutes(random.nextInt(120));
            LocalDateTime finish = e.finish().plusMinutes(random.nextInt(240));
            if (t.kind() == Task.Kind.MILESTONE) {
                out.add(event(++id, e.finish(), Event.Type.FINISH, t.path(), null, recorded));
                continue;
            }
            out.add(event(++id, start, Event.Type.START, t.path(), null, recorded));
            out.add(event(++id, start.plusMinutes((finish.toEpochSecond(java.time.ZoneOffset.UTC)
                    - start.toEpochSecond(java.time.ZoneOffset.UTC)) / 120), Event.Type.PROGRESS, t.path(),
                    BigDecimal.valueOf(50), recorded));
            out.add(event(++id, finish.isAfter(start) ? finish : start, Event.Type.FINISH, t.path(), null, recorded));
            if (!plan.metrics().isEmpty() && random.nextInt(4) == 0) {
                Metric m = plan.metrics().get(random.nextInt(plan.metrics().size()));
                BigDecimal v = m.target() == null ? BigDecimal.valueOf(random.nextInt(100)) : m.target()
                        .multiply(BigDecimal.valueOf(random.nextInt(100))).divide(BigDecimal.valueOf(100));
                out.add(event(++id, start, Event.Type.MEASURE, m.id(), v, recorded));
            }
        }
        out.sort(Comparator.comparing(Event::at));
        return out.size() > count ? new ArrayList<>(out.subList(0, count)) : out;
    }

    private static Event event(int id, LocalDateTime at, Event.Type type, String subject, BigDecimal value,
            Instant recorded) {
        return new Event(Event.SCHEMA, "e" + id, at, recorded, type, subject, value, null, null, "bench");
    }

    private static Path write(Path file, List<Event> events, LocalDateTime checkpoint) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Event e : events) {
                w.write(EventCodec.line(e));
                w.write('\n');
            }
            if (checkpoint != null) {
                w.write(EventCodec.line(new Event(Event.SCHEMA, "checkpoint", checkpoint, Instant.parse(
                        "2026-11-22T00:00:00Z"), Event.Type.CHECKED, null, null, null, "", "planc")));
                w.write('\n');
            }
        }
        return file;
    }
}
