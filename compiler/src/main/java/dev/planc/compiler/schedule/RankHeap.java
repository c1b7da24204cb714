package dev.planc.compiler.schedule;

import java.util.Arrays;

/**
 * The serial SGS's eligible set: a binary min-heap of task indexes ordered by {@code rank}, then
 * by index. The order is total, so every pop gives the one smallest whatever the heap's layout.
 * The comparison is written out rather than passed in, since a schedule pops every activity
 * and the leveling search makes dozens of schedules.
 */
final class RankHeap {
    private final long[] rank;
    private int[] heap;
    private int size;

    RankHeap(long[] rank, int capacity) {
        this.rank = rank;
        this.heap = new int[Math.max(1, capacity)];
    }

    boolean isEmpty() {
        return size == 0;
    }

    private boolean before(int a, int b) {
        long ra = rank[a];
        long rb = rank[b];
        return ra != rb ? ra < rb : a < b;
    }

    void add(int x) {
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

    /** Removes and returns the first index; the heap must not be empty. */
    int poll() {
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
