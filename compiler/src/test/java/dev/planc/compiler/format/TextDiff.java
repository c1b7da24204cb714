package dev.planc.compiler.format;

import java.util.ArrayList;
import java.util.List;

/** A small line diff (longest common subsequence) for readable assertion messages. */
final class TextDiff {
    private static final int CONTEXT = 2;

    private TextDiff() {}

    /** A unified-style diff of {@code expected} against {@code actual}, or "" when they are equal. */
    static String diff(String expected, String actual) {
        if (expected.equals(actual)) {
            return "";
        }
        List<String> a = lines(expected);
        List<String> b = lines(actual);
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                ops.add("  " + show(a.get(i)));
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                ops.add("+ " + show(b.get(j)));
                j++;
            } else {
                ops.add("- " + show(a.get(i)));
                i++;
            }
        }
        StringBuilder out = new StringBuilder("--- expected\n+++ actual\n");
        int last = -1;
        for (int k = 0; k < ops.size(); k++) {
            if (ops.get(k).startsWith("  ")) {
                continue;
            }
            int from = Math.max(last + 1, k - CONTEXT);
            if (last >= 0 && from > last + 1) {
                out.append("  ...\n");
            }
            int to = Math.min(ops.size() - 1, k + CONTEXT);
            for (int x = from; x <= to; x++) {
                out.append(ops.get(x)).append('\n');
            }
            last = to;
            k = to;
        }
        if (!expected.endsWith("\n") || !actual.endsWith("\n")) {
            out.append("(expected ").append(expected.endsWith("\n") ? "ends" : "does not end")
                    .append(" with a newline; actual ").append(actual.endsWith("\n") ? "ends" : "does not end")
                    .append(" with one)\n");
        }
        return out.toString();
    }

    private static List<String> lines(String s) {
        List<String> out = new ArrayList<>(List.of(s.split("\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** Makes trailing whitespace and control characters visible. */
    private static String show(String line) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                out.append("\\t");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < 0x20) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        int end = line.length();
        if (end > 0 && (line.charAt(end - 1) == ' ')) {
            out.append("\u00b7<trailing space>");
        }
        return out.toString();
    }
}
