package dev.planc.compiler.schedule;

import java.util.Arrays;

/**
 * How much of one resource is booked over time: a step function of UTC minutes to milli-units,
 * kept as two parallel sorted arrays of breakpoints (the level holds from a breakpoint to the
 * next). A resource carries a few hundred bookings at most in practice, so inserting by array
 * copy is cheaper than a balanced tree of boxed keys, and every lookup is one binary search.
 * Adjacent steps of equal level are merged, so back-to-back bookings cost no breakpoints.
 */
final class Usage {
    private long[] at = new long[16];
    private long[] level = new long[16];
    private int size;

    Usage() {
        at[0] = Long.MIN_VALUE; // level 0 from the beginning of time
        size = 1;
    }

    /** Index of the step that holds at {@code t}. */
    int step(long t) {
        int i = Arrays.binarySearch(at, 0, size, t);
        return i >= 0 ? i : -i - 2;
    }

    /** {@link #step} for a {@code t} at or after the start of step {@code hint}: walks a few steps, then searches. */
    int stepFrom(int hint, long t) {
        int i = hint;
        for (int walk = 0; walk < 4; walk++) {
            if (i + 1 >= size || at[i + 1] > t) {
                return i;
            }
            i++;
        }
        int j = Arrays.binarySearch(at, i, size, t);
        return j >= 0 ? j : -j - 2;
    }

    long levelOf(int step) {
        return level[step];
    }

    /** Where step {@code step} ends, or {@link Long#MAX_VALUE}. */
    long changeAfter(int step) {
        return step + 1 < size ? at[step + 1] : Long.MAX_VALUE;
    }

    /** The first minute after step {@code step} from which usage is at most {@code limit}. */
    long freeAfter(int step, long limit) {
        for (int i = step + 1; i < size; i++) {
            if (level[i] <= limit) {
                return at[i];
            }
        }
        return Long.MAX_VALUE;
    }

    /**
     * The earliest minute at or after the first overload in {@code [a, b)} from which usage is at
     * most {@code limit} again; {@link Long#MIN_VALUE} when usage stays within the limit on
     * {@code [a, b)}.
     */
    long conflictUntil(long a, long b, long limit) {
        int first = step(a);
        for (int i = first; i < size && (i == first || at[i] < b); i++) {
            if (level[i] > limit) {
                for (int j = i + 1; j < size; j++) {
                    if (level[j] <= limit) {
                        return at[j];
                    }
                }
                return Long.MAX_VALUE;
            }
        }
        return Long.MIN_VALUE;
    }

    /** Books {@code units} more on {@code [a, b)}. */
    void add(long a, long b, long units) {
        if (a >= b) {
            return;
        }
        int ia = split(a);
        int ib = split(b);
        for (int i = ia; i < ib; i++) {
            level[i] += units;
        }
        // merge equal neighbours at both ends (b first: removing it does not move a's index)
        mergeAt(ib);
        mergeAt(ia);
    }

    /** Makes {@code t} a breakpoint; returns its index. */
    private int split(long t) {
        int i = step(t);
        if (at[i] == t) {
            return i;
        }
        if (size == at.length) {
            at = Arrays.copyOf(at, size * 2);
            level = Arrays.copyOf(level, size * 2);
        }
        System.arraycopy(at, i + 1, at, i + 2, size - i - 1);
        System.arraycopy(level, i + 1, level, i + 2, size - i - 1);
        at[i + 1] = t;
        level[i + 1] = level[i];
        size++;
        return i + 1;
    }

    /** Drops breakpoint {@code i} when the level does not change there. */
    private void mergeAt(int i) {
        if (i <= 0 || i >= size || level[i] != level[i - 1]) {
            return;
        }
        System.arraycopy(at, i + 1, at, i, size - i - 1);
        System.arraycopy(level, i + 1, level, i, size - i - 1);
        size--;
    }
}
