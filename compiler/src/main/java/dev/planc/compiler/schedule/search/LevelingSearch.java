package dev.planc.compiler.schedule.search;

import dev.planc.compiler.parallel.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;

/**
 * Makespan minimisation over activity lists: a genetic algorithm in which every child is
 * improved by double justification.
 *
 * <ul>
 *   <li>Representation and GA frame: Hartmann's activity-list GA (S. Hartmann, "A competitive
 *       genetic algorithm for resource-constrained project scheduling", Naval Research
 *       Logistics 45, 1998): precedence-feasible activity lists decoded by the serial SGS, an
 *       initial population around a priority rule, pairs of parents producing two children,
 *       selection of the best of parents and children (duplicates last). Parents are picked by
 *       binary tournament.
 *   <li>Improvement: double justification, i.e. one forward-backward improvement pass, on every
 *       child (V. Valls, F. Ballestín, S. Quintanilla, "Justification and RCPSP: a technique
 *       that pays", EJOR 165, 2005): shift every activity as far right as it goes, in order of
 *       non-increasing finish (a backward SGS), then as far left, in order of non-decreasing
 *       start (a forward SGS); the makespan never grows. The justified list replaces the child
 *       (Lamarckian), as in Valls, Ballestín &amp; Quintanilla, "A hybrid genetic algorithm for
 *       the resource-constrained project scheduling problem", EJOR 185, 2008. On PSPLIB j120
 *       it is worth about 4 points of the average deviation at 5,000 schedules.
 *   <li>Crossover: a time-window crossover in the spirit of the peak crossover of Valls et al.
 *       (2008): the activities one parent starts within a random window of its schedule keep
 *       their order as a block, the others come in the other parent's order. On PSPLIB j120 it
 *       beat Hartmann's two-point crossover (kept as {@link Settings#windowCrossover} {@code
 *       false}) by 0.2 to 0.3 points at 1,000, 5,000 and 50,000 schedules.
 *   <li>Mutation: with probability 1/4 a child has one activity shifted to a random position
 *       between its last predecessor and its first successor.
 *   <li>Initial population: the given list and regret-based biased random sampling around it
 *       (Kolisch &amp; Drexl 1996, "Adaptive search for solving hard project scheduling
 *       problems", NRL 43), using each activity's position in the given list as its priority.
 *   <li>Population size grows with the budget, {@code 0.21 * evaluations^0.77} (18 at 1,000
 *       schedules, 62 at 5,000, 184 at 20,000, 374 at 50,000): some 18 to 45 generations.
 *       Fitted on PSPLIB j120; a population capped at 100 was 0.7 points worse at 50,000.
 * </ul>
 *
 * <p>The budget is a number of generated schedules, counting every forward and backward SGS
 * pass (a justified child costs three), which is how the literature compares methods (Kolisch
 * &amp; Hartmann 2006, "Experimental investigation of heuristics for resource-constrained
 * project scheduling: an update", EJOR 174). The search never exceeds it and is deterministic:
 * one {@link Random} with the given seed, {@link StrictMath}, no clock, no hash-ordered
 * iteration, stable sorts.
 *
 * <p>When the decoder {@linkplain Decoder#fork forks}, each generation's children (and the initial
 * samples) are decoded on all cores at once. Every random draw (sampling, tournaments, crossover,
 * mutation) happens before, on the calling thread, and the budget and the best are counted in
 * list order afterwards, so the outcome is the same on any number of threads.
 */
public final class LevelingSearch {
    /**
     * The budget used when the caller has no opinion: generated schedules per search. On
     * PSPLIB j120 (122 activities, 4 resources) it takes about 0.2 s on one core.
     */
    public static final long DEFAULT_SCHEDULES = 20_000;

    /** The best list found, its makespan (as {@link Decoder#decode} returns it) and the schedules spent. */
    public record Outcome(int[] list, long makespan, long schedules) {}

    /**
     * Tuning of the GA; {@link #DEFAULT} is what the PSPLIB measurements in bench/README.md use.
     *
     * @param popFactor population size factor
     * @param popExponent population size exponent: {@code popFactor * evaluations^popExponent}
     * @param mutation probability that a child gets a shift mutation
     * @param windowCrossover time-window crossover; {@code false}: Hartmann's two-point crossover
     * @param windowLo shortest window as a fraction of the makespan
     * @param windowHi longest window as a fraction of the makespan
     */
    record Settings(double popFactor, double popExponent, double mutation, boolean windowCrossover,
            double windowLo, double windowHi) {
        static final Settings DEFAULT = new Settings(0.21, 0.77, 0.25, true, 0.1, 0.5);
    }

    private final Decoder decoder;
    private final Settings settings;
    private final int n;
    private final Random random;
    private final long budget;
    private final boolean justify;
    private long used;
    private @Nullable Individual best;

    /**
     * One per thread that decodes: lanes[0] has the given decoder (and serves the search's own
     * sequential steps), the others a {@link Decoder#fork}. Empty lanes wait in {@link #idle}.
     */
    private final Lane[] lanes;
    private final ConcurrentLinkedQueue<Lane> idle = new ConcurrentLinkedQueue<>();
    private final boolean[] taken;

    /** A list, the makespan and starts of its (justified) schedule. */
    private static final class Individual {
        final int[] list; // decoding it gives `makespan` and `start`
        final long makespan;
        final long[] start;
        final long hash;

        Individual(int[] list, long makespan, long[] start) {
            this.list = list;
            this.makespan = makespan;
            this.start = start;
            long h = 1125899906842597L;
            for (int a : list) {
                h = 31 * h + a;
            }
            this.hash = h;
        }
    }

    private LevelingSearch(Decoder decoder, Settings settings, long seed, long budget, int threads) {
        this.decoder = decoder;
        this.settings = settings;
        this.n = decoder.size();
        this.random = new Random(seed);
        this.budget = budget;
        this.justify = decoder.canJustify();
        this.taken = new boolean[n];
        Decoder fork = threads > 1 ? decoder.fork() : null;
        this.lanes = new Lane[fork == null ? 1 : threads];
        lanes[0] = new Lane(decoder);
        for (int i = 1; i < lanes.length; i++) {
            lanes[i] = new Lane(i == 1 ? fork : Objects.requireNonNull(decoder.fork()));
        }
        idle.addAll(Arrays.asList(lanes));
    }

    /**
     * Searches for a short schedule.
     *
     * @param decoder the schedule-generation scheme; used by one thread at a time: this one, or,
     *     when it {@linkplain Decoder#fork forks}, any of the threads decoding a generation
     * @param initialList a precedence-feasible activity list, typically from a priority rule;
     *     it also biases the initial population (not modified)
     * @param seed the seed of the only source of randomness
     * @param budget the number of schedules to generate, at least 1
     * @return the best list found: decoding it gives the returned makespan, never more than
     *     that of {@code initialList}
     * @throws IllegalArgumentException if the budget is below 1 or {@code initialList} is not a
     *     precedence-feasible permutation of the decoder's activities
     */
    public static Outcome search(Decoder decoder, int[] initialList, long seed, long budget) {
        return search(decoder, initialList, seed, budget, Settings.DEFAULT);
    }

    /**
     * {@link #search(Decoder, int[], long, long)} for a caller that has decoded {@code
     * initialList} already: its makespan and each activity's start, as {@link Decoder#decode}
     * gives them. That schedule counts against the budget as before but is not decoded again
     * (unless the decoder justifies, which needs its own decode), so the outcome is the same.
     */
    public static Outcome search(Decoder decoder, int[] initialList, long initialMakespan, long[] initialStarts,
            long seed, long budget) {
        if (initialStarts.length != decoder.size()) {
            throw new IllegalArgumentException("the starts are of " + initialStarts.length + " activities, not "
                    + decoder.size());
        }
        return search(decoder, initialList, new Individual(initialList.clone(), initialMakespan,
                initialStarts.clone()), seed, budget, Settings.DEFAULT, Parallel.threads());
    }

    static Outcome search(Decoder decoder, int[] initialList, long seed, long budget, Settings settings) {
        return search(decoder, initialList, seed, budget, settings, Parallel.threads());
    }

    /** With at most {@code threads} decoding at once (1: all on the calling thread); the outcome is the same. */
    static Outcome search(Decoder decoder, int[] initialList, long seed, long budget, Settings settings, int threads) {
        return search(decoder, initialList, null, seed, budget, settings, threads);
    }

    private static Outcome search(Decoder decoder, int[] initialList, @Nullable Individual decoded, long seed,
            long budget, Settings settings, int threads) {
        if (budget < 1) {
            throw new IllegalArgumentException("budget must be at least 1, not " + budget);
        }
        checkList(decoder, initialList);
        LevelingSearch s = new LevelingSearch(decoder, settings, seed, budget, threads);
        Individual best = s.run(initialList.clone(), decoded);
        return new Outcome(best.list.clone(), best.makespan, s.used);
    }

    private static void checkList(Decoder decoder, int[] list) {
        int n = decoder.size();
        if (list.length != n) {
            throw new IllegalArgumentException("the list has " + list.length + " activities, not " + n);
        }
        int[] at = new int[n];
        Arrays.fill(at, -1);
        for (int i = 0; i < n; i++) {
            if (list[i] < 0 || list[i] >= n || at[list[i]] >= 0) {
                throw new IllegalArgumentException("the list is not a permutation of 0.." + (n - 1));
            }
            at[list[i]] = i;
        }
        long links = 0;
        for (int a = 0; a < n; a++) {
            for (int p : decoder.predecessors(a)) {
                if (at[p] > at[a]) {
                    throw new IllegalArgumentException("activity " + a + " comes before its predecessor " + p);
                }
                links++;
            }
        }
        for (int a = 0; a < n; a++) {
            for (int x : decoder.successors(a)) {
                if (at[x] < at[a]) {
                    throw new IllegalArgumentException("activity " + a + " comes after its successor " + x);
                }
                links--;
            }
        }
        if (links != 0) {
            throw new IllegalArgumentException("the decoder's predecessors and successors do not match");
        }
    }

    // ------------------------------------------------------------------ the GA

    private Individual run(int[] initial, @Nullable Individual decoded) {
        Individual first;
        if (decoded != null && !justify) {
            used++; // generated by the caller
            first = decoded;
            best = first;
        } else {
            first = evaluate(List.of(initial)).get(0);
        }
        int cost = justify ? 3 : 1;
        if (used + cost > budget || n < 3) {
            return first;
        }
        long evaluations = (budget - used) / cost;
        long size = StrictMath.round(StrictMath.pow(evaluations, settings.popExponent()) * settings.popFactor());
        size = Math.min(Math.max(4, size), Math.max(4, evaluations / 4)) & ~1L;
        List<Individual> population = new ArrayList<>();
        population.add(first);
        int[] priority = new int[n];
        for (int i = 0; i < n; i++) {
            priority[initial[i]] = i;
        }
        List<int[]> samples = new ArrayList<>();
        for (long u = used; population.size() + samples.size() < size && u + cost <= budget; u += cost) {
            samples.add(sample(priority));
        }
        population.addAll(evaluate(samples));
        population = select(population, population.size());
        while (used + 2L * cost <= budget) {
            List<int[]> children = new ArrayList<>();
            for (long u = used; population.size() + children.size() < 2 * population.size()
                    && u + 2L * cost <= budget; u += 2L * cost) {
                Individual mother = tournament(population);
                Individual father = tournament(population);
                for (int tries = 0; tries < 3 && father == mother; tries++) {
                    father = tournament(population);
                }
                int[] daughter;
                int[] son;
                if (settings.windowCrossover()) {
                    daughter = windowCrossover(mother, father.list);
                    son = windowCrossover(father, mother.list);
                } else {
                    int q1 = random.nextInt(n);
                    int q2 = random.nextInt(n);
                    daughter = twoPointCrossover(mother.list, father.list, Math.min(q1, q2), Math.max(q1, q2));
                    son = twoPointCrossover(father.list, mother.list, Math.min(q1, q2), Math.max(q1, q2));
                }
                mutate(daughter);
                mutate(son);
                children.add(daughter);
                children.add(son);
            }
            List<Individual> next = new ArrayList<>(population);
            next.addAll(evaluate(children));
            population = select(next, population.size());
        }
        return best();
    }

    private Individual best() {
        if (best == null) {
            throw new IllegalStateException("nothing evaluated");
        }
        return best;
    }

    private Individual tournament(List<Individual> population) {
        Individual a = population.get(random.nextInt(population.size()));
        Individual b = population.get(random.nextInt(population.size()));
        return b.makespan < a.makespan ? b : a;
    }

    /** The best {@code size} individuals, distinct ones first; stable (earlier first among equals). */
    private static List<Individual> select(List<Individual> all, int size) {
        Individual[] sorted = all.toArray(new Individual[0]);
        Arrays.sort(sorted, (x, y) -> Long.compare(x.makespan, y.makespan)); // stable
        List<Individual> out = new ArrayList<>(size);
        List<Individual> duplicates = new ArrayList<>();
        for (Individual x : sorted) {
            if (out.size() == size) {
                break;
            }
            boolean duplicate = false;
            for (int i = out.size() - 1; i >= 0 && out.get(i).makespan == x.makespan; i--) {
                if (out.get(i).hash == x.hash && Arrays.equals(out.get(i).list, x.list)) {
                    duplicate = true;
                    break;
                }
            }
            if (duplicate) {
                duplicates.add(x);
            } else {
                out.add(x);
            }
        }
        for (int i = 0; out.size() < size && i < duplicates.size(); i++) {
            out.add(duplicates.get(i));
        }
        return out;
    }

    /**
     * Hartmann's two-point crossover: positions {@code [0, q1)} from {@code mother}, {@code [q1,
     * q2)} the remaining activities in {@code father}'s order, the rest in {@code mother}'s.
     */
    private int[] twoPointCrossover(int[] mother, int[] father, int q1, int q2) {
        int[] child = new int[n];
        Arrays.fill(taken, false);
        int k = 0;
        for (; k < q1; k++) {
            child[k] = mother[k];
            taken[mother[k]] = true;
        }
        for (int i = 0; i < n && k < q2; i++) {
            int a = father[i];
            if (!taken[a]) {
                child[k++] = a;
                taken[a] = true;
            }
        }
        for (int i = 0; i < n && k < n; i++) {
            int a = mother[i];
            if (!taken[a]) {
                child[k++] = a;
                taken[a] = true;
            }
        }
        return child;
    }

    /**
     * Time-window crossover: the activities that start within a random window of {@code
     * inner}'s schedule (10 to 50 % of its makespan long) keep their order from {@code inner};
     * those starting before and after the window come in {@code outer}'s order. The child is
     * precedence-feasible when starts never decrease along precedence (always for the RCPSP);
     * otherwise it is repaired.
     */
    private int[] windowCrossover(Individual inner, int[] outer) {
        long[] start = inner.start;
        long origin = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (long s : start) {
            origin = Math.min(origin, s);
            end = Math.max(end, s);
        }
        long length = Math.max(1, Math.max(end - origin + 1, inner.makespan - origin));
        long lo = Math.max(1, (long) (settings.windowLo() * length));
        long hi = Math.max(lo, (long) (settings.windowHi() * length));
        long len = lo + (long) (random.nextDouble() * (hi - lo + 1));
        long t1 = origin + (long) (random.nextDouble() * Math.max(1, length - len + 1));
        long t2 = t1 + len;
        int[] child = new int[n];
        int k = 0;
        for (int a : outer) {
            if (start[a] < t1) {
                child[k++] = a;
            }
        }
        for (int a : inner.list) {
            if (start[a] >= t1 && start[a] < t2) {
                child[k++] = a;
            }
        }
        for (int a : outer) {
            if (start[a] >= t2) {
                child[k++] = a;
            }
        }
        Lane own = lanes[0];
        for (int i = 0; i < n; i++) {
            own.position[child[i]] = i;
        }
        if (own.respectsPrecedence(child, false)) {
            return child;
        }
        // a decoder whose links let a successor start first (a negative lag): keep the order
        // as far as precedence allows
        for (int i = 0; i < n; i++) {
            own.key[child[i]] = i;
        }
        return own.heapOrder(child, false, new int[n]);
    }

    /**
     * Shift mutation: with the mutation probability, move one activity to a random position
     * between its last predecessor and its first successor.
     */
    private void mutate(int[] list) {
        if (random.nextDouble() >= settings.mutation()) {
            return;
        }
        int[] position = lanes[0].position;
        for (int i = 0; i < n; i++) {
            position[list[i]] = i;
        }
        int from = random.nextInt(n);
        int a = list[from];
        int lo = 0;
        for (int p : decoder.predecessors(a)) {
            lo = Math.max(lo, position[p] + 1);
        }
        int hi = n - 1;
        for (int x : decoder.successors(a)) {
            hi = Math.min(hi, position[x] - 1);
        }
        int to = lo + random.nextInt(hi - lo + 1);
        if (to < from) {
            System.arraycopy(list, to, list, to + 1, from - to);
        } else if (to > from) {
            System.arraycopy(list, from + 1, list, from, to - from);
        }
        list[to] = a;
    }

    /**
     * Regret-based biased random sampling: repeatedly pick an eligible activity with probability
     * proportional to 1 + (the worst eligible priority - its priority), lower priority first.
     *
     * <p>The eligible activities sit in an array (a pick is replaced by the last one); the pick is
     * the first position whose running weight exceeds a uniform draw below the total. Weights
     * are {@code C - priority} with {@code C = worst + 1} the same for all, so two Fenwick trees
     * over the positions (how many activities, and the sum of their priorities) give any running
     * weight as {@code C * count - sum}, and a third over priorities (a permutation of 0..n-1)
     * gives the worst: each step costs O(log n) instead of a pass over every eligible activity,
     * and picks exactly the activity the pass would pick.
     */
    private int[] sample(int[] priority) {
        int[] list = new int[n];
        int[] eligible = new int[n];
        Fenwick positions = new Fenwick(n);
        Fenwick priorities = new Fenwick(n);
        int[] pending = lanes[0].pending;
        int m = 0;
        for (int a = 0; a < n; a++) {
            pending[a] = decoder.predecessors(a).length;
            if (pending[a] == 0) {
                eligible[m] = a;
                positions.add(m, 1, priority[a]);
                priorities.add(priority[a], 1, 0);
                m++;
            }
        }
        for (int k = 0; k < n; k++) {
            long c = priorities.lowest(m) + 1L; // the worst (largest) eligible priority, plus one
            long total = c * m - positions.sum();
            long r = (long) (random.nextDouble() * total);
            int pick = Math.min(positions.first(c, r), m - 1);
            int a = eligible[pick];
            int last = m - 1;
            positions.add(pick, -1, -priority[a]);
            priorities.add(priority[a], -1, 0);
            if (pick != last) {
                int b = eligible[last];
                positions.add(last, -1, -priority[b]);
                positions.add(pick, 1, priority[b]);
                eligible[pick] = b;
            }
            m--;
            list[k] = a;
            for (int x : decoder.successors(a)) {
                if (--pending[x] == 0) {
                    eligible[m] = x;
                    positions.add(m, 1, priority[x]);
                    priorities.add(priority[x], 1, 0);
                    m++;
                }
            }
        }
        return list;
    }

    /**
     * A Fenwick (binary indexed) tree of counts and sums over 0-based indexes (Fenwick, "A new
     * data structure for cumulative frequency tables", Software: Practice and Experience 24(3),
     * 1994): point updates and prefix queries in O(log n), and descents that find the first
     * index where a monotone prefix function passes a bound.
     */
    private static final class Fenwick {
        private final int[] count;
        private final long[] sum;
        private final int top; // the largest power of two not above the size

        Fenwick(int size) {
            count = new int[size + 1];
            sum = new long[size + 1];
            top = Integer.highestOneBit(Math.max(1, size));
        }

        void add(int index, int dc, long ds) {
            for (int i = index + 1; i < count.length; i += i & -i) {
                count[i] += dc;
                sum[i] += ds;
            }
        }

        long sum() {
            long s = 0;
            for (int i = count.length - 1; i > 0; i -= i & -i) {
                s += sum[i];
            }
            return s;
        }

        /** The index at which the running count reaches {@code k} (k ≥ 1): the k-th smallest present. */
        int lowest(int k) {
            int pos = 0;
            int acc = 0;
            for (int step = top; step > 0; step >>= 1) {
                int next = pos + step;
                if (next < count.length && acc + count[next] < k) {
                    pos = next;
                    acc += count[next];
                }
            }
            return pos; // 1-based pos + 1, minus one
        }

        /** The first index whose running {@code c * count - sum} exceeds {@code r}. */
        int first(long c, long r) {
            int pos = 0;
            long accCount = 0;
            long accSum = 0;
            for (int step = top; step > 0; step >>= 1) {
                int next = pos + step;
                if (next < count.length && c * (accCount + count[next]) - (accSum + sum[next]) <= r) {
                    pos = next;
                    accCount += count[next];
                    accSum += sum[next];
                }
            }
            return pos;
        }
    }

    // ------------------------------------------------------------------ decoding and justification

    /**
     * Decodes {@code lists} (taking ownership) and, when the decoder and budget allow, justifies
     * each, as if one after the other in list order: the budget is spent in that order and
     * {@link #best} follows it. The decoding itself is spread over the lanes, which gives the
     * same individuals because a decoder's schedule depends on nothing but the list.
     */
    private List<Individual> evaluate(List<int[]> lists) {
        boolean[] justifies = new boolean[lists.size()];
        for (int i = 0; i < justifies.length; i++) {
            used++;
            justifies[i] = justify && used + 2 <= budget;
            if (justifies[i]) {
                used += 2;
            }
        }
        List<Individual> out = lanes.length == 1 || lists.size() == 1
                ? sequential(lists, justifies)
                : Parallel.map(lists.size(), lanes.length, i -> {
                    Lane lane = Objects.requireNonNull(idle.poll(), "more threads than lanes");
                    try {
                        return lane.evaluate(lists.get(i), justifies[i]);
                    } finally {
                        idle.add(lane);
                    }
                });
        for (Individual x : out) {
            if (best == null || x.makespan < best.makespan) {
                best = x;
            }
        }
        return out;
    }

    private List<Individual> sequential(List<int[]> lists, boolean[] justifies) {
        List<Individual> out = new ArrayList<>(lists.size());
        for (int i = 0; i < lists.size(); i++) {
            out.add(lanes[0].evaluate(lists.get(i), justifies[i]));
        }
        return out;
    }

    /** A decoder and the scratch space of decoding and ordering, used by one thread at a time. */
    private static final class Lane {
        private final Decoder decoder;
        private final int n;
        private final long[] key;
        private final long[] sortKey;
        private final int[] pending;
        private final IntHeap heap;
        private final int[] position;
        private int[] count = new int[0];

        Lane(Decoder decoder) {
            this.decoder = decoder;
            this.n = decoder.size();
            this.key = new long[n];
            this.sortKey = new long[n];
            this.pending = new int[n];
            this.heap = new IntHeap(this::before, n);
            this.position = new int[n];
        }

        /** Decodes {@code list} (taking ownership) and, if {@code justified}, justifies it. */
        Individual evaluate(int[] list, boolean justified) {
            long makespan = decoder.decode(list);
            Individual result = new Individual(list, makespan, starts());
            if (justified) {
                // right: by non-increasing finish, later in the list first among equals
                for (int a = 0; a < n; a++) {
                    key[a] = -decoder.finish(a);
                }
                int[] right = order(list, true);
                decoder.decodeBackward(right, makespan);
                // left: by non-decreasing start, later in the right list first among equals
                for (int a = 0; a < n; a++) {
                    key[a] = decoder.start(a);
                }
                int[] left = order(right, false);
                long justifiedMakespan = decoder.decode(left);
                if (justifiedMakespan <= makespan) { // a calendar-aware decoder might do worse: keep the first
                    result = new Individual(left, justifiedMakespan, starts());
                }
            }
            return result;
        }

        private long[] starts() {
            long[] s = new long[n];
            for (int a = 0; a < n; a++) {
                s[a] = decoder.start(a);
            }
            return s;
        }
        /**
         * The activities by increasing {@link #key} (ties: later in {@code tieOrder} first) subject
         * to precedence: forward (predecessors first) or, when {@code backward}, successors first.
         * The plain sort respects precedence whenever keys are start or finish times of a schedule
         * with positive durations and finish-to-start links; otherwise (zero durations, other link
         * types of a calendar decoder) a heap-based topological order by the same keys is used.
         */
        private int[] order(int[] tieOrder, boolean backward) {
            int[] out = new int[n];
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int a = 0; a < n; a++) {
                min = Math.min(min, key[a]);
                max = Math.max(max, key[a]);
            }
            long range = max - min;
            if (range >= 0 && range <= 8L * n + 64) {
                // counting sort; walking tieOrder backwards puts the later ones first among equals
                int buckets = (int) range + 2;
                if (count.length < buckets) {
                    count = new int[Math.max(buckets, 2 * count.length)];
                }
                Arrays.fill(count, 0, buckets, 0);
                for (int a = 0; a < n; a++) {
                    count[(int) (key[a] - min) + 1]++;
                }
                for (int b = 1; b < buckets; b++) {
                    count[b] += count[b - 1];
                }
                for (int i = n - 1; i >= 0; i--) {
                    int a = tieOrder[i];
                    int at = count[(int) (key[a] - min)]++;
                    out[at] = a;
                    position[a] = at;
                }
                if (respectsPrecedence(out, backward)) {
                    return out;
                }
            } else if (n < (1 << 20) && range >= 0 && range < (1L << 42)) {
                for (int i = 0; i < n; i++) {
                    sortKey[i] = (key[tieOrder[i]] - min) << 21 | (n - 1 - i);
                }
                Arrays.sort(sortKey);
                for (int i = 0; i < n; i++) {
                    int a = tieOrder[n - 1 - (int) (sortKey[i] & ((1 << 21) - 1))];
                    out[i] = a;
                    position[a] = i;
                }
                if (respectsPrecedence(out, backward)) {
                    return out;
                }
            }
            return heapOrder(tieOrder, backward, out);
        }

        private boolean respectsPrecedence(int[] list, boolean backward) {
            for (int a : list) {
                for (int x : backward ? decoder.successors(a) : decoder.predecessors(a)) {
                    if (position[x] > position[a]) {
                        return false;
                    }
                }
            }
            return true;
        }

        private int[] heapOrder(int[] tieOrder, boolean backward, int[] out) {
            for (int i = 0; i < n; i++) {
                position[tieOrder[i]] = i;
            }
            heap.clear();
            for (int a = 0; a < n; a++) {
                pending[a] = backward ? decoder.successors(a).length : decoder.predecessors(a).length;
                if (pending[a] == 0) {
                    heap.add(a);
                }
            }
            for (int k = 0; k < n; k++) {
                int a = heap.poll();
                out[k] = a;
                for (int x : backward ? decoder.predecessors(a) : decoder.successors(a)) {
                    if (--pending[x] == 0) {
                        heap.add(x);
                    }
                }
            }
            return out;
        }

        private boolean before(int a, int b) {
            return key[a] != key[b] ? key[a] < key[b] : position[a] > position[b];
        }
    }
}
