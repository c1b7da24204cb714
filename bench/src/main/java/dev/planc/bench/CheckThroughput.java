package dev.planc.bench;

import dev.planc.compiler.CompiledPlan;
import dev.planc.compiler.Compiler;
import dev.planc.compiler.Result;
import dev.planc.compiler.source.FileSourceLoader;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.SourceLoader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;

/**
 * Plain-main throughput check in process, against the targets: a 100,000-task plan checked in
 * at most 2 s and at least 10 MB/s. Generates the plan (or reads {@code --file}), warms up, then
 * times each check and reports wall time, main-thread CPU time, MB/s (UTF-8 source bytes / wall
 * time), bytes allocated, GC activity, the peak heap during the run (heap pool peaks, reset after
 * a {@code System.gc()} before each run) and the heap the result keeps alive.
 *
 * <p>A check is the front end (parse, resolve, validate: {@link FrontEnd}) unless
 * {@code --compile} is given, which times {@link Compiler#compile} as {@code planc check} runs it,
 * scheduling included.
 *
 * <pre>
 * java -Xms2g -Xmx2g -cp bench/target/planc-bench.jar dev.planc.bench.CheckThroughput
 *     [--tasks 100000] [--seed S] [--file PLAN] [--warmup 5] [--runs 10] [--phases] [--compile]
 * </pre>
 *
 * Exit status 0 when the median run meets both targets, 1 when it misses one, 2 when the plan
 * does not check clean.
 */
public final class CheckThroughput {
    static final double TARGET_MS = 2_000;
    static final double TARGET_MB_S = 10;

    private CheckThroughput() {}

    public static void main(String[] args) throws Exception {
        int tasks = 100_000;
        long seed = PlanGenerator.DEFAULT_SEED;
        Path file = null;
        int warmup = 5;
        int runs = 10;
        boolean phases = false;
        boolean compile = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--tasks" -> tasks = Integer.parseInt(args[++i].replace("_", ""));
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--file" -> file = Path.of(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--phases" -> phases = true;
                case "--compile" -> compile = true;
                default -> {
                    System.err.println("usage: CheckThroughput [--tasks N] [--seed S] [--file PLAN] [--warmup W] "
                            + "[--runs R] [--phases] [--compile]");
                    System.exit(2);
                }
            }
        }

        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "JVM: %s %s (%s), %d CPUs, max heap %d MB, GC %s%n",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.vendor"), rt.availableProcessors(), rt.maxMemory() >> 20, gcNames());
        System.out.printf(Locale.ROOT, "load average before the runs: %.2f (other processes on the machine skew wall times)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "JVM flags: %s%n",
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));

        long g0 = System.nanoTime();
        Source source;
        SourceLoader loader;
        if (file != null) {
            loader = new FileSourceLoader();
            SourceLoader.LoadResult loaded = loader.load(file);
            if (!(loaded instanceof SourceLoader.LoadResult.Loaded l)) {
                System.err.println("cannot read " + file + ": " + ((SourceLoader.LoadResult.Failed) loaded).reason());
                System.exit(2);
                return;
            }
            source = l.source();
        } else {
            loader = CheckBenchmark.NO_INCLUDES;
            source = new Source("generated-" + tasks + ".plan", PlanGenerator.generate(tasks, seed));
        }
        long bytes = source.text().getBytes(StandardCharsets.UTF_8).length;
        double genMs = (System.nanoTime() - g0) / 1e6;
        System.out.printf(Locale.ROOT, "plan: %s, %,d bytes (%.2f MB), %,d chars, %,d lines; %s in %.0f ms%n",
                source.path(), bytes, bytes / 1e6, source.text().length(), source.lineCount(),
                file != null ? "read" : "generated (seed " + seed + ")", genMs);

        Check check = compile ? new Check.Compile(source, loader) : new Check.FrontEndOnly(source);
        System.out.println("timing: " + (compile ? "Compiler.compile (parse, resolve, validate, schedule), as planc check"
                : "the front end (parse, resolve, validate; no scheduling), see FrontEnd"));
        Check.Outcome first = check.run();
        System.out.printf(Locale.ROOT, "check: %d tasks, %d errors, %d warnings%n", first.tasks(), first.errors(),
                first.warnings());
        if (file == null && (first.errors() + first.warnings() != 0 || first.tasks() != tasks)) {
            System.err.println("the generated plan does not check clean");
            System.exit(2);
        }
        first = null;

        for (int i = 0; i < warmup; i++) {
            long t0 = System.nanoTime();
            check.run();
            System.out.printf(Locale.ROOT, "warm-up %2d: %8.1f ms%n", i + 1, (System.nanoTime() - t0) / 1e6);
        }

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        GcWatch gcWatch = new GcWatch();
        double[] ms = new double[runs];
        double[] cpu = new double[runs];
        long maxPeak = 0;
        long maxLive = 0;
        long retained = 0;
        System.out.println("  run     wall ms   thread CPU ms     MB/s   alloc MB   GCs  GC ms   heap peak MB   live peak MB"
                + "   retained MB");
        for (int i = 0; i < runs; i++) {
            System.gc();
            long before = usedHeap();
            long gcCount0 = gcCount();
            long gcMs0 = gcMillis();
            long alloc0 = threads.getCurrentThreadAllocatedBytes();
            long c0 = threads.getCurrentThreadCpuTime();
            long up0 = ManagementFactory.getRuntimeMXBean().getUptime();
            long t0 = System.nanoTime();
            Check.Outcome r = check.run();
            long t1 = System.nanoTime();
            long usedAtEnd = usedHeap();
            long up1 = ManagementFactory.getRuntimeMXBean().getUptime();
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
            long alloc = threads.getCurrentThreadAllocatedBytes() - alloc0;
            long gcs = gcCount() - gcCount0;
            long gcMs = gcMillis() - gcMs0;
            long[] gcPeaks = gcWatch.peaks(up0, up1, gcCount0 + gcs);
            long peak = Math.max(usedAtEnd, gcPeaks[0]);
            long live = gcPeaks[1];
            System.gc();
            long after = usedHeap();
            java.lang.ref.Reference.reachabilityFence(r.keep());
            if (r.tasks() < 0) {
                throw new IllegalStateException("no plan");
            }
            ms[i] = (t1 - t0) / 1e6;
            maxPeak = Math.max(maxPeak, peak);
            maxLive = Math.max(maxLive, live);
            retained = Math.max(retained, after - before);
            System.out.printf(Locale.ROOT, "  %3d  %10.1f  %14.1f  %7.2f  %9.0f  %4d  %5d  %13.0f  %13s  %12.0f%n",
                    i + 1, ms[i], cpu[i], bytes / 1e6 / (ms[i] / 1e3), alloc / 1e6, gcs, gcMs, peak / 1e6,
                    gcs == 0 ? "-" : String.format(Locale.ROOT, "%.0f", live / 1e6), (after - before) / 1e6);
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double median = runs % 2 == 1 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2;
        double mean = Arrays.stream(ms).average().orElse(0);
        double mbs = bytes / 1e6 / (median / 1e3);
        double[] cpuSorted = cpu.clone();
        Arrays.sort(cpuSorted);
        System.out.printf(Locale.ROOT, "summary: %d runs, min %.1f ms, median %.1f ms, mean %.1f ms, max %.1f ms; "
                + "%.2f MB/s at the median; main-thread CPU median %.1f ms (GC threads not included)%n", runs, sorted[0],
                median, mean, sorted[runs - 1], mbs, cpuSorted[runs / 2]);
        System.out.printf(Locale.ROOT, "memory: heap peak during a check %.0f MB (heap used when a GC started, or at "
                + "the end), largest live set a GC saw %s, retained by the result %.0f MB (%.1f× the source)%n",
                maxPeak / 1e6, maxLive == 0 ? "- (no GC during the checks)" : String.format(Locale.ROOT, "%.0f MB",
                maxLive / 1e6), retained / 1e6, retained / (double) bytes);
        boolean timeOk = median <= TARGET_MS;
        boolean rateOk = mbs >= TARGET_MB_S;
        System.out.printf(Locale.ROOT, "targets: time %.0f ms <= %.0f ms: %s; throughput %.2f MB/s >= %.0f MB/s: %s%n",
                median, TARGET_MS, timeOk ? "PASS" : "FAIL", mbs, TARGET_MB_S, rateOk ? "PASS" : "FAIL");

        if (phases) {
            CheckPhases.schedule = compile;
            CheckPhases.report(source, Math.max(3, runs / 2));
        }
        System.exit(timeOk && rateOk ? 0 : 1);
    }

    /** One way to check a source, run many times. */
    sealed interface Check {
        /** Tasks in the model (-1 without one) and counts of diagnostics. */
        record Outcome(int tasks, long errors, long warnings, Object keep) {}

        Outcome run();

        record FrontEndOnly(Source source) implements Check {
            @Override
            public Outcome run() {
                FrontEnd.Outcome r = FrontEnd.check(source);
                long errors = r.diagnostics().stream().filter(d -> d.isError()).count();
                return new Outcome(r.plan() != null ? r.plan().tasks().size() : -1, errors,
                        r.diagnostics().size() - errors, r);
            }
        }

        record Compile(Source source, SourceLoader loader) implements Check {
            @Override
            public Outcome run() {
                Result<CompiledPlan> r = Compiler.compile(source, loader);
                int tasks = r.value() != null && r.value().plan() != null ? r.value().plan().tasks().size() : -1;
                return new Outcome(tasks, r.errorCount(), r.warningCount(), r);
            }
        }
    }

    /**
     * Heap used when each collection started (the peaks of the sawtooth) and after it (the live
     * set), from the collectors' notifications.
     */
    static final class GcWatch implements NotificationListener {
        private record Event(long startMs, long before, long after) {}

        private final List<Event> events = new CopyOnWriteArrayList<>();
        private final Set<String> heapPools = new HashSet<>();
        private final long collectionsBefore = gcCount();

        GcWatch() {
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP) {
                    heapPools.add(p.getName());
                }
            }
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter e) {
                    e.addNotificationListener(this, null, null);
                }
            }
        }

        @Override
        public void handleNotification(Notification n, Object handback) {
            if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
            }
            GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
            events.add(new Event(info.getStartTime(), heap(info.getMemoryUsageBeforeGc()),
                    heap(info.getMemoryUsageAfterGc())));
        }

        private long heap(Map<String, MemoryUsage> usage) {
            long sum = 0;
            for (Map.Entry<String, MemoryUsage> e : usage.entrySet()) {
                if (heapPools.contains(e.getKey())) {
                    sum += e.getValue().getUsed();
                }
            }
            return sum;
        }

        /** Max heap before and after the collections that started in [fromMs, toMs] of JVM uptime. */
        long[] peaks(long fromMs, long toMs, long collectionsSoFar) throws InterruptedException {
            for (int i = 0; i < 200 && events.size() < collectionsSoFar - collectionsBefore; i++) {
                Thread.sleep(5); // notifications arrive on another thread
            }
            long before = 0;
            long after = 0;
            for (Event e : events) {
                if (e.startMs() > fromMs && e.startMs() <= toMs) { // strictly after: not the System.gc() before
                    before = Math.max(before, e.before());
                    after = Math.max(after, e.after());
                }
            }
            return new long[] {before, after};
        }
    }

    static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static String gcNames() {
        List<String> names = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            names.add(gc.getName());
        }
        return String.join(" + ", names);
    }
}
