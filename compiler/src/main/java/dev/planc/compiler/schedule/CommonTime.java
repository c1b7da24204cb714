package dev.planc.compiler.schedule;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jspecify.annotations.Nullable;

/**
 * The working time common to several calendars (the resources of a duration, booked together),
 * worked out a chunk of a quarter year at a time when a query first reaches it. A large plan has
 * hundreds of such sets, each used by a few tasks; intersecting each over the whole horizon up
 * front cost more than the scheduling itself. A count that only passes over a chunk (the slack
 * of a task years ahead of its successors) sweeps it for its total without keeping intervals.
 *
 * <p>Every answer is the one the {@link WorkTime} of the whole intersection gives: the chunks
 * partition its intervals in order (one running through a chunk's end is counted in two pieces),
 * so counts add up chunk by chunk, and the searches continue into the next chunk where the
 * whole would continue into the next interval.
 */
final class CommonTime implements WorkCalendar {
    static final int CHUNK_BITS = 17; // 2^17 minutes: 91 days

    private final WorkTime[] parts;
    private final long horizonStart;
    private final long horizonEnd;
    /**
     * Built on first use, like {@link #totals}. A race computes the same immutable value twice,
     * never a wrong one (final fields publish a chunk safely, an atomic array a total).
     */
    private final @Nullable WorkTime[] chunks;
    /** Working minutes per chunk; -1 not counted yet. */
    private final AtomicLongArray totals;

    CommonTime(List<WorkTime> parts) {
        this.parts = parts.toArray(new WorkTime[0]);
        long start = Long.MIN_VALUE;
        long end = Long.MAX_VALUE;
        for (WorkTime p : parts) {
            start = Math.max(start, p.horizonStart());
            end = Math.min(end, p.horizonEnd());
        }
        this.horizonStart = start;
        this.horizonEnd = end;
        long length = Math.max(0, end - start);
        this.chunks = new WorkTime[(int) ((length + (1L << CHUNK_BITS) - 1) >> CHUNK_BITS)];
        this.totals = new AtomicLongArray(chunks.length);
        for (int c = 0; c < chunks.length; c++) {
            totals.set(c, -1);
        }
    }

    /** The chunk holding {@code t}, which lies within the horizon. */
    private int chunkOf(long t) {
        return (int) ((t - horizonStart) >> CHUNK_BITS);
    }

    private long chunkStart(int c) {
        return horizonStart + ((long) c << CHUNK_BITS);
    }

    private long chunkEnd(int c) {
        return Math.min(chunkStart(c) + (1L << CHUNK_BITS), horizonEnd);
    }

    private WorkTime chunk(int c) {
        WorkTime chunk = chunks[c];
        if (chunk == null) {
            Stretches found = new Stretches(capacity(chunkStart(c), chunkEnd(c)));
            sweep(chunkStart(c), chunkEnd(c), found);
            chunk = new WorkTime(found.starts, found.ends, found.n, chunkStart(c), chunkEnd(c));
            chunks[c] = chunk;
        }
        return chunk;
    }

    /** Working minutes in chunk {@code c}. */
    private long total(int c) {
        WorkTime chunk = chunks[c];
        if (chunk != null) {
            return chunk.total();
        }
        long total = totals.get(c);
        if (total < 0) {
            total = sweep(chunkStart(c), chunkEnd(c), null);
            totals.set(c, total);
        }
        return total;
    }

    /** At most how many intervals the common time has within {@code [from, to)}: as many as the parts together. */
    private int capacity(long from, long to) {
        int count = 1;
        for (WorkTime p : parts) {
            count += p.floor(to - 1) - Math.max(0, p.floor(from)) + 1;
        }
        return count;
    }

    /**
     * Working minutes in {@code [from, to)}, within chunk {@code c}: from the chunk when it is
     * built, else counted by a sweep without building it (the ends of a long count, such as a
     * slack, are seldom asked for again).
     */
    private long count(int c, long from, long to) {
        WorkTime chunk = chunks[c];
        return chunk != null ? chunk.between(from, to) : sweep(from, to, null);
    }

    /** Intervals found by a sweep. */
    private static final class Stretches {
        long[] starts;
        long[] ends;
        int n;

        Stretches(int capacity) {
            starts = new long[capacity];
            ends = new long[capacity];
        }

        void add(long start, long end) {
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                ends = Arrays.copyOf(ends, n * 2);
            }
            starts[n] = start;
            ends[n] = end;
            n++;
        }
    }

    /**
     * The common working minutes in {@code [from, to)}, found in one sweep over the parts'
     * intervals: where all of them work, common time lasts until the first of those intervals
     * ends; else it can start no earlier than the latest of their next starts. The stretches
     * never touch (one part stops working at each end), so they are the intervals
     * {@link WorkTime#intersect} makes. They go to {@code found} when given.
     */
    private long sweep(long from, long to, @Nullable Stretches found) {
        if (parts.length == 2) {
            return sweep(parts[0], parts[1], from, to, found);
        }
        int[] at = new int[parts.length];
        for (int p = 0; p < parts.length; p++) {
            at[p] = Math.max(0, parts[p].floor(from));
        }
        long total = 0;
        long x = from;
        while (x < to) {
            long until = to;
            long next = x;
            for (int p = 0; p < parts.length; p++) {
                WorkTime part = parts[p];
                int i = at[p];
                while (i < part.intervalCount() && part.intervalEnd(i) <= x) {
                    i++;
                }
                at[p] = i;
                if (i == part.intervalCount()) {
                    return total; // this part works no more
                }
                if (part.intervalStart(i) > x) {
                    next = Math.max(next, part.intervalStart(i));
                } else {
                    until = Math.min(until, part.intervalEnd(i));
                }
            }
            if (next > x) {
                x = next;
                continue;
            }
            total += until - x;
            if (found != null) {
                found.add(x, until);
            }
            x = until;
        }
        return total;
    }

    /** {@link #sweep(long, long, Stretches)} for the usual two resources, as {@link WorkTime#intersect} walks them. */
    private static long sweep(WorkTime a, WorkTime b, long from, long to, @Nullable Stretches found) {
        int i = Math.max(0, a.floor(from));
        int j = Math.max(0, b.floor(from));
        long total = 0;
        while (i < a.intervalCount() && j < b.intervalCount()) {
            long start = Math.max(from, Math.max(a.intervalStart(i), b.intervalStart(j)));
            if (start >= to) {
                break;
            }
            long end = Math.min(to, Math.min(a.intervalEnd(i), b.intervalEnd(j)));
            if (start < end) {
                total += end - start;
                if (found != null) {
                    found.add(start, end);
                }
            }
            if (a.intervalEnd(i) < b.intervalEnd(j)) {
                i++;
            } else {
                j++;
            }
        }
        return total;
    }

    @Override
    public long next(long t) {
        if (t >= horizonEnd || chunks.length == 0) {
            throw new WorkTime.HorizonExceeded();
        }
        int c = t < horizonStart ? 0 : chunkOf(t);
        WorkTime chunk = chunk(c);
        int i = chunk.floor(t);
        if (i >= 0 && t < chunk.intervalEnd(i)) {
            return t;
        }
        if (i + 1 < chunk.intervalCount()) {
            return Math.max(t, chunk.intervalStart(i + 1));
        }
        for (c++; c < chunks.length; c++) {
            if (total(c) > 0) {
                return chunk(c).intervalStart(0);
            }
        }
        throw new WorkTime.HorizonExceeded();
    }

    @Override
    public long previousEnd(long t) {
        if (t <= horizonStart || chunks.length == 0) {
            throw new WorkTime.HorizonExceeded();
        }
        int c = chunkOf(Math.min(t, horizonEnd) - 1);
        WorkTime chunk = chunk(c);
        int i = chunk.floor(t);
        if (i >= 0 && t > chunk.intervalStart(i)) {
            return Math.min(t, chunk.intervalEnd(i));
        }
        if (i >= 1) {
            return chunk.intervalEnd(i - 1);
        }
        for (c--; c >= 0; c--) {
            if (total(c) > 0) {
                chunk = chunk(c);
                return chunk.intervalEnd(chunk.intervalCount() - 1);
            }
        }
        throw new WorkTime.HorizonExceeded();
    }

    @Override
    public long between(long a, long b) {
        if (b < a) {
            return -between(b, a);
        }
        long x = Math.max(a, horizonStart);
        long y = Math.min(b, horizonEnd);
        if (x >= y) {
            return 0;
        }
        int first = chunkOf(x);
        int last = chunkOf(y - 1);
        if (first == last) {
            return count(first, x, y);
        }
        long sum = count(first, x, chunkEnd(first));
        for (int c = first + 1; c < last; c++) {
            sum += total(c);
        }
        return sum + count(last, chunkStart(last), y);
    }

    @Override
    public long add(long t, long minutes) {
        if (minutes <= 0) {
            return minutes == 0 ? t : sub(t, -minutes);
        }
        if (t >= horizonEnd || chunks.length == 0) {
            throw new WorkTime.HorizonExceeded();
        }
        long from = Math.max(t, horizonStart);
        int c = chunkOf(from);
        long need = minutes;
        long left = count(c, from, chunkEnd(c));
        while (left < need) {
            need -= left;
            if (++c >= chunks.length) {
                throw new WorkTime.HorizonExceeded();
            }
            from = chunkStart(c);
            left = total(c);
        }
        return chunk(c).add(from, need);
    }

    @Override
    public long sub(long t, long minutes) {
        if (minutes <= 0) {
            return minutes == 0 ? t : add(t, -minutes);
        }
        if (t <= horizonStart || chunks.length == 0) {
            throw new WorkTime.HorizonExceeded();
        }
        long to = Math.min(t, horizonEnd);
        int c = chunkOf(to - 1);
        long need = minutes;
        long before = count(c, chunkStart(c), to);
        while (before < need) {
            need -= before;
            if (--c < 0) {
                throw new WorkTime.HorizonExceeded();
            }
            to = chunkEnd(c);
            before = total(c);
        }
        return chunk(c).sub(to, need);
    }
}
