package dev.planc.compiler.schedule.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast decoder against a naive serial SGS written here, on real PSPLIB instances and on
 * random instances (zero durations and demands, up to nine resources, capacities that need
 * 32-bit lanes, jobs not numbered in precedence order); every schedule is also checked
 * period by period.
 */
class RcpspDecoderTest {
    static final String[] INSTANCES = {"j301_1", "j306_1", "j3010_1", "j3011_1", "j3021_1", "j3026_1", "j3031_5",
        "j3041_1", "j3046_1", "j309_2", "j3029_9", "j12015_3"};

    /** A problem in plain arrays. */
    record Problem(int[] duration, int[][] demand, int[] capacity, int[][] successors) {
        int n() {
            return duration.length;
        }

        int[][] predecessors() {
            List<List<Integer>> p = new ArrayList<>();
            for (int j = 0; j < n(); j++) {
                p.add(new ArrayList<>());
            }
            for (int j = 0; j < n(); j++) {
                for (int s : successors[j]) {
                    p.get(s).add(j);
                }
            }
            int[][] out = new int[n()][];
            for (int j = 0; j < n(); j++) {
                out[j] = p.get(j).stream().mapToInt(Integer::intValue).toArray();
            }
            return out;
        }

        static Problem of(PsplibInstance p) {
            return new Problem(Psplib.durations(p), Psplib.demands(p), Psplib.capacities(p), Psplib.successors(p));
        }
    }

    /** Forward serial SGS, the textbook way: try t = es, es+1, ... until the job fits. */
    static long[] referenceForward(Problem p, int[] list) {
        Map<Long, long[]> use = new HashMap<>();
        long[] start = new long[p.n()];
        int[][] pred = p.predecessors();
        for (int j : list) {
            long t = 0;
            for (int q : pred[j]) {
                t = Math.max(t, start[q] + p.duration[q]);
            }
            while (!fits(p, use, j, t)) {
                t++;
            }
            book(p, use, j, t);
            start[j] = t;
        }
        return start;
    }

    /** Backward serial SGS: finish at lf, lf-1, ... with lf = min(deadline, successors' starts). */
    static long[] referenceBackward(Problem p, int[] reverseList, long deadline) {
        Map<Long, long[]> use = new HashMap<>();
        long[] start = new long[p.n()];
        for (int j : reverseList) {
            long f = deadline;
            for (int s : p.successors[j]) {
                f = Math.min(f, start[s]);
            }
            while (!fits(p, use, j, f - p.duration[j])) {
                f--;
            }
            book(p, use, j, f - p.duration[j]);
            start[j] = f - p.duration[j];
        }
        return start;
    }

    private static boolean fits(Problem p, Map<Long, long[]> use, int j, long t) {
        for (long q = t; q < t + p.duration[j]; q++) {
            long[] u = use.get(q);
            for (int r = 0; r < p.capacity.length; r++) {
                if ((u == null ? 0 : u[r]) + p.demand[j][r] > p.capacity[r]) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void book(Problem p, Map<Long, long[]> use, int j, long t) {
        for (long q = t; q < t + p.duration[j]; q++) {
            long[] u = use.computeIfAbsent(q, k -> new long[p.capacity.length]);
            for (int r = 0; r < p.capacity.length; r++) {
                u[r] += p.demand[j][r];
            }
        }
    }

    /** A random precedence-feasible list; {@code reverse}: successors first. */
    static int[] randomList(Problem p, Random random, boolean reverse) {
        int n = p.n();
        int[][] pred = p.predecessors();
        int[] pending = new int[n];
        List<Integer> eligible = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            pending[j] = reverse ? p.successors[j].length : pred[j].length;
            if (pending[j] == 0) {
                eligible.add(j);
            }
        }
        int[] list = new int[n];
        for (int k = 0; k < n; k++) {
            int j = eligible.remove(random.nextInt(eligible.size()));
            list[k] = j;
            for (int x : reverse ? pred[j] : p.successors[j]) {
                if (--pending[x] == 0) {
                    eligible.add(x);
                }
            }
        }
        return list;
    }

    static Problem randomProblem(Random random) {
        int n = 2 + random.nextInt(40);
        int k = random.nextInt(10);
        boolean wide = random.nextInt(4) == 0;
        int[] capacity = new int[k];
        for (int r = 0; r < k; r++) {
            capacity[r] = wide ? 1 + random.nextInt(100_000) : 1 + random.nextInt(12);
        }
        int[] duration = new int[n];
        int[][] demand = new int[n][k];
        for (int j = 0; j < n; j++) {
            duration[j] = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(6);
            for (int r = 0; r < k; r++) {
                demand[j][r] = random.nextInt(3) == 0 ? 0 : random.nextInt(capacity[r] + 1);
            }
        }
        int[] label = new int[n]; // number jobs out of precedence order
        for (int j = 0; j < n; j++) {
            label[j] = j;
        }
        for (int j = n - 1; j > 0; j--) {
            int i = random.nextInt(j + 1);
            int t = label[i];
            label[i] = label[j];
            label[j] = t;
        }
        double density = random.nextDouble() * 0.3;
        List<List<Integer>> succ = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            succ.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (random.nextDouble() < density) {
                    succ.get(label[i]).add(label[j]);
                }
            }
        }
        int[][] successors = new int[n][];
        for (int j = 0; j < n; j++) {
            successors[j] = succ.get(j).stream().mapToInt(Integer::intValue).toArray();
        }
        int[] d = new int[n];
        int[][] dem = new int[n][];
        for (int j = 0; j < n; j++) {
            d[label[j]] = duration[j];
            dem[label[j]] = demand[j];
        }
        return new Problem(d, dem, capacity, successors);
    }

    private static void agreesWithReference(Problem p, Random random, int lists) {
        RcpspDecoder d = new RcpspDecoder(p.duration, p.demand, p.capacity, p.successors);
        for (int i = 0; i < lists; i++) {
            int[] list = randomList(p, random, false);
            long makespan = d.decode(list);
            long[] start = Psplib.starts(d);
            assertArrayEquals(referenceForward(p, list), start, "forward");
            assertNull(Psplib.check(p.duration, p.demand, p.capacity, p.successors, start));
            long end = 0;
            for (int j = 0; j < p.n(); j++) {
                assertTrue(start[j] >= 0);
                assertEquals(start[j] + p.duration[j], d.finish(j));
                end = Math.max(end, d.finish(j));
            }
            assertEquals(end, makespan);

            int[] reverse = randomList(p, random, true);
            long deadline = makespan + random.nextInt(5);
            d.decodeBackward(reverse, deadline);
            long[] back = Psplib.starts(d);
            assertArrayEquals(referenceBackward(p, reverse, deadline), back, "backward");
            assertNull(Psplib.check(p.duration, p.demand, p.capacity, p.successors, back));
            for (int j = 0; j < p.n(); j++) {
                assertTrue(d.finish(j) <= deadline);
                assertEquals(back[j] + p.duration[j], d.finish(j));
            }
        }
    }

    @Test
    void agreesWithANaiveSerialSgsOnPsplibInstances() {
        Random random = new Random(1);
        for (String name : INSTANCES) {
            agreesWithReference(Problem.of(Psplib.load(name)), random, name.startsWith("j120") ? 10 : 20);
        }
    }

    @Test
    void agreesWithANaiveSerialSgsOnRandomInstances() {
        Random random = new Random(2);
        for (int i = 0; i < 400; i++) {
            agreesWithReference(randomProblem(random), random, 3);
        }
    }

    @Test
    void justificationNeverLengthensAPsplibSchedule() {
        Random random = new Random(3);
        for (String name : INSTANCES) {
            PsplibInstance inst = Psplib.load(name);
            Problem p = Problem.of(inst);
            RcpspDecoder d = new RcpspDecoder(inst);
            for (int i = 0; i < 10; i++) {
                long makespan = d.decode(randomList(p, random, false));
                long[] start = Psplib.starts(d);
                Integer[] byFinish = new Integer[p.n()];
                for (int j = 0; j < p.n(); j++) {
                    byFinish[j] = j;
                }
                // non-increasing finish; a zero-duration successor finishing with its predecessor first
                java.util.Arrays.sort(byFinish, (a, b) -> start[a] + p.duration[a] != start[b] + p.duration[b]
                        ? Long.compare(start[b] + p.duration[b], start[a] + p.duration[a])
                        : Long.compare(start[b], start[a]));
                int[] right = java.util.Arrays.stream(byFinish).mapToInt(Integer::intValue).toArray();
                d.decodeBackward(right, makespan);
                long earliest = Long.MAX_VALUE;
                for (int j = 0; j < p.n(); j++) {
                    earliest = Math.min(earliest, d.start(j));
                }
                assertTrue(earliest >= 0, "the right-justified schedule fits before the deadline");
                assertNull(inst.violation(Psplib.starts(d)));
            }
        }
    }

    @Test
    void rejectsListsThatAreNotPrecedenceFeasiblePermutations() {
        PsplibInstance p = Psplib.load("j3010_1");
        RcpspDecoder d = new RcpspDecoder(p);
        int[] list = p.latestFinishList();
        int[] swapped = list.clone();
        swapped[0] = list[1];
        swapped[1] = list[0]; // a job before the source
        assertThrows(IllegalArgumentException.class, () -> d.decode(swapped));
        int[] twice = list.clone();
        twice[5] = twice[4];
        assertThrows(IllegalArgumentException.class, () -> d.decode(twice));
        assertThrows(IllegalArgumentException.class, () -> d.decode(new int[3]));
        // and the decoder is still fine afterwards
        assertEquals(d.decode(list), new RcpspDecoder(p).decode(list));
    }

    @Test
    void rejectsDemandAboveCapacity() {
        assertThrows(IllegalArgumentException.class,
                () -> new RcpspDecoder(new int[] {1}, new int[][] {{3}}, new int[] {2}, new int[][] {{}}));
    }
}
