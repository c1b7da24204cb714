package dev.planc.compiler.schedule.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Makespan minimisation over activity lists: a genetic algorithm in which every schedule is
 * improved by double justification.
 *
 * <ul>
 *   <li>Representation, crossover and mutation: Hartmann's activity-list GA (S. Hartmann, "A
 *       competitive genetic algorithm for resource-constrained project scheduling", Naval
 *       Research Logistics 45, 1998): precedence-feasible activity lists decoded by the serial
 *       SGS, two-point crossover (which keeps precedence feasibility), ranking selection of the
 *       best of parents and children.
 *   <li>Improvement: double justification, i.e. one forward-backward improvement iteration, on
 *       every child (V. Valls, F. Ballestín, S. Quintanilla, "Justification and RCPSP: a
 *       technique that pays", EJOR 165, 2005): shift every activity as far right as it goes in
 *       order of non-increasing finish (a backward SGS), then as far left in order of
 *       non-decreasing start (a forward SGS); the makespan never grows. The justified list
 *       replaces the child (Lamarckian), as in Valls, Ballestín &amp; Quintanilla, "A hybrid
 *       genetic algorithm for the RCPSP", EJOR 185, 2008.
 *   <li>Initial population: regret-based biased random sampling (Kolisch &amp; Drexl 1996)
 *       around the given priority list, plus the list itself.
 * </ul>
 *
 * <p>The budget is a number of generated schedules, counting every forward and backward SGS
 * pass, which is how the literature compares methods (Kolisch &amp; Hartmann 2006). The search
 * is deterministic: one {@link Random} with the given seed, no clock, no hashed iteration order.
 */
public final class LevelingSearch {
    /** The budget used when the caller has no opinion: generated schedules per search. */
    public static final long DEFAULT_SCHEDULES = 5_000;

    /** The best list found, its makespan (as {@link Decoder#decode} returns it) and the schedules spent. */
    public record Outcome(int[] list, long makespan, long schedules) {}

    // tuning knobs (temporary)
    static double popFactor = 1.2;
    static int popMax = 100;
    static double mutation = 0.25;
    static final java.util.Map<String, Double> knob = new java.util.TreeMap<>();

    static double knob(String k, double d) {
        return knob.getOrDefault(k, d);
    }

    private final Decoder decoder;
    private final int n;
    private final Random random;
    private final long budget;
    private final boolean justify;
    private long used;
    private Individual best;

    // scratch
    private final long[] key;
    private final long[] sortKey;
    private final int[] pending;
    private final int[] heap;
    private final int[] position;

    private static final class Individual {
        final int[] list;
        final long makespan;
        final long hash;

        Individual(int[] list, long makespan) {
            this.list = list;
            this.makespan = makespan;
            long h = 1125899906842597L;
            for (int a : list) {
                h = 31 * h + a;
            }
            this.hash = h;
        }
    }

    private LevelingSearch(Decoder decoder, long seed, long budget) {
        this.decoder = decoder;
        this.n = decoder.size();
        this.random = new Random(seed);
        this.budget = budget;
        this.justify = decoder.canJustify();
        this.key = new long[n];
        this.sortKey = new long[n];
        this.pending = new int[n];
        this.heap = new int[n];
        this.position = new int[n];
    }

    /**
     * Searches for a short schedule.
     *
     * @param decoder the schedule-generation scheme
     * @param initialList a precedence-feasible activity list, typically from a priority rule;
     *     it also biases the initial population (not modified)
     * @param seed the seed of the only source of randomness
     * @param budget the number of schedules to generate, at least 1
     * @return the best list found: decoding it gives the returned makespan, never more than
     *     that of {@code initialList}
     */
    public static Outcome search(Decoder decoder, int[] initialList, long seed, long budget) {
        if (budget < 1) {
            throw new IllegalArgumentException("budget must be at least 1");
        }
        if (initialList.length != decoder.size()) {
            throw new IllegalArgumentException("the list has " + initialList.length + " activities, not "
                    + decoder.size());
        }
        LevelingSearch s = new LevelingSearch(decoder, seed, budget);
        s.run(initialList.clone());
        return new Outcome(s.best.list.clone(), s.best.makespan, s.used);
    }

    // ------------------------------------------------------------------ the GA

    private void run(int[] initial) {
        Individual first = evaluate(initial);
        best = first;
        int cost = justify ? 3 : 1;
        if (used + cost > budget || n < 3) {
            return;
        }
        long evaluations = (budget - used) / cost;
        int size = (int) Math.max(4, Math.min(popMax, Math.round(Math.sqrt(evaluations) * popFactor)));
        size &= ~1;
        List<Individual> population = new ArrayList<>();
        population.add(first);
        int[] priority = new int[n];
        for (int i = 0; i < n; i++) {
            priority[initial[i]] = i;
        }
        while (population.size() < size && used + cost <= budget) {
            population.add(evaluate(sample(priority)));
        }
        population = select(population, size);
        while (used + 2L * cost <= budget) {
            List<Individual> next = new ArrayList<>(population);
            while (next.size() < 2 * population.size() && used + 2L * cost <= budget) {
                Individual mother = tournament(population);
                Individual father = tournament(population);
                int q1 = random.nextInt(n);
                int q2 = random.nextInt(n);
                if (q1 > q2) {
                    int t = q1;
                    q1 = q2;
                    q2 = t;
                }
                int[] daughter = crossover(mother.list, father.list, q1, q2);
                int[] son = crossover(father.list, mother.list, q1, q2);
                mutate(daughter);
                mutate(son);
                next.add(evaluate(daughter));
                next.add(evaluate(son));
            }
            population = select(next, population.size());
        }
    }

    private Individual tournament(List<Individual> population) {
        Individual a = population.get(random.nextInt(population.size()));
        Individual b = population.get(random.nextInt(population.size()));
        return b.makespan < a.makespan ? b : a;
    }

    /** The best {@code size} distinct individuals, stable (earlier first among equals). */
    private static List<Individual> select(List<Individual> all, int size) {
        Individual[] sorted = all.toArray(new Individual[0]);
        Arrays.sort(sorted, (x, y) -> Long.compare(x.makespan, y.makespan)); // stable
        List<Individual> out = new ArrayList<>(size);
        List<Individual> duplicates = new ArrayList<>();
        for (Individual x : sorted) {
            if (out.size() == size) {
                break;
            }
            boolean dup = false;
            for (int i = out.size() - 1; i >= 0 && out.get(i).makespan == x.makespan; i--) {
                if (out.get(i).hash == x.hash && Arrays.equals(out.get(i).list, x.list)) {
                    dup = true;
                    break;
                }
            }
            if (dup) {
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
    private int[] crossover(int[] mother, int[] father, int q1, int q2) {
        int[] child = new int[n];
        boolean[] taken = new boolean[n];
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

    /** Shift mutation: move one activity to a random position between its predecessors and successors. */
    private void mutate(int[] list) {
        if (random.nextDouble() >= mutation) {
            return;
        }
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
     */
    private int[] sample(int[] priority) {
        int[] list = new int[n];
        int[] eligible = new int[n];
        int m = 0;
        for (int a = 0; a < n; a++) {
            pending[a] = decoder.predecessors(a).length;
            if (pending[a] == 0) {
                eligible[m++] = a;
            }
        }
        for (int k = 0; k < n; k++) {
            int worst = 0;
            for (int i = 0; i < m; i++) {
                worst = Math.max(worst, priority[eligible[i]]);
            }
            long total = 0;
            for (int i = 0; i < m; i++) {
                total += worst - priority[eligible[i]] + 1;
            }
            long r = (long) (random.nextDouble() * total);
            int pick = m - 1;
            for (int i = 0; i < m; i++) {
                r -= worst - priority[eligible[i]] + 1;
                if (r < 0) {
                    pick = i;
                    break;
                }
            }
            int a = eligible[pick];
            eligible[pick] = eligible[--m];
            list[k] = a;
            for (int x : decoder.successors(a)) {
                if (--pending[x] == 0) {
                    eligible[m++] = x;
                }
            }
        }
        return list;
    }

    // ------------------------------------------------------------------ decoding and justification

    /** Decodes {@code list} (taking ownership) and, when budget allows, justifies it. */
    private Individual evaluate(int[] list) {
        long makespan = decoder.decode(list);
        used++;
        Individual result = new Individual(list, makespan);
        if (justify && used + 2 <= budget) {
            // right: by non-increasing finish, later in the list first among equals
            for (int i = 0; i < n; i++) {
                key[list[i]] = -decoder.finish(list[i]);
            }
            int[] right = order(list, true);
            decoder.decodeBackward(right, makespan);
            used++;
            // left: by non-decreasing start, later in the right list first among equals
            for (int i = 0; i < n; i++) {
                key[right[i]] = decoder.start(right[i]);
            }
            int[] left = order(right, false);
            long m2 = decoder.decode(left);
            used++;
            if (m2 <= makespan) {
                result = new Individual(left, m2);
            }
        }
        if (best == null || result.makespan < best.makespan) {
            best = result;
        }
        return result;
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
        if (n < (1 << 20) && max - min >= 0 && max - min < (1L << 42)) {
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
        int size = 0;
        for (int a = 0; a < n; a++) {
            pending[a] = backward ? decoder.successors(a).length : decoder.predecessors(a).length;
            if (pending[a] == 0) {
                size = push(size, a);
            }
        }
        for (int k = 0; k < n; k++) {
            int a = heap[0];
            size = pop(size);
            out[k] = a;
            for (int x : backward ? decoder.predecessors(a) : decoder.successors(a)) {
                if (--pending[x] == 0) {
                    size = push(size, x);
                }
            }
        }
        return out;
    }

    private boolean before(int a, int b) {
        return key[a] != key[b] ? key[a] < key[b] : position[a] > position[b];
    }

    private int push(int size, int a) {
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(a, heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = a;
        return size;
    }

    private int pop(int size) {
        int last = heap[--size];
        int i = 0;
        while (true) {
            int c = 2 * i + 1;
            if (c >= size) {
                break;
            }
            if (c + 1 < size && before(heap[c + 1], heap[c])) {
                c++;
            }
            if (!before(heap[c], last)) {
                break;
            }
            heap[i] = heap[c];
            i = c;
        }
        if (size > 0) {
            heap[i] = last;
        }
        return size;
    }
}
