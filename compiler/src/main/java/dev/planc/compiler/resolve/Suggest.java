package dev.planc.compiler.resolve;

import java.util.Collection;
import org.jspecify.annotations.Nullable;

/** "Did you mean": the closest candidate by optimal-string-alignment distance, if close enough. */
public final class Suggest {
    private Suggest() {}

    /**
     * The candidate closest to {@code word}, or null when none is within the threshold
     * (one edit for short words, then one per three characters, at most three). Ties go to the
     * candidate that sorts first, so the answer is deterministic.
     */
    public static @Nullable String closest(String word, Collection<String> candidates) {
        int limit = Math.min(3, Math.max(1, word.length() / 3));
        String best = null;
        int bestDist = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (c.equals(word) || Math.abs(c.length() - word.length()) > limit) {
                continue;
            }
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
            if (d <= limit && (d < bestDist || (d == bestDist && c.compareTo(best) < 0))) {
                best = c;
                bestDist = d;
            }
        }
        return best;
    }

    /** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
    static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[n][m];
    }
}
