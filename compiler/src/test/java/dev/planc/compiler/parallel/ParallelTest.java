package dev.planc.compiler.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelTest {

    @Test
    void resultsComeInPieceOrderWhateverOrderTheyFinish() {
        // later pieces are quicker, so they tend to finish first
        List<Integer> got = Parallel.map(40, i -> {
            spin((40 - i) * 20_000L);
            return i * i;
        });
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            expected.add(i * i);
        }
        assertEquals(expected, got);
    }

    @Test
    void everyPieceRunsExactlyOnce() {
        AtomicInteger[] runs = new AtomicInteger[500];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = new AtomicInteger();
        }
        Parallel.map(runs.length, i -> runs[i].incrementAndGet());
        for (AtomicInteger r : runs) {
            assertEquals(1, r.get());
        }
    }

    @Test
    void theCallerTakesPartAndUsesNoMoreThreadsThanAllowed() {
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        Parallel.map(200, i -> {
            seen.add(Thread.currentThread());
            spin(10_000);
            return null;
        });
        assertEquals(true, seen.size() <= Parallel.threads(), seen.toString());
        if (Parallel.threads() == 1) {
            assertEquals(Set.of(Thread.currentThread()), seen);
        }
    }

    @Test
    void theLowestNumberedFailureIsRethrownAfterTheOthersEnd() {
        AtomicInteger finished = new AtomicInteger();
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> Parallel.map(30, i -> {
            if (i == 7 || i == 20) {
                throw new IllegalArgumentException("piece " + i);
            }
            spin(5_000);
            finished.incrementAndGet();
            return i;
        }));
        assertEquals("piece 7", thrown.getMessage());
        assertEquals(28, finished.get());
    }

    @Test
    void errorsAreRethrownAsThemselves() {
        StackOverflowError deep = new StackOverflowError("deep");
        assertSame(deep, assertThrows(StackOverflowError.class, () -> Parallel.map(3, i -> {
            if (i == 2) {
                throw deep;
            }
            return i;
        })));
    }

    @Test
    void nestedCallsFinish() {
        List<Integer> sums = Parallel.map(8, i -> Parallel.map(8, j -> i * 8 + j).stream().mapToInt(x -> x).sum());
        for (int i = 0; i < 8; i++) {
            assertEquals(64 * i + 28, sums.get(i));
        }
    }

    @Test
    void nullResultsAndNoPiecesAreFine() {
        assertEquals(List.of(), Parallel.map(0, i -> i));
        List<Object> nulls = Parallel.map(3, i -> null);
        assertEquals(3, nulls.size());
        assertEquals(null, nulls.get(1));
    }

    @Test
    void rangesGiveEveryIndexOnceInOrder() {
        for (int count : new int[] {0, 1, 2, 3, 7, 1000}) {
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                expected.add(3 * i);
            }
            assertEquals(expected, Parallel.mapInRanges(count, i -> 3 * i), "count " + count);
        }
    }

    @Test
    void aCapOnThreadsIsKept() {
        java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        for (int cap = 1; cap <= 3; cap++) {
            most.set(0);
            Parallel.map(100, cap, i -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                spin(20_000);
                running.decrementAndGet();
                return i;
            });
            assertTrue(most.get() <= cap, "cap " + cap + ": " + most.get() + " at once");
        }
    }

    private static long sink;

    private static void spin(long rounds) {
        long x = 0;
        for (long k = 0; k < rounds; k++) {
            x += k ^ (x >>> 3);
        }
        sink += x;
    }
}
