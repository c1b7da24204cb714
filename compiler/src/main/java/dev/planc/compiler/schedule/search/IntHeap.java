package dev.planc.compiler.schedule.search;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A binary min-heap of ints under a caller's order, without boxing: the schedule generation
 * scheme's eligible set and the search's topological orders both pop the "first" activity
 * thousands of times per schedule.
 */
public final class IntHeap {
    /** Strict order on the heap's ints: whether {@code a} comes out before {@code b}. */
    @FunctionalInterface
    public interface Order {
        boolean before(int a, int b);
    }

    private final @Nullable Order order;
    /** When set, the order is by key, then by the int itself, compared here rather than through {@link #order}. */
    private final long @Nullable [] key;
    private int[] heap;
    private int size;

    public IntHeap(Order order, int capacity) {
        this(order, null, capacity);
    }

    private IntHeap(@Nullable Order order, long @Nullable [] key, int capacity) {
        this.order = order;
        this.key = key;
        this.heap = new int[Math.max(1, capacity)];
    }

    /**
     * Ints ordered by {@code key[x]}, then by {@code x}: a total order, so every poll gives the one
     * smallest. The comparison is written out instead of called through an {@link Order}, since
     * the schedule generation scheme pops every activity of every schedule through it.
     */
    public static IntHeap byKey(long[] key, int capacity) {
        return new IntHeap(null, key, capacity);
    }

    private boolean before(int a, int b) {
        long[] k = key;
        if (k != null) {
            return k[a] != k[b] ? k[a] < k[b] : a < b;
        }
        return java.util.Objects.requireNonNull(order).before(a, b);
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public void clear() {
        size = 0;
    }

    public void add(int x) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int up = (i - 1) >>> 1;
            if (!before(x, heap[up])) {
                break;
            }
            heap[i] = heap[up];
            i = up;
        }
        heap[i] = x;
    }

    /** Removes and returns the first int; the heap must not be empty. */
    public int poll() {
        int top = heap[0];
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
        return top;
    }
}
