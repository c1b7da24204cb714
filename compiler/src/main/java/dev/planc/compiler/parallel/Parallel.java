package dev.planc.compiler.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Runs independent pieces of work on the machine's cores and hands the results back in piece
 * order, whatever order they finished in: a caller that combines them in that order gets the
 * same answer on one core as on eight.
 *
 * <p>The calling thread takes part: it and up to {@code threads() - 1} pool threads claim pieces
 * one at a time until none is left, so a call never waits for a piece nobody is running (calls
 * may nest, and a pool that is busy elsewhere only means the caller does more itself). Pool
 * threads are daemons with the deep stack the parser may need, created when first asked for.
 *
 * <p>{@code -Dplanc.threads=N} caps the threads used (1: everything on the calling thread), for
 * measuring; the default is the number of available processors.
 */
public final class Parallel {
    /** Stack of the pool's threads: deep nesting in a plan recurses in the parser and lowering. */
    private static final long STACK = 16L << 20;
    private static final int THREADS = Math.max(1, Integer.getInteger("planc.threads",
            Runtime.getRuntime().availableProcessors()));
    private static volatile @Nullable ExecutorService pool;

    private Parallel() {}

    /** How many threads a call may use, the caller included. */
    public static int threads() {
        return THREADS;
    }

    /**
     * {@code work.apply(0) … work.apply(count - 1)}, spread over the threads, as a list in index
     * order. The pieces must not depend on one another. If pieces throw, the exception of the
     * lowest-numbered one is rethrown (an {@link Error} or {@link RuntimeException} as it is)
     * once every piece that started has ended.
     */
    public static <T> List<T> map(int count, IntFunction<T> work) {
        return map(count, THREADS, work);
    }

    /**
     * {@link #map(int, IntFunction)} on at most {@code threads} threads at once, the caller
     * included (for work that holds one of a fixed number of scratch spaces per thread).
     */
    public static <T> List<T> map(int count, int threads, IntFunction<T> work) {
        Object[] results = new Object[count];
        Throwable[] failures = new Throwable[count];
        int helpers = Math.min(Math.min(THREADS, threads), count) - 1;
        if (helpers <= 0) {
            for (int i = 0; i < count; i++) {
                results[i] = work.apply(i);
            }
        } else {
            AtomicInteger next = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(count);
            Runnable claim = () -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    try {
                        results[i] = work.apply(i);
                    } catch (Throwable t) {
                        failures[i] = t;
                    } finally {
                        done.countDown();
                    }
                }
            };
            ExecutorService p = pool();
            for (int h = 0; h < helpers; h++) {
                p.execute(claim);
            }
            claim.run();
            boolean interrupted = false;
            while (true) {
                try {
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the pieces others run still write into our arrays: wait
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            for (Throwable t : failures) {
                if (t instanceof RuntimeException r) {
                    throw r;
                }
                if (t instanceof Error e) {
                    throw e;
                }
                if (t != null) {
                    throw new IllegalStateException(t);
                }
            }
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) new ArrayList<>(Arrays.asList(results));
        return list;
    }

    /**
     * {@code work.apply(0) … work.apply(count - 1)} as a list in index order, for many small
     * pieces: each thread takes one contiguous range of indexes (claiming them one at a time
     * would cost more than the pieces do).
     */
    public static <T> List<T> mapInRanges(int count, IntFunction<T> work) {
        int ranges = Math.max(1, Math.min(THREADS, count));
        List<T> all = new ArrayList<>(count);
        for (List<T> range : map(ranges, k -> {
            int lo = (int) ((long) count * k / ranges);
            int hi = (int) ((long) count * (k + 1) / ranges);
            List<T> made = new ArrayList<>(hi - lo);
            for (int i = lo; i < hi; i++) {
                made.add(work.apply(i));
            }
            return made;
        })) {
            all.addAll(range);
        }
        return all;
    }

    private static ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (Parallel.class) {
                p = pool;
                if (p == null) {
                    AtomicInteger made = new AtomicInteger();
                    p = Executors.newFixedThreadPool(THREADS - 1, task -> {
                        Thread t = new Thread(null, task, "planc-worker-" + made.incrementAndGet(), STACK);
                        t.setDaemon(true);
                        return t;
                    });
                    pool = p;
                }
            }
        }
        return p;
    }
}
