package dev.planc.compiler.schedule.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PsplibInstanceTest {

    @Test
    void parsesARealJ30File() {
        PsplibInstance p = Psplib.load("j3010_1");
        assertEquals("j3010_1", p.name());
        assertEquals(32, p.jobs());
        assertEquals(4, p.resources());
        assertArrayEquals(new int[] {24, 23, 25, 33}, Psplib.capacities(p));
        // job 1 is the source: successors 2 3 4; job 3: duration 5, demands 0 5 9 10; job 32 the sink
        assertArrayEquals(new int[] {1, 2, 3}, p.successors(0));
        assertEquals(0, p.duration(0));
        assertEquals(5, p.duration(2));
        assertArrayEquals(new int[] {0, 5, 9, 10}, Psplib.demands(p)[2]);
        assertArrayEquals(new int[] {8, 14, 15}, p.successors(2)); // jobs 9 15 16
        assertArrayEquals(new int[] {0, 0, 0, 0}, Psplib.demands(p)[31]);
        assertEquals(0, p.successors(31).length);
        assertArrayEquals(new int[] {0}, p.predecessors()[1]);
        assertArrayEquals(new int[] {28, 29, 30}, p.predecessors()[31]); // jobs 29 30 31
        assertEquals(3, p.duration(30)); // job 31: 3 0 4 5 1
        assertArrayEquals(new int[] {0, 4, 5, 1}, Psplib.demands(p)[30]);
        assertEquals(41, p.criticalPathLength()); // the file's MPM-Time
    }

    @Test
    void everyTestInstanceParsesAndItsCriticalPathMatchesTheFile() {
        for (String name : new String[] {"j301_1", "j306_1", "j3011_1", "j3021_1", "j3026_1", "j3031_5", "j3041_1",
                "j3046_1", "j309_2", "j3029_9", "j12015_3"}) {
            PsplibInstance p = Psplib.load(name);
            assertEquals(name.startsWith("j120") ? 122 : 32, p.jobs(), name);
            String[] lines = Psplib.text(name).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].startsWith("pronr.")) {
                    String[] cols = lines[i + 1].trim().split("\\s+");
                    assertEquals(Integer.parseInt(cols[cols.length - 1]), p.criticalPathLength(), name + " MPM-Time");
                }
            }
        }
    }

    @Test
    void latestFinishListIsAPrecedenceFeasiblePermutation() {
        PsplibInstance p = Psplib.load("j12015_3");
        int[] list = p.latestFinishList();
        int[] at = new int[p.jobs()];
        java.util.Arrays.fill(at, -1);
        for (int i = 0; i < list.length; i++) {
            assertEquals(-1, at[list[i]]);
            at[list[i]] = i;
        }
        for (int j = 0; j < p.jobs(); j++) {
            for (int s : p.successors(j)) {
                assertTrue(at[j] < at[s]);
            }
        }
        assertEquals(0, list[0]);
        assertEquals(p.jobs() - 1, list[list.length - 1]);
        int[] lf = p.latestFinish();
        int[] ef = p.earliestFinish();
        for (int j = 0; j < p.jobs(); j++) {
            assertTrue(ef[j] <= lf[j], "slack is never negative");
        }
    }

    @Test
    void violationFindsBrokenSchedules() {
        PsplibInstance p = Psplib.load("j3010_1");
        RcpspDecoder d = new RcpspDecoder(p);
        d.decode(p.latestFinishList());
        long[] start = Psplib.starts(d);
        assertNull(p.violation(start));
        assertEquals(d.finish(31), p.makespan(start));

        long[] early = start.clone();
        early[p.successors(2)[0]] = start[2]; // a successor of job 3 starting with it
        assertNotNull(p.violation(early));

        long[] together = new long[p.jobs()]; // everything at once: precedence and capacity broken
        assertNotNull(p.violation(together));

        long[] negative = start.clone();
        negative[0] = -1;
        assertNotNull(p.violation(negative));
    }

    @Test
    void rejectsMalformedFiles() {
        String good = """
                jobs (incl. supersource/sink ):  3
                  - renewable                 :  1   R
                  - nonrenewable              :  0   N
                PRECEDENCE RELATIONS:
                jobnr.    #modes  #successors   successors
                   1        1          1           2
                   2        1          1           3
                   3        1          0
                REQUESTS/DURATIONS:
                jobnr. mode duration  R 1
                ------------------------------------------------------------------------
                  1      1     0       0
                  2      1     4       3
                  3      1     0       0
                RESOURCEAVAILABILITIES:
                  R 1
                    5
                """;
        PsplibInstance p = PsplibInstance.parse("tiny", good);
        assertEquals(3, p.jobs());
        assertEquals(4, p.criticalPathLength());
        assertThrows(IllegalArgumentException.class,
                () -> PsplibInstance.parse("x", good.replace("    5\n", "    2\n")), "demand above capacity");
        assertThrows(IllegalArgumentException.class, () -> PsplibInstance.parse("x",
                good.replace("   3        1          0", "   3        1          1           2")), "cycle");
        assertThrows(IllegalArgumentException.class, () -> PsplibInstance.parse("x",
                good.replace("nonrenewable              :  0", "nonrenewable              :  2")), "nonrenewable");
        assertThrows(IllegalArgumentException.class,
                () -> PsplibInstance.parse("x", good.replace("  2      1     4", "  2      2     4")), "multi-mode");
        assertThrows(IllegalArgumentException.class,
                () -> PsplibInstance.parse("x", good.replace("RESOURCEAVAILABILITIES:", "")), "no capacities");
        assertThrows(IllegalArgumentException.class, () -> PsplibInstance.parse("x",
                good.replace("   1        1          1           2", "   1        1          1           7")),
                "successor out of range");
    }
}
