package dev.planc.compiler.schedule.search;

/**
 * Serial schedule-generation scheme for the classic RCPSP: integer periods, renewable resources
 * with constant capacity, finish-to-start precedence without lags, every period working.
 *
 * <p>The free capacity of each period is kept in one flat array, all resources of a period
 * packed into one {@code long} (16-bit lanes; 32-bit lanes or more words if capacities or the
 * number of resources need them), so one subtraction tests whether an activity fits in a
 * period. Only the periods the last schedule used are reset between decodes. To find the
 * earliest feasible start {@code t >= es} of an activity of duration {@code d}, the window
 * {@code [t, t+d)} is checked from its last period down; an overload at period {@code p} moves
 * {@code t} to {@code p+1} (no start in between can be feasible), and only periods not yet
 * checked are checked again, so each period is looked at once per activity. The backward
 * scheme is the same in mirrored time over the reversed precedence relation. Decoding does not
 * allocate; a list that is not precedence-feasible is rejected.
 */
public final class RcpspDecoder implements Decoder {
    private final int n;
    private final int[] duration;
    private final int[][] pred;
    private final int[][] succ;
    private final int words; // longs per period
    private final long high; // the top bit of every lane
    private final long[][] demandWords; // per activity: its demand packed like a period
    private final int[][] usedWords; // per activity: the words in which it demands something
    private final long[] freeTemplate; // capacities, repeated per period
    private final long[] free;
    private int dirtyPeriods; // periods of `free` that differ from the template
    private final int[] placedIn; // per activity: the decode that placed it
    private int epoch;
    private final int[] s;
    private final int[] f;
    private final long[] start;
    private final long[] finish;

    /**
     * @param duration per activity, at least 0
     * @param demand per activity and resource, at least 0 and at most the capacity
     * @param capacity per resource, at least 0
     * @param successors per activity; the relation must be acyclic
     */
    public RcpspDecoder(int[] duration, int[][] demand, int[] capacity, int[][] successors) {
        this.n = duration.length;
        int k = capacity.length;
        this.duration = duration.clone();
        this.succ = new int[n][];
        int[] count = new int[n];
        long horizon = 1;
        for (int j = 0; j < n; j++) {
            if (duration[j] < 0) {
                throw new IllegalArgumentException("activity " + j + " has a negative duration");
            }
            succ[j] = successors[j].clone();
            for (int x : succ[j]) {
                count[x]++;
            }
            horizon += duration[j];
        }
        this.pred = new int[n][];
        for (int j = 0; j < n; j++) {
            pred[j] = new int[count[j]];
            count[j] = 0;
        }
        for (int j = 0; j < n; j++) {
            for (int x : succ[j]) {
                pred[x][count[x]++] = j;
            }
        }
        // The free capacity of each period is packed into lanes of 16 bits (32 if a capacity
        // needs it) whose top bit is kept clear: then `((free | high) - demand) & high == high`
        // tests every resource of a word at once, and no lane borrows from the next.
        int maxCapacity = 0;
        for (int c : capacity) {
            if (c < 0) {
                throw new IllegalArgumentException("negative capacity");
            }
            maxCapacity = Math.max(maxCapacity, c);
        }
        int width = maxCapacity < (1 << 15) ? 16 : 32;
        int lanes = 64 / width;
        this.words = Math.max(1, (k + lanes - 1) / lanes);
        long h = 0;
        for (int lane = 0; lane < lanes; lane++) {
            h |= 1L << (lane * width + width - 1);
        }
        this.high = h;
        long[] capacityWords = new long[words];
        for (int r = 0; r < k; r++) {
            capacityWords[r / lanes] |= (long) capacity[r] << ((r % lanes) * width);
        }
        this.demandWords = new long[n][words];
        this.usedWords = new int[n][];
        for (int j = 0; j < n; j++) {
            for (int r = 0; r < k; r++) {
                if (demand[j][r] < 0 || demand[j][r] > capacity[r]) {
                    throw new IllegalArgumentException("activity " + j + " demands " + demand[j][r] + " of resource "
                            + r + ", outside 0.." + capacity[r]);
                }
                demandWords[j][r / lanes] |= (long) demand[j][r] << ((r % lanes) * width);
            }
            int m = 0;
            for (int w = 0; w < words; w++) {
                if (demandWords[j][w] != 0) {
                    m++;
                }
            }
            usedWords[j] = new int[m];
            m = 0;
            for (int w = 0; w < words; w++) {
                if (demandWords[j][w] != 0) {
                    usedWords[j][m++] = w;
                }
            }
        }
        // Every serial schedule ends by the sum of durations: an activity can always start once
        // all earlier ones are done.
        if (horizon + 1 > Integer.MAX_VALUE / words) {
            throw new IllegalArgumentException("durations too long for a period profile");
        }
        int periods = (int) horizon + 1;
        this.freeTemplate = new long[periods * words];
        for (int t = 0; t < periods; t++) {
            System.arraycopy(capacityWords, 0, freeTemplate, t * words, words);
        }
        this.free = freeTemplate.clone();
        this.placedIn = new int[n];
        this.s = new int[n];
        this.f = new int[n];
        this.start = new long[n];
        this.finish = new long[n];
    }

    /** The decoder of a PSPLIB instance. */
    public RcpspDecoder(PsplibInstance instance) {
        this(durations(instance), demands(instance), capacities(instance), successorsOf(instance));
    }

    private static int[] durations(PsplibInstance p) {
        int[] d = new int[p.jobs()];
        for (int j = 0; j < d.length; j++) {
            d[j] = p.duration(j);
        }
        return d;
    }

    private static int[][] demands(PsplibInstance p) {
        int[][] d = new int[p.jobs()][p.resources()];
        for (int j = 0; j < d.length; j++) {
            for (int r = 0; r < p.resources(); r++) {
                d[j][r] = p.demand(j, r);
            }
        }
        return d;
    }

    private static int[] capacities(PsplibInstance p) {
        int[] c = new int[p.resources()];
        for (int r = 0; r < c.length; r++) {
            c[r] = p.capacity(r);
        }
        return c;
    }

    private static int[][] successorsOf(PsplibInstance p) {
        int[][] s = new int[p.jobs()][];
        for (int j = 0; j < s.length; j++) {
            s[j] = p.successors(j);
        }
        return s;
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public int[] predecessors(int a) {
        return pred[a];
    }

    @Override
    public int[] successors(int a) {
        return succ[a];
    }

    @Override
    public long decode(int[] activityList) {
        int makespan = sgs(activityList, pred);
        for (int j = 0; j < n; j++) {
            start[j] = s[j];
            finish[j] = f[j];
        }
        return makespan;
    }

    @Override
    public boolean canJustify() {
        return true;
    }

    @Override
    public void decodeBackward(int[] reverseList, long deadline) {
        sgs(reverseList, succ);
        for (int j = 0; j < n; j++) {
            start[j] = deadline - f[j];
            finish[j] = deadline - s[j];
        }
    }

    @Override
    public long start(int a) {
        return start[a];
    }

    @Override
    public long finish(int a) {
        return finish[a];
    }

    /** Start times of the last schedule, as ints (a copy). */
    public int[] starts() {
        int[] out = new int[n];
        for (int j = 0; j < n; j++) {
            out[j] = (int) start[j];
        }
        return out;
    }

    /**
     * Serial SGS in own time: each activity of the list starts at the earliest period at or
     * after the finish of everything in {@code before[j]} at which its resources are free for
     * its whole duration. Fills {@code s} and {@code f}; returns the makespan.
     */
    private int sgs(int[] list, int[][] before) {
        if (list.length != n) {
            throw new IllegalArgumentException("the list has " + list.length + " activities, not " + n);
        }
        final long[] free = this.free;
        final long high = this.high;
        System.arraycopy(freeTemplate, 0, free, 0, dirtyPeriods * words);
        dirtyPeriods = free.length / words; // until this decode completes
        final int epoch = ++this.epoch;
        int makespan = 0;
        if (words == 1) {
            for (int j : list) {
                if (placedIn[j] == epoch) {
                    throw new IllegalArgumentException("activity " + j + " is listed twice");
                }
                int t = earliest(before[j]);
                int d = duration[j];
                long dem = demandWords[j][0];
                if (d > 0 && dem != 0) {
                    int checked = t - 1; // [t, checked] is known to fit
                    int p = t + d - 1;
                    while (p > checked) {
                        if ((((free[p] | high) - dem) & high) == high) {
                            p--;
                        } else {
                            checked = t + d - 1;
                            t = p + 1;
                            p = t + d - 1;
                        }
                    }
                    for (int q = t, end = t + d; q < end; q++) {
                        free[q] -= dem;
                    }
                }
                s[j] = t;
                f[j] = t + d;
                placedIn[j] = epoch;
                makespan = Math.max(makespan, t + d);
            }
        } else {
            final int words = this.words;
            for (int j : list) {
                if (placedIn[j] == epoch) {
                    throw new IllegalArgumentException("activity " + j + " is listed twice");
                }
                int t = earliest(before[j]);
                int d = duration[j];
                long[] dem = demandWords[j];
                int[] used = usedWords[j];
                if (d > 0 && used.length > 0) {
                    int checked = t - 1; // [t, checked] is known to fit
                    int p = t + d - 1;
                    while (p > checked) {
                        int base = p * words;
                        boolean ok = true;
                        for (int w : used) {
                            if ((((free[base + w] | high) - dem[w]) & high) != high) {
                                ok = false;
                                break;
                            }
                        }
                        if (ok) {
                            p--;
                        } else {
                            checked = t + d - 1;
                            t = p + 1;
                            p = t + d - 1;
                        }
                    }
                    for (int q = t, end = t + d; q < end; q++) {
                        for (int w : used) {
                            free[q * words + w] -= dem[w];
                        }
                    }
                }
                s[j] = t;
                f[j] = t + d;
                placedIn[j] = epoch;
                makespan = Math.max(makespan, t + d);
            }
        }
        dirtyPeriods = makespan;
        return makespan;
    }

    private int earliest(int[] before) {
        final int epoch = this.epoch;
        int t = 0;
        for (int p : before) {
            if (placedIn[p] != epoch) {
                throw new IllegalArgumentException(
                        "activity " + p + " is listed after an activity that must follow it");
            }
            t = Math.max(t, f[p]);
        }
        return t;
    }
}
