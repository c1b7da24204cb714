package dev.planc.compiler.schedule.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LevelingSearchTest {
    /** Ten j30 instances with their proven optima (solutions/j30opt.sm), all resource-constrained. */
    static final String[] J30 = {"j301_1", "j306_1", "j3011_1", "j3021_1", "j3026_1", "j3031_5", "j3041_1", "j3046_1",
        "j309_2", "j3029_9"};
    static final int[] OPTIMUM = {43, 59, 54, 84, 59, 52, 86, 59, 92, 97};

    /** Counts the forward passes the search asks for; never justifies (like a calendar decoder without a backward pass). */
    static class ForwardOnly implements Decoder {
        final RcpspDecoder inner;
        long passes;

        ForwardOnly(RcpspDecoder inner) {
            this.inner = inner;
        }

        @Override
        public int size() {
            return inner.size();
        }

        @Override
        public int[] predecessors(int a) {
            return inner.predecessors(a);
        }

        @Override
        public int[] successors(int a) {
            return inner.successors(a);
        }

        @Override
        public long decode(int[] activityList) {
            passes++;
            return inner.decode(activityList);
        }

        @Override
        public long start(int a) {
            return inner.start(a);
        }

        @Override
        public long finish(int a) {
            return inner.finish(a);
        }
    }

    /** Also justifies: counts forward and backward passes. */
    static final class Counting extends ForwardOnly {
        Counting(RcpspDecoder inner) {
            super(inner);
        }

        @Override
        public boolean canJustify() {
            return true;
        }

        @Override
        public void decodeBackward(int[] reverseList, long deadline) {
            passes++;
            inner.decodeBackward(reverseList, deadline);
        }
    }

    private static void assertValid(PsplibInstance p, LevelingSearch.Outcome o) {
        RcpspDecoder d = new RcpspDecoder(p);
        assertEquals(o.makespan(), d.decode(o.list()), "decoding the best list gives the reported makespan");
        long[] start = Psplib.starts(d);
        assertNull(p.violation(start), p.name());
        assertNull(Psplib.check(Psplib.durations(p), Psplib.demands(p), Psplib.capacities(p), Psplib.successors(p),
                start), p.name());
        assertTrue(o.makespan() >= p.criticalPathLength());
    }

    @Test
    void reachesTheOptimumOnJ30AtTheDefaultBudget() {
        int optimal = 0;
        double gap = 0;
        for (int i = 0; i < J30.length; i++) {
            PsplibInstance p = Psplib.load(J30[i]);
            LevelingSearch.Outcome o = LevelingSearch.search(new RcpspDecoder(p), p.latestFinishList(), 1,
                    LevelingSearch.DEFAULT_SCHEDULES);
            assertValid(p, o);
            assertTrue(o.makespan() >= OPTIMUM[i], J30[i] + " below its proven optimum?");
            assertTrue(o.makespan() <= OPTIMUM[i] * 1.03, J30[i] + ": " + o.makespan() + " vs optimum " + OPTIMUM[i]);
            assertTrue(o.schedules() <= LevelingSearch.DEFAULT_SCHEDULES);
            if (o.makespan() == OPTIMUM[i]) {
                optimal++;
            }
            gap += 100.0 * (o.makespan() - OPTIMUM[i]) / OPTIMUM[i];
        }
        assertTrue(optimal >= 9, optimal + " of 10 optimal");
        assertTrue(gap / J30.length <= 0.5, "average gap " + gap / J30.length + " %");
    }

    @Test
    void sameSeedSameResultDifferentSeedStillValid() {
        PsplibInstance p = Psplib.load("j12015_3");
        int[] initial = p.latestFinishList();
        LevelingSearch.Outcome a = LevelingSearch.search(new RcpspDecoder(p), initial, 7, 3_000);
        RcpspDecoder reused = new RcpspDecoder(p);
        reused.decode(Psplib.load("j12015_3").topologicalOrder()); // a decoder with history
        LevelingSearch.Outcome b = LevelingSearch.search(reused, initial, 7, 3_000);
        assertArrayEquals(a.list(), b.list());
        assertEquals(a.makespan(), b.makespan());
        assertEquals(a.schedules(), b.schedules());
        assertValid(p, a);
        LevelingSearch.Outcome c = LevelingSearch.search(new RcpspDecoder(p), initial, 8, 3_000);
        assertValid(p, c);
        assertArrayEquals(p.latestFinishList(), initial, "the initial list is not modified");
    }

    @Test
    void neverSpendsMoreThanTheBudgetAndNeverWorseThanTheInitialList() {
        PsplibInstance p = Psplib.load("j3041_1");
        int[] initial = p.latestFinishList();
        long first = new RcpspDecoder(p).decode(initial);
        for (long budget : new long[] {1, 2, 3, 4, 5, 7, 11, 100, 1_001}) {
            Counting d = new Counting(new RcpspDecoder(p));
            LevelingSearch.Outcome o = LevelingSearch.search(d, initial, 3, budget);
            assertTrue(d.passes <= budget, budget + ": " + d.passes + " passes");
            assertEquals(d.passes, o.schedules());
            assertTrue(o.makespan() <= first);
            assertValid(p, o);
            if (budget == 1) {
                assertArrayEquals(initial, o.list());
                assertEquals(first, o.makespan());
            }
        }
    }

    @Test
    void worksWithADecoderThatCannotJustify() {
        PsplibInstance p = Psplib.load("j3021_1");
        ForwardOnly d = new ForwardOnly(new RcpspDecoder(p));
        LevelingSearch.Outcome o = LevelingSearch.search(d, p.latestFinishList(), 5, 2_000);
        assertEquals(2_000, d.passes, "one forward pass per schedule, the whole budget");
        assertEquals(2_000, o.schedules());
        assertValid(p, o);
        assertTrue(o.makespan() < new RcpspDecoder(p).decode(p.latestFinishList()));
    }

    /**
     * Reports times that do not follow precedence (as a decoder with negative lags might): the
     * lists the search builds from them must still be precedence-feasible.
     */
    static final class ScrambledTimes implements Decoder {
        final RcpspDecoder inner;

        ScrambledTimes(RcpspDecoder inner) {
            this.inner = inner;
        }

        @Override
        public int size() {
            return inner.size();
        }

        @Override
        public int[] predecessors(int a) {
            return inner.predecessors(a);
        }

        @Override
        public int[] successors(int a) {
            return inner.successors(a);
        }

        @Override
        public long decode(int[] activityList) {
            return inner.decode(activityList);
        }

        @Override
        public long start(int a) {
            return (inner.start(a) * 7919 + a * 104729L) % 97;
        }

        @Override
        public long finish(int a) {
            return start(a) + (inner.finish(a) - inner.start(a));
        }

        @Override
        public boolean canJustify() {
            return true;
        }

        @Override
        public void decodeBackward(int[] reverseList, long deadline) {
            inner.decodeBackward(reverseList, deadline);
        }
    }

    @Test
    void keepsListsFeasibleWhenTimesDoNotFollowPrecedence() {
        PsplibInstance p = Psplib.load("j3041_1");
        LevelingSearch.Outcome o =
                LevelingSearch.search(new ScrambledTimes(new RcpspDecoder(p)), p.latestFinishList(), 9, 3_000);
        assertValid(p, o); // the decoder rejects infeasible lists, so every list on the way was feasible
    }

    @Test
    void smallAndTrivialProjects() {
        // one job; two jobs in a chain; two parallel jobs competing for one unit
        RcpspDecoder one = new RcpspDecoder(new int[] {3}, new int[][] {{1}}, new int[] {1}, new int[][] {{}});
        assertEquals(3, LevelingSearch.search(one, new int[] {0}, 1, 100).makespan());
        RcpspDecoder two =
                new RcpspDecoder(new int[] {2, 2}, new int[][] {{1}, {1}}, new int[] {1}, new int[][] {{}, {}});
        assertEquals(4, LevelingSearch.search(two, new int[] {1, 0}, 1, 100).makespan());
        // five parallel jobs, capacity 2: an optimal packing needs a good order
        int[] dur = {3, 3, 2, 2, 2};
        int[][] dem = {{1}, {1}, {1}, {1}, {1}};
        RcpspDecoder five = new RcpspDecoder(dur, dem, new int[] {2}, new int[][] {{}, {}, {}, {}, {}});
        assertEquals(6, LevelingSearch.search(five, new int[] {2, 3, 4, 0, 1}, 1, 500).makespan());
    }

    @Test
    void randomInstancesGiveValidSchedules() {
        Random random = new Random(11);
        for (int i = 0; i < 60; i++) {
            RcpspDecoderTest.Problem p = RcpspDecoderTest.randomProblem(random);
            RcpspDecoder d = new RcpspDecoder(p.duration(), p.demand(), p.capacity(), p.successors());
            int[] initial = RcpspDecoderTest.randomList(p, random, false);
            long first = d.decode(initial);
            LevelingSearch.Outcome o = LevelingSearch.search(d, initial, i, 300);
            assertTrue(o.makespan() <= first);
            assertEquals(o.makespan(), d.decode(o.list()));
            assertNull(Psplib.check(p.duration(), p.demand(), p.capacity(), p.successors(), Psplib.starts(d)));
        }
    }

    @Test
    void rejectsBadArguments() {
        PsplibInstance p = Psplib.load("j3010_1");
        RcpspDecoder d = new RcpspDecoder(p);
        int[] list = p.latestFinishList();
        assertThrows(IllegalArgumentException.class, () -> LevelingSearch.search(d, list, 1, 0));
        int[] reversed = new int[list.length];
        for (int i = 0; i < list.length; i++) {
            reversed[i] = list[list.length - 1 - i];
        }
        assertThrows(IllegalArgumentException.class, () -> LevelingSearch.search(d, reversed, 1, 10));
        int[] twice = list.clone();
        twice[3] = twice[2];
        assertThrows(IllegalArgumentException.class, () -> LevelingSearch.search(d, twice, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> LevelingSearch.search(d, new int[] {0}, 1, 10));
    }

    /** Forks: each fork a decoder of its own over the same instance, counting its passes in a shared total. */
    static final class Forking extends ForwardOnly {
        final PsplibInstance instance;
        final boolean justifies;
        final java.util.concurrent.atomic.AtomicLong total;
        final java.util.Set<Thread> threads;

        Forking(PsplibInstance instance, boolean justifies, java.util.concurrent.atomic.AtomicLong total,
                java.util.Set<Thread> threads) {
            super(new RcpspDecoder(instance));
            this.instance = instance;
            this.justifies = justifies;
            this.total = total;
            this.threads = threads;
        }

        @Override
        public long decode(int[] activityList) {
            total.incrementAndGet();
            threads.add(Thread.currentThread());
            return super.decode(activityList);
        }

        @Override
        public boolean canJustify() {
            return justifies;
        }

        @Override
        public void decodeBackward(int[] reverseList, long deadline) {
            total.incrementAndGet();
            inner.decodeBackward(reverseList, deadline);
        }

        @Override
        public Decoder fork() {
            return new Forking(instance, justifies, total, threads);
        }
    }

    @Test
    void decodingOnSeveralThreadsFindsExactlyWhatOneThreadFinds() {
        for (String name : new String[] {"j3021_1", "j3046_1", "j3029_9"}) {
            PsplibInstance p = Psplib.load(name);
            for (boolean justifies : new boolean[] {false, true}) {
                for (long budget : new long[] {7, 40, 1_000}) {
                    LevelingSearch.Outcome alone = null;
                    for (int threads : new int[] {1, 2, 3, 5}) {
                        java.util.concurrent.atomic.AtomicLong passes = new java.util.concurrent.atomic.AtomicLong();
                        java.util.Set<Thread> used = java.util.concurrent.ConcurrentHashMap.newKeySet();
                        LevelingSearch.Outcome o = LevelingSearch.search(new Forking(p, justifies, passes, used),
                                p.latestFinishList(), 17, budget, LevelingSearch.Settings.DEFAULT, threads);
                        String what = name + (justifies ? " justified" : "") + ", budget " + budget + ", " + threads
                                + " threads";
                        assertEquals(o.schedules(), passes.get(), what + ": every schedule counted, once");
                        assertTrue(o.schedules() <= budget, what);
                        if (threads == 1) {
                            alone = o;
                            assertEquals(1, used.size(), what);
                        } else {
                            assertEquals(alone.makespan(), o.makespan(), what);
                            assertArrayEquals(alone.list(), o.list(), what);
                            assertEquals(alone.schedules(), o.schedules(), what);
                        }
                        assertValid(p, o);
                    }
                }
            }
        }
    }

    @Test
    void anInitialListDecodedByTheCallerIsCountedNotDecodedAgain() {
        for (String name : new String[] {"j3021_1", "j3046_1"}) {
            PsplibInstance p = Psplib.load(name);
            for (long budget : new long[] {1, 9, 500}) {
                ForwardOnly plain = new ForwardOnly(new RcpspDecoder(p));
                LevelingSearch.Outcome expected = LevelingSearch.search(plain, p.latestFinishList(), 3, budget);
                RcpspDecoder first = new RcpspDecoder(p);
                long makespan = first.decode(p.latestFinishList());
                ForwardOnly handed = new ForwardOnly(new RcpspDecoder(p));
                LevelingSearch.Outcome got = LevelingSearch.search(handed, p.latestFinishList(), makespan,
                        Psplib.starts(first), 3, budget);
                assertArrayEquals(expected.list(), got.list(), name + " at " + budget);
                assertEquals(expected.makespan(), got.makespan());
                assertEquals(expected.schedules(), got.schedules(), "the handed schedule still counts");
                assertEquals(plain.passes - 1, handed.passes, "one decode fewer");
            }
        }
    }
}
