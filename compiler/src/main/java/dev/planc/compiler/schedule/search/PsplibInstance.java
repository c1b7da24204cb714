package dev.planc.compiler.schedule.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * A single-mode RCPSP instance of PSPLIB (Kolisch &amp; Sprecher 1997) read from the {@code .sm}
 * format: jobs {@code 0..jobs()-1} (the file's 1..n, the first and the last being the dummy
 * source and sink), durations, renewable-resource demands and capacities, and successors.
 *
 * <p>The format: sections separated by lines of {@code *}; {@code jobs (incl. supersource/sink
 * ): N}; {@code - renewable : K R}; under {@code PRECEDENCE RELATIONS:} one line per job {@code
 * job modes #successors successors...}; under {@code REQUESTS/DURATIONS:} (after a header and a
 * dashed line) {@code job mode duration R1..RK}; under {@code RESOURCEAVAILABILITIES:} a header
 * and the K capacities. Only single-mode files with renewable resources are accepted.
 */
public final class PsplibInstance {
    private final String name;
    private final int[] duration;
    private final int[][] demand; // [job][resource]
    private final int[] capacity;
    private final int[][] successors;
    private final int[] topological;

    /** An instance from its parts; arrays are copied. */
    public PsplibInstance(String name, int[] duration, int[][] demand, int[] capacity, int[][] successors) {
        int n = duration.length;
        if (demand.length != n || successors.length != n) {
            throw new IllegalArgumentException("inconsistent job counts");
        }
        this.name = name;
        this.duration = duration.clone();
        this.capacity = capacity.clone();
        this.demand = new int[n][];
        this.successors = new int[n][];
        for (int j = 0; j < n; j++) {
            if (duration[j] < 0) {
                throw new IllegalArgumentException("job " + (j + 1) + ": negative duration");
            }
            if (demand[j].length != capacity.length) {
                throw new IllegalArgumentException("job " + (j + 1) + ": " + demand[j].length + " demands for "
                        + capacity.length + " resources");
            }
            for (int r = 0; r < capacity.length; r++) {
                if (demand[j][r] < 0 || demand[j][r] > capacity[r]) {
                    throw new IllegalArgumentException("job " + (j + 1) + ": demand " + demand[j][r] + " of R"
                            + (r + 1) + " outside 0.." + capacity[r]);
                }
            }
            this.demand[j] = demand[j].clone();
            this.successors[j] = successors[j].clone();
            for (int s : successors[j]) {
                if (s < 0 || s >= n || s == j) {
                    throw new IllegalArgumentException("job " + (j + 1) + ": bad successor " + (s + 1));
                }
            }
        }
        int[] order = kahn(this.successors);
        if (order == null) {
            throw new IllegalArgumentException("the precedence relation has a cycle");
        }
        this.topological = order;
    }

    /** Reads an {@code .sm} file; the instance is named after the file without extension. */
    public static PsplibInstance read(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        String name = fileName.endsWith(".sm") ? fileName.substring(0, fileName.length() - 3) : fileName;
        return parse(name, Files.readString(file, StandardCharsets.US_ASCII));
    }

    /** Parses the text of an {@code .sm} file. */
    public static PsplibInstance parse(String name, String text) {
        String[] lines = text.split("\r?\n");
        int jobs = -1;
        int resources = -1;
        int i = 0;
        for (; i < lines.length; i++) {
            String l = lines[i].trim();
            if (l.startsWith("jobs (incl. supersource/sink")) {
                jobs = intAfterColon(l, i);
            } else if (l.startsWith("- renewable")) {
                resources = intAfterColon(l, i);
            } else if (l.startsWith("- nonrenewable") || l.startsWith("- doubly constrained")) {
                if (intAfterColon(l, i) != 0) {
                    throw new IllegalArgumentException(name + ": line " + (i + 1)
                            + ": only renewable resources are supported");
                }
            } else if (l.startsWith("PRECEDENCE RELATIONS:")) {
                break;
            }
        }
        if (jobs < 2 || resources < 0 || i >= lines.length) {
            throw new IllegalArgumentException(name + ": missing jobs count, resources or precedence relations");
        }
        int[][] successors = new int[jobs][];
        i += 2; // section title and column header
        for (int j = 0; j < jobs; j++, i++) {
            int[] v = ints(lines, i, name);
            if (v.length < 3 || v[0] != j + 1 || v[1] != 1 || v.length != 3 + v[2]) {
                throw new IllegalArgumentException(name + ": line " + (i + 1) + ": expected `" + (j + 1)
                        + " 1 #successors successors...`");
            }
            successors[j] = new int[v[2]];
            for (int s = 0; s < v[2]; s++) {
                successors[j][s] = v[3 + s] - 1;
            }
        }
        i = find(lines, i, "REQUESTS/DURATIONS:", name) + 3; // title, header, dashes
        int[] duration = new int[jobs];
        int[][] demand = new int[jobs][];
        for (int j = 0; j < jobs; j++, i++) {
            int[] v = ints(lines, i, name);
            if (v.length != 3 + resources || v[0] != j + 1 || v[1] != 1) {
                throw new IllegalArgumentException(name + ": line " + (i + 1) + ": expected `" + (j + 1)
                        + " 1 duration` and " + resources + " demands");
            }
            duration[j] = v[2];
            demand[j] = Arrays.copyOfRange(v, 3, 3 + resources);
        }
        i = find(lines, i, "RESOURCEAVAILABILITIES:", name) + 2;
        int[] capacity = ints(lines, i, name);
        if (capacity.length != resources) {
            throw new IllegalArgumentException(name + ": line " + (i + 1) + ": expected " + resources
                    + " capacities");
        }
        return new PsplibInstance(name, duration, demand, capacity, successors);
    }

    private static int intAfterColon(String line, int i) {
        String rest = line.substring(line.indexOf(':') + 1).trim();
        int end = 0;
        while (end < rest.length() && Character.isDigit(rest.charAt(end))) {
            end++;
        }
        if (end == 0) {
            throw new IllegalArgumentException("line " + (i + 1) + ": expected a number after ':'");
        }
        return Integer.parseInt(rest.substring(0, end));
    }

    private static int find(String[] lines, int from, String title, String name) {
        for (int i = from; i < lines.length; i++) {
            if (lines[i].trim().startsWith(title)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name + ": no " + title + " section");
    }

    private static int[] ints(String[] lines, int i, String name) {
        if (i >= lines.length) {
            throw new IllegalArgumentException(name + ": unexpected end of file");
        }
        String l = lines[i].trim();
        if (l.isEmpty()) {
            return new int[0];
        }
        String[] parts = l.split("\\s+");
        int[] v = new int[parts.length];
        for (int k = 0; k < parts.length; k++) {
            try {
                v[k] = Integer.parseInt(parts[k]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + ": line " + (i + 1) + ": not a number: " + parts[k], e);
            }
        }
        return v;
    }

    public String name() {
        return name;
    }

    /** Jobs including the two dummies. */
    public int jobs() {
        return duration.length;
    }

    public int resources() {
        return capacity.length;
    }

    public int duration(int j) {
        return duration[j];
    }

    public int demand(int j, int r) {
        return demand[j][r];
    }

    public int capacity(int r) {
        return capacity[r];
    }

    /** Direct successors of job {@code j} (a copy). */
    public int[] successors(int j) {
        return successors[j].clone();
    }

    /** Direct predecessors of every job, in increasing job order. */
    public int[][] predecessors() {
        int n = jobs();
        int[] count = new int[n];
        for (int[] ss : successors) {
            for (int s : ss) {
                count[s]++;
            }
        }
        int[][] pred = new int[n][];
        for (int j = 0; j < n; j++) {
            pred[j] = new int[count[j]];
            count[j] = 0;
        }
        for (int j = 0; j < n; j++) {
            for (int s : successors[j]) {
                pred[s][count[s]++] = j;
            }
        }
        return pred;
    }

    /** The jobs in a precedence-feasible order (Kahn, smallest number first). */
    public int[] topologicalOrder() {
        return topological.clone();
    }

    private static int @Nullable [] kahn(int[][] successors) {
        int n = successors.length;
        int[] in = new int[n];
        for (int[] ss : successors) {
            for (int s : ss) {
                in[s]++;
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int j = 0; j < n; j++) {
            if (in[j] == 0) {
                ready.add(j);
            }
        }
        int[] order = new int[n];
        int k = 0;
        while (!ready.isEmpty()) {
            int j = ready.poll();
            order[k++] = j;
            for (int s : successors[j]) {
                if (--in[s] == 0) {
                    ready.add(s);
                }
            }
        }
        return k == n ? order : null;
    }

    /** Earliest finish of every job ignoring resources (forward pass of the critical-path method). */
    public int[] earliestFinish() {
        int[] order = topological;
        int[] ef = new int[jobs()];
        int[] es = new int[jobs()];
        for (int j : order) {
            ef[j] = es[j] + duration[j];
            for (int s : successors[j]) {
                es[s] = Math.max(es[s], ef[j]);
            }
        }
        return ef;
    }

    /**
     * Latest finish of every job ignoring resources, for a project length of the critical path
     * (backward pass of the critical-path method).
     */
    public int[] latestFinish() {
        int[] order = topological;
        int cp = criticalPathLength();
        int[] lf = new int[jobs()];
        Arrays.fill(lf, cp);
        for (int k = order.length - 1; k >= 0; k--) {
            int j = order[k];
            for (int s : successors[j]) {
                lf[j] = Math.min(lf[j], lf[s] - duration[s]);
            }
        }
        return lf;
    }

    /** The critical-path lower bound: the longest path of durations, ignoring resources. */
    public int criticalPathLength() {
        int cp = 0;
        for (int f : earliestFinish()) {
            cp = Math.max(cp, f);
        }
        return cp;
    }

    /**
     * The latest-finish-time priority list: a precedence-feasible list taking, among the jobs
     * whose predecessors are all listed, the one with the smallest latest finish (ties: smallest
     * number). The classic single-pass rule (Kolisch 1996).
     */
    public int[] latestFinishList() {
        int n = jobs();
        int[] lf = latestFinish();
        int[][] pred = predecessors();
        int[] pending = new int[n];
        PriorityQueue<Integer> eligible = new PriorityQueue<>((a, b) -> {
            int c = Integer.compare(lf[a], lf[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int j = 0; j < n; j++) {
            pending[j] = pred[j].length;
            if (pending[j] == 0) {
                eligible.add(j);
            }
        }
        List<Integer> out = new ArrayList<>(n);
        while (!eligible.isEmpty()) {
            int j = eligible.poll();
            out.add(j);
            for (int s : successors[j]) {
                if (--pending[s] == 0) {
                    eligible.add(s);
                }
            }
        }
        int[] list = new int[n];
        for (int k = 0; k < n; k++) {
            list[k] = out.get(k);
        }
        return list;
    }

    /**
     * Checks a schedule from scratch, independently of any decoder: one start per job, every
     * start at least 0, every job starting no earlier than the finish of each predecessor, and
     * in every period the demand on each resource within its capacity.
     *
     * @return null when the schedule is feasible, otherwise the first violation found
     */
    public @Nullable String violation(long[] start) {
        int n = jobs();
        if (start.length != n) {
            return start.length + " starts for " + n + " jobs";
        }
        long end = 0;
        for (int j = 0; j < n; j++) {
            if (start[j] < 0) {
                return "job " + (j + 1) + " starts at " + start[j];
            }
            end = Math.max(end, start[j] + duration[j]);
            for (int x : successors[j]) {
                if (start[x] < start[j] + duration[j]) {
                    return "job " + (x + 1) + " starts at " + start[x] + " before its predecessor " + (j + 1)
                            + " finishes at " + (start[j] + duration[j]);
                }
            }
        }
        int k = resources();
        long[] use = new long[Math.toIntExact(end * k)];
        for (int j = 0; j < n; j++) {
            for (long t = start[j]; t < start[j] + duration[j]; t++) {
                for (int r = 0; r < k; r++) {
                    use[(int) t * k + r] += demand[j][r];
                }
            }
        }
        for (int t = 0; t < end; t++) {
            for (int r = 0; r < k; r++) {
                if (use[t * k + r] > capacity[r]) {
                    return "R" + (r + 1) + " is used " + use[t * k + r] + " > " + capacity[r] + " in period " + t;
                }
            }
        }
        return null;
    }

    /** The makespan of a schedule: the latest finish. */
    public long makespan(long[] start) {
        long end = 0;
        for (int j = 0; j < jobs(); j++) {
            end = Math.max(end, start[j] + duration[j]);
        }
        return end;
    }
}
