package dev.planc.compiler.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a source's text may be cut so that its parts can be parsed apart: a cheap scan from the
 * start that follows strings (with their escapes), line comments, block comments and the depth of
 * braces as the lexer would, and picks, at or after each {@code 1/k} of the text, the start of a
 * line at brace depth 0, outside any string or comment, whose text (after spaces and tabs) begins
 * with the keyword of a top-level declaration.
 *
 * <p>Only a guess: the scan is no lexer. {@link SyntaxParser} checks that the parts really join at
 * a declaration boundary and parses the whole text as one when they do not, so a wrong guess costs
 * time, never a different result.
 */
final class SplitPoints {
    /** A cut at {@code offset}, the start of the 1-based {@code line} (counting {@code \n} as the lexer does). */
    record Cut(int offset, int line) {}

    private static final String[] KEYWORDS = {"plan", "calendar", "resource", "team", "task", "milestone", "goal",
        "metric", "contingency", "include"};

    private SplitPoints() {}

    /**
     * Up to {@code chunks - 1} cuts, in increasing order; fewer (none) when the text has too few
     * places to cut, or when a block comment that never closes hides the rest of it.
     */
    static List<Cut> find(String text, int chunks) {
        List<Cut> cuts = new ArrayList<>();
        int n = text.length();
        if (chunks < 2) {
            return cuts;
        }
        int next = 1;
        long target = (long) n * next / chunks;
        int depth = 0;
        int line = 1;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i++);
            switch (c) {
                case '\n' -> {
                    line++;
                    if (depth == 0 && i >= target && i < n && declarationAt(text, i)) {
                        cuts.add(new Cut(i, line));
                        if (++next == chunks) {
                            return cuts;
                        }
                        target = (long) n * next / chunks;
                    }
                }
                case '{' -> depth++;
                case '}' -> depth--;
                case '#' -> {
                    while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                        i++;
                    }
                }
                case '"' -> {
                    // Ends at the closing quote, or (unterminated) before the end of the line.
                    while (i < n) {
                        char s = text.charAt(i);
                        if (s == '"') {
                            i++;
                            break;
                        } else if (s == '\n' || s == '\r') {
                            break;
                        } else if (s == '\\' && i + 1 < n && text.charAt(i + 1) != '\n' && text.charAt(i + 1) != '\r') {
                            i += 2;
                        } else {
                            i++;
                        }
                    }
                }
                case '/' -> {
                    if (i < n && text.charAt(i) == '*') {
                        i++;
                        while (true) {
                            if (i + 1 >= n) {
                                return cuts; // never closed: the rest of the text is one comment
                            }
                            char b = text.charAt(i);
                            if (b == '*' && text.charAt(i + 1) == '/') {
                                i += 2;
                                break;
                            }
                            if (b == '\n') {
                                line++;
                            }
                            i++;
                        }
                    }
                }
                default -> { }
            }
        }
        return cuts;
    }

    /** Whether the line starting at {@code at} begins, after spaces and tabs, with a top-level keyword. */
    private static boolean declarationAt(String text, int at) {
        int n = text.length();
        int i = at;
        while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        for (String k : KEYWORDS) {
            int end = i + k.length();
            if (text.startsWith(k, i) && (end >= n || !wordChar(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean wordChar(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
