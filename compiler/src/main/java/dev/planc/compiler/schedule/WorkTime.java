package dev.planc.compiler.schedule;

import java.util.Arrays;

/**
 * Working time as sorted, disjoint, non-touching intervals {@code [start, end)} of UTC epoch
 * minutes, with prefix sums of their lengths, so every query is a binary search, never a walk
 * minute by minute: {@code between} O(log n), {@code add}/{@code sub} O(log n).
 *
 * <p>Built for a fixed horizon. A query that would need time beyond it throws
 * {@link HorizonExceeded}; the scheduler then starts again with a longer horizon.
 *
 * <p>Finding the interval at a minute ({@link #floor}), the scheduler's most frequent question,
 * does not search: the horizon is cut into buckets of {@value #BUCKET_BITS}-bit minutes (about
 * 17 hours), each remembering the interval at its first minute, and from there the few
 * intervals that start within a bucket are walked.
 */
public final class WorkTime implements WorkCalendar {
    /** The intervals are the first {@code n} entries (the arrays may be shared with a longer horizon's). */
    private final long[] starts;
    private final long[] ends;
    /** cum[i]: working minutes in intervals before i; cum[n] the total. */
    private final long[] cum;
    private final int n;
    private final long horizonStart;
    private final long horizonEnd;
    /** bucket[b]: {@link #floor} of minute {@code horizonStart + (b << BUCKET_BITS)} over all the arrays' intervals. */
    private final int[] bucket;

    static final int BUCKET_BITS = 10;

    /** Thrown when an answer lies beyond the horizon the intervals were built for. */
    public static final class HorizonExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HorizonExceeded() {
            super("beyond the scheduling horizon", null, false, false);
        }
    }

    /** The first {@code n} intervals of {@code starts} and {@code ends}. */
    WorkTime(long[] starts, long[] ends, int n, long horizonStart, long horizonEnd) {
        this(starts, ends, sums(starts, ends, n), n, horizonStart, horizonEnd);
    }

    private WorkTime(long[] starts, long[] ends, long[] cum, int n, long horizonStart, long horizonEnd) {
        this(starts, ends, cum, n, horizonStart, horizonEnd, buckets(starts, n, horizonStart, horizonEnd));
    }

    private WorkTime(long[] starts, long[] ends, long[] cum, int n, long horizonStart, long horizonEnd, int[] bucket) {
        this.starts = starts;
        this.ends = ends;
        this.cum = cum;
        this.n = n;
        this.horizonStart = horizonStart;
        this.horizonEnd = horizonEnd;
        this.bucket = bucket;
    }

    private static int[] buckets(long[] starts, int n, long horizonStart, long horizonEnd) {
        long span = horizonEnd - horizonStart;
        if (span <= 0 || span > (1L << 36)) { // empty, or a horizon too long to index (millennia): search
            return new int[0];
        }
        int[] bucket = new int[(int) ((span - 1) >> BUCKET_BITS) + 1];
        int i = -1;
        for (int b = 0; b < bucket.length; b++) {
            long t = horizonStart + ((long) b << BUCKET_BITS);
            while (i + 1 < n && starts[i + 1] <= t) {
                i++;
            }
            bucket[b] = i;
        }
        return bucket;
    }

    private static long[] sums(long[] starts, long[] ends, int n) {
        long[] cum = new long[n + 1];
        for (int i = 0; i < n; i++) {
            cum[i + 1] = cum[i] + (ends[i] - starts[i]);
        }
        return cum;
    }

    /**
     * The same working time over a horizon that ends earlier, at {@code end}: the intervals that
     * start before it, the last one cut there. Shares the arrays unless an interval has to be cut
     * (round-the-clock time running through the new horizon's end).
     */
    WorkTime until(long end) {
        if (end >= horizonEnd) {
            return this;
        }
        int k = floor(end - 1) + 1; // intervals starting before end
        if (k > 0 && ends[k - 1] > end) {
            long[] e = Arrays.copyOf(ends, k);
            e[k - 1] = end;
            return new WorkTime(Arrays.copyOf(starts, k), e, k, horizonStart, end);
        }
        return new WorkTime(starts, ends, cum, k, horizonStart, end, bucket); // floor clamps to the first k
    }

    /** Round the clock over the horizon: elapsed time. */
    static WorkTime always(long horizonStart, long horizonEnd) {
        return new WorkTime(new long[] {horizonStart}, new long[] {horizonEnd}, 1, horizonStart, horizonEnd);
    }

    public int intervalCount() {
        return n;
    }

    public long intervalStart(int i) {
        return starts[i];
    }

    public long intervalEnd(int i) {
        return ends[i];
    }

    /** Index of the last interval starting at or before {@code t}, or -1. */
    int floor(long t) {
        long offset = t - horizonStart;
        int b = (int) (offset >> BUCKET_BITS);
        if (offset < 0 || b >= bucket.length) {
            int i = Arrays.binarySearch(starts, 0, n, t);
            return i >= 0 ? i : -i - 2;
        }
        int i = Math.min(bucket[b], n - 1);
        while (i + 1 < n && starts[i + 1] <= t) {
            i++;
        }
        return i;
    }

    /**
     * {@link #floor} for a {@code t} at or after the start of interval {@code hint} (or any t when
     * the hint is -1): walks a few intervals forward, then searches the rest.
     */
    int floorFrom(int hint, long t) {
        int i = hint;
        for (int walk = 0; walk < 4; walk++) {
            if (i + 1 >= n || starts[i + 1] > t) {
                return i;
            }
            i++;
        }
        return Math.max(i, floor(t));
    }

    /** Working minutes in {@code [horizonStart, t)}. */
    private long work(long t) {
        return workAt(floor(t), t);
    }

    /** {@link #work} of {@code t}, given its {@link #floor} {@code i}. */
    private long workAt(int i, long t) {
        return i < 0 ? 0 : cum[i] + Math.min(t, ends[i]) - starts[i];
    }

    /** Working minutes over the whole horizon. */
    long total() {
        return cum[n];
    }

    public boolean isWorking(long t) {
        int i = floor(t);
        return i >= 0 && t < ends[i];
    }

    /** The first working minute at or after {@code t}. */
    @Override
    public long next(long t) {
        int i = floor(t);
        if (i >= 0 && t < ends[i]) {
            return t;
        }
        if (i + 1 >= n) {
            throw new HorizonExceeded();
        }
        return Math.max(t, starts[i + 1]);
    }

    /** The end of the last working minute at or before {@code t} (for backward scheduling). */
    @Override
    public long previousEnd(long t) {
        int i = floor(t);
        if (i >= 0 && t > starts[i]) {
            return Math.min(t, ends[i]);
        }
        if (i - 1 < 0) {
            throw new HorizonExceeded();
        }
        return ends[i - 1];
    }

    /** Working minutes in {@code [a, b)}; negative when b is before a. */
    @Override
    public long between(long a, long b) {
        return work(b) - work(a);
    }

    /**
     * The end of {@code minutes} working minutes that start at {@code t} (or the next working
     * minute after it). Zero minutes gives {@code t} itself.
     */
    @Override
    public long add(long t, long minutes) {
        if (minutes <= 0) {
            return minutes == 0 ? t : sub(t, -minutes);
        }
        int i = floor(t);
        long target = workAt(i, t) + minutes;
        if (target > cum[n]) {
            throw new HorizonExceeded();
        }
        // interval lo with cum[lo] < target <= cum[lo+1]: near t for a short span, else searched
        int lo = Math.max(0, i);
        for (int walk = 0; walk < 8 && cum[lo + 1] < target; walk++) {
            lo++;
        }
        if (cum[lo + 1] < target) {
            int hi = n - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cum[mid + 1] < target) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
        }
        return starts[lo] + (target - cum[lo]);
    }

    /**
     * The start of {@code minutes} working minutes that end at {@code t} (or the last working
     * minute before it). Zero minutes gives {@code t} itself.
     */
    @Override
    public long sub(long t, long minutes) {
        if (minutes <= 0) {
            return minutes == 0 ? t : add(t, -minutes);
        }
        int i = floor(t);
        long target = workAt(i, t) - minutes;
        if (target < 0) {
            throw new HorizonExceeded();
        }
        // interval lo with cum[lo] <= target < cum[lo+1]: near t for a short span, else searched
        int hi = i; // i >= 0 here: there is working time before t
        for (int walk = 0; walk < 8 && cum[hi] > target; walk++) {
            hi--;
        }
        if (cum[hi] > target) {
            int lo = 0;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (cum[mid] <= target) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
        }
        return starts[hi] + (target - cum[hi]);
    }

    /** Working time common to this and {@code other}. */
    public WorkTime intersect(WorkTime other) {
        long[] s = new long[n + other.n];
        long[] e = new long[s.length];
        int k = 0;
        int i = 0;
        int j = 0;
        while (i < n && j < other.n) {
            long a = Math.max(starts[i], other.starts[j]);
            long b = Math.min(ends[i], other.ends[j]);
            if (a < b) {
                s[k] = a;
                e[k] = b;
                k++;
            }
            if (ends[i] < other.ends[j]) {
                i++;
            } else {
                j++;
            }
        }
        return new WorkTime(s, e, k, Math.max(horizonStart, other.horizonStart), Math.min(horizonEnd, other.horizonEnd));
    }

    public long horizonStart() {
        return horizonStart;
    }

    public long horizonEnd() {
        return horizonEnd;
    }
}
