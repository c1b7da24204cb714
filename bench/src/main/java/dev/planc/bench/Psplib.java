package dev.planc.bench;

import dev.planc.compiler.schedule.search.LevelingSearch;
import dev.planc.compiler.schedule.search.PsplibInstance;
import dev.planc.compiler.schedule.search.RcpspDecoder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The resource-leveling search on the PSPLIB single-mode benchmark (Kolisch &amp; Sprecher 1997):
 * for each instance, the latest-finish-time list, then {@link LevelingSearch} with a budget of
 * generated schedules; every resulting schedule is verified from scratch (precedence, capacity
 * per period, makespan as reported). Prints, per set and budget, the average % above the
 * optimum (j30, {@code solutions/j30opt.sm}) or above the critical-path lower bound (j60, j120)
 * as the literature quotes them, the average % above the best known makespan, how many
 * instances reach the optimum / best known, and the time per instance. The solution files are
 * only read here, to score; the search never sees them.
 *
 * <pre>
 * java -cp bench/target/planc-bench.jar dev.planc.bench.Psplib [--data DIR] [--sets j30,j60,j120]
 *     [--schedules default,1000,5000,50000] [--sample N] [--seed S] [--threads T] [--warmup W]
 *     [--verbose]
 * </pre>
 *
 * {@code --schedules default} is {@link LevelingSearch#DEFAULT_SCHEDULES}. {@code --sample N}
 * takes N instances spread evenly over each set. Time per instance is wall time of building the
 * decoder, the priority list and the search, after {@code W} warm-up searches (JIT) that are
 * not counted; with {@code --threads T} instances run T at a time. After each set and budget
 * the first {@code R} instances ({@code --repeat}, default 3) are solved twice more with fresh
 * decoders and must give identical lists. {@code --data} defaults to {@code
 * /work/shared/data/psplib} (the PSPLIB j30/j60/j120 directories and {@code solutions/}).
 * Exit status 1 when a schedule fails verification or a repeat differs.
 */
public final class Psplib {
    static final long SEED = 20_240_601L;

    private Psplib() {}

    record Row(String name, int param, int inst, long makespan, int lowerBound, int reference, double millis,
            double cpuMillis, long schedules, String violation) {}

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        Path data = Path.of("/work/shared/data/psplib");
        List<String> sets = List.of("j30", "j60", "j120");
        List<String> budgets = List.of("default");
        int sample = 0;
        long seed = SEED;
        int threads = 1;
        int warmup = 30;
        int repeat = 3;
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--sets" -> sets = List.of(args[++i].split(","));
                case "--schedules" -> budgets = List.of(args[++i].replace("_", "").split(","));
                case "--sample" -> sample = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--verbose" -> verbose = true;
                default -> {
                    System.err.println("usage: Psplib [--data DIR] [--sets j30,j60,j120] "
                            + "[--schedules default,1000,5000,50000] [--sample N] [--seed S] [--threads T] "
                            + "[--warmup W] [--repeat R] [--verbose]");
                    System.exit(2);
                }
            }
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "%s; JVM: %s %s, %d CPUs; load average %.2f; threads %d; seed %d; default budget"
                + " %,d schedules%n", LocalDate.now(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), rt.availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), threads, seed,
                LevelingSearch.DEFAULT_SCHEDULES);

        Map<String, List<PsplibInstance>> instances = new HashMap<>();
        Map<String, Map<String, Integer>> references = new HashMap<>();
        for (String set : sets) {
            instances.put(set, load(data.resolve(set), set, sample));
            references.put(set, reference(data.resolve("solutions"), set));
        }
        if (warmup > 0) {
            List<PsplibInstance> w = instances.get(sets.get(0));
            long t0 = System.nanoTime();
            for (int i = 0; i < warmup; i++) {
                solve(w.get(i % w.size()), seed, LevelingSearch.DEFAULT_SCHEDULES);
            }
            System.out.printf(Locale.ROOT, "warm-up: %d searches in %.1f s (not counted)%n", warmup,
                    (System.nanoTime() - t0) / 1e9);
        }

        System.out.println();
        System.out.println("set   budget     inst  avg % above   avg % above  optimal/best     wall ms wall ms"
                + "   CPU ms   CPU ms  verified");
        System.out.println("                       bound*        best known   known hits        mean     max"
                + "     mean      max");
        boolean failed = false;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (String set : sets) {
                for (String b : budgets) {
                    long budget = b.equals("default") ? LevelingSearch.DEFAULT_SCHEDULES : Long.parseLong(b);
                    List<Row> rows = run(pool, instances.get(set), references.get(set), set, seed, budget);
                    failed |= report(set, b.equals("default") ? "default" : String.format(Locale.ROOT, "%,d", budget),
                            rows, verbose);
                    failed |= !deterministic(instances.get(set), seed, budget, repeat);
                }
            }
        } finally {
            pool.shutdown();
        }
        System.out.println("* j30: the optimum (solutions/j30opt.sm); j60, j120: the critical-path lower bound.");
        System.out.printf(Locale.ROOT, "load average after the runs: %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (failed) {
            System.exit(1);
        }
    }

    static List<Row> run(ExecutorService pool, List<PsplibInstance> list, Map<String, Integer> ref, String set,
            long seed, long budget) throws Exception {
        List<Future<Row>> futures = new ArrayList<>();
        for (PsplibInstance p : list) {
            futures.add(pool.submit(() -> {
                long c0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                Solved s = solve(p, seed, budget);
                double ms = (System.nanoTime() - t0) / 1e6;
                double cpuMs = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
                int[] pi = paramInst(p.name(), set);
                Integer r = ref.get(pi[0] + "_" + pi[1]);
                String violation = p.violation(s.start);
                long makespan = p.makespan(s.start);
                if (violation == null && makespan != s.makespan) {
                    violation = "search reports makespan " + s.makespan + ", schedule has " + makespan;
                }
                int bound = p.criticalPathLength();
                if (violation == null && makespan < bound) {
                    violation = "makespan " + makespan + " below the critical path " + bound;
                }
                if (violation == null && r != null && set.equals("j30") && makespan < r) {
                    violation = "makespan " + makespan + " below the proven optimum " + r;
                }
                return new Row(p.name(), pi[0], pi[1], makespan, bound, r == null ? -1 : r, ms, cpuMs, s.schedules,
                        violation);
            }));
        }
        List<Row> rows = new ArrayList<>();
        for (Future<Row> f : futures) {
            rows.add(f.get());
        }
        return rows;
    }

    record Solved(int[] list, long[] start, long makespan, long schedules) {}

    /** What a caller does: decoder, LFT priority list, search, then decode the best list once more. */
    static Solved solve(PsplibInstance p, long seed, long budget) {
        RcpspDecoder decoder = new RcpspDecoder(p);
        LevelingSearch.Outcome o = LevelingSearch.search(decoder, p.latestFinishList(), seed, budget);
        decoder.decode(o.list());
        long[] start = new long[p.jobs()];
        for (int j = 0; j < start.length; j++) {
            start[j] = decoder.start(j);
        }
        return new Solved(o.list(), start, o.makespan(), o.schedules());
    }

    /** Solves the first {@code count} instances again with fresh decoders: the lists must be identical. */
    static boolean deterministic(List<PsplibInstance> list, long seed, long budget, int count) {
        for (int i = 0; i < Math.min(count, list.size()); i++) {
            Solved a = solve(list.get(i), seed, budget);
            Solved b = solve(list.get(i), seed, budget);
            if (!Arrays.equals(a.list, b.list) || a.makespan != b.makespan || a.schedules != b.schedules) {
                System.out.println("NOT DETERMINISTIC: " + list.get(i).name());
                return false;
            }
        }
        return true;
    }

    static boolean report(String set, String budget, List<Row> rows, boolean verbose) {
        double devBound = 0;
        double devRef = 0;
        int hits = 0;
        int refs = 0;
        int ok = 0;
        double sumMs = 0;
        double maxMs = 0;
        double sumCpu = 0;
        double maxCpu = 0;
        boolean j30 = set.equals("j30");
        for (Row r : rows) {
            double base = j30 && r.reference > 0 ? r.reference : r.lowerBound;
            devBound += 100.0 * (r.makespan - base) / base;
            if (r.reference > 0) {
                refs++;
                devRef += 100.0 * (r.makespan - r.reference) / r.reference;
                if (r.makespan <= r.reference) {
                    hits++;
                }
            }
            if (r.violation == null) {
                ok++;
            } else {
                System.out.println("INFEASIBLE " + r.name + ": " + r.violation);
            }
            sumMs += r.millis;
            maxMs = Math.max(maxMs, r.millis);
            sumCpu += r.cpuMillis;
            maxCpu = Math.max(maxCpu, r.cpuMillis);
            if (verbose) {
                System.out.printf(Locale.ROOT, "  %-12s makespan %4d  bound %4d  ref %4d  %8.1f ms  %8.1f CPU ms  %,d"
                        + " schedules%n", r.name, r.makespan, r.lowerBound, r.reference, r.millis, r.cpuMillis,
                        r.schedules);
            }
        }
        int n = rows.size();
        System.out.printf(Locale.ROOT,
                "%-5s %-9s %5d  %10.2f   %11.2f   %4d / %-4d %8.1f %8.1f %8.1f %8.1f  %4d / %d%n", set, budget,
                n, devBound / n, refs == 0 ? Double.NaN : devRef / refs, hits, refs, sumMs / n, maxMs, sumCpu / n,
                maxCpu, ok, n);
        return ok != n;
    }

    /** The instances of a set, by parameter then instance; {@code sample > 0} takes that many evenly spread. */
    static List<PsplibInstance> load(Path dir, String set, int sample) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".sm")).toList());
        }
        files.sort((a, b) -> {
            int[] x = paramInst(stem(a), set);
            int[] y = paramInst(stem(b), set);
            return x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]);
        });
        if (sample > 0 && sample < files.size()) {
            List<Path> picked = new ArrayList<>();
            for (int i = 0; i < sample; i++) {
                picked.add(files.get((int) ((long) i * files.size() / sample)));
            }
            files = picked;
        }
        List<PsplibInstance> out = new ArrayList<>();
        for (Path f : files) {
            out.add(PsplibInstance.read(f));
        }
        return out;
    }

    private static String stem(Path p) {
        String s = p.getFileName().toString();
        return s.substring(0, s.length() - 3);
    }

    /** {@code j3012_7} of set {@code j30}: parameter 12, instance 7. */
    static int[] paramInst(String name, String set) {
        String rest = name.substring(set.length());
        int u = rest.indexOf('_');
        return new int[] {Integer.parseInt(rest.substring(0, u)), Integer.parseInt(rest.substring(u + 1))};
    }

    /** Reference makespans by "param_inst": optimum (j30) or best known (j60, j120); never given to the search. */
    static Map<String, Integer> reference(Path solutions, String set) throws IOException {
        Path file = solutions.resolve(set.equals("j30") ? "j30opt.sm" : set + "hrs.sm");
        Map<String, Integer> out = new HashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            String[] t = line.trim().split("\\s+");
            if (t.length >= 3 && t[0].matches("\\d+") && t[1].matches("\\d+") && t[2].matches("\\d+")) {
                out.put(Integer.parseInt(t[0]) + "_" + Integer.parseInt(t[1]), Integer.parseInt(t[2]));
            }
        }
        return out;
    }
}
