package dev.planc.compiler.schedule.search;

import java.util.Arrays;

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

    private final Order order;
    private int[] heap;
    private int size;

    public IntHeap(Order order, int capacity) {
        this.order = order;
        this.heap = new int[Math.max(1, capacity)];
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
            if (!order.before(x, heap[up])) {
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
            if (c + 1 < size && order.before(heap[c + 1], heap[c])) {
                c++;
            }
            if (!order.before(heap[c], last)) {
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
