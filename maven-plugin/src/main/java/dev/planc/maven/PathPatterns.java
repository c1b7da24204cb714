package dev.planc.maven;

import java.util.ArrayList;
import java.util.List;

/**
 * Ant-style path patterns, as Maven users write them in {@code <includes>} and {@code <excludes>}:
 * paths relative to the searched directory with {@code /} between names; {@code **} stands for
 * any number of directories (none included), {@code *} for any characters within one name,
 * {@code ?} for one character; a pattern ending in {@code /} stands for everything under that
 * directory. Matching is case-sensitive. (Semantics as documented for Ant's file sets.)
 */
final class PathPatterns {
    private final List<String[]> patterns;

    private PathPatterns(List<String[]> patterns) {
        this.patterns = patterns;
    }

    static PathPatterns of(List<String> written) {
        List<String[]> split = new ArrayList<>();
        for (String w : written) {
            String p = w.trim().replace('\\', '/');
            if (p.isEmpty()) {
                continue;
            }
            if (p.endsWith("/")) {
                p = p + "**";
            }
            while (p.startsWith("/")) {
                p = p.substring(1);
            }
            split.add(p.split("/+"));
        }
        return new PathPatterns(split);
    }

    boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** Whether any pattern matches {@code relative} (names separated by {@code /}). */
    boolean matches(String relative) {
        String[] names = relative.split("/");
        for (String[] p : patterns) {
            if (match(p, 0, names, 0)) {
                return true;
            }
        }
        return false;
    }

    private static boolean match(String[] pattern, int pi, String[] names, int ni) {
        if (pi == pattern.length) {
            return ni == names.length;
        }
        if (pattern[pi].equals("**")) {
            for (int skip = ni; skip <= names.length; skip++) {
                if (match(pattern, pi + 1, names, skip)) {
                    return true;
                }
            }
            return false;
        }
        return ni < names.length && name(pattern[pi], 0, names[ni], 0) && match(pattern, pi + 1, names, ni + 1);
    }

    /** One name against one pattern segment with {@code *} and {@code ?}. */
    private static boolean name(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = si; k <= s.length(); k++) {
                    if (name(p, pi + 1, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || (c != '?' && c != s.charAt(si))) {
                return false;
            }
            pi++;
            si++;
        }
        return si == s.length();
    }
}
