package dev.planc.compiler.schedule.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Test fixtures: a few PSPLIB instances copied unchanged into the test resources (see the
 * README there), and an independent schedule checker.
 */
final class Psplib {
    private Psplib() {}

    /** A test instance by name, e.g. {@code j3010_1}. */
    static PsplibInstance load(String name) {
        return PsplibInstance.parse(name, text(name));
    }

    static String text(String name) {
        try (InputStream in = Psplib.class.getResourceAsStream(name + ".sm")) {
            if (in == null) {
                throw new IllegalArgumentException("no test instance " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks a schedule from scratch, written separately from {@link PsplibInstance#violation}:
     * starts may be shifted (a backward schedule may begin below 0), precedence is
     * finish-to-start, and the usage of every resource in every period is summed job by job.
     *
     * @return null or what is wrong
     */
    static String check(int[] duration, int[][] demand, int[] capacity, int[][] successors, long[] start) {
        int n = duration.length;
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (int j = 0; j < n; j++) {
            lo = Math.min(lo, start[j]);
            hi = Math.max(hi, start[j] + duration[j]);
            for (int s : successors[j]) {
                if (start[s] < start[j] + duration[j]) {
                    return "job " + j + " ends at " + (start[j] + duration[j]) + " after successor " + s + " starts at "
                            + start[s];
                }
            }
        }
        for (long t = lo; t < hi; t++) {
            for (int r = 0; r < capacity.length; r++) {
                long use = 0;
                for (int j = 0; j < n; j++) {
                    if (start[j] <= t && t < start[j] + duration[j]) {
                        use += demand[j][r];
                    }
                }
                if (use > capacity[r]) {
                    return "resource " + r + " used " + use + " > " + capacity[r] + " at " + t;
                }
            }
        }
        return null;
    }

    static int[] durations(PsplibInstance p) {
        int[] d = new int[p.jobs()];
        for (int j = 0; j < d.length; j++) {
            d[j] = p.duration(j);
        }
        return d;
    }

    static int[][] demands(PsplibInstance p) {
        int[][] d = new int[p.jobs()][p.resources()];
        for (int j = 0; j < d.length; j++) {
            for (int r = 0; r < p.resources(); r++) {
                d[j][r] = p.demand(j, r);
            }
        }
        return d;
    }

    static int[] capacities(PsplibInstance p) {
        int[] c = new int[p.resources()];
        for (int r = 0; r < c.length; r++) {
            c[r] = p.capacity(r);
        }
        return c;
    }

    static int[][] successors(PsplibInstance p) {
        int[][] s = new int[p.jobs()][];
        for (int j = 0; j < s.length; j++) {
            s[j] = p.successors(j);
        }
        return s;
    }

    static long[] starts(Decoder d) {
        long[] s = new long[d.size()];
        for (int a = 0; a < s.length; a++) {
            s[a] = d.start(a);
        }
        return s;
    }
}
