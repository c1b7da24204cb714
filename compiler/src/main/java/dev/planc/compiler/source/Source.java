package dev.planc.compiler.source;

import java.util.Arrays;
import java.util.Objects;

/**
 * One source text and the path it is known by. The text may be unsaved editor content; the
 * path is only used to name it and to resolve relative {@code include}s.
 *
 * <p>Identity-based equality: two loads of the same file are two sources.
 */
public final class Source {
    private final String path;
    private final String text;
    private volatile int[] lineStarts;

    public Source(String path, String text) {
        this.path = Objects.requireNonNull(path, "path");
        this.text = Objects.requireNonNull(text, "text");
    }

    public String path() {
        return path;
    }

    public String text() {
        return text;
    }

    /** Offsets (UTF-16 indexes) at which each line starts; line 1 starts at 0. */
    private int[] lineStarts() {
        int[] starts = lineStarts;
        if (starts == null) {
            int[] buf = new int[64];
            int n = 0;
            buf[n++] = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                    if (n == buf.length) {
                        buf = Arrays.copyOf(buf, n * 2);
                    }
                    buf[n++] = i + 1;
                }
            }
            starts = Arrays.copyOf(buf, n);
            lineStarts = starts;
        }
        return starts;
    }

    /** 1-based line of an offset. */
    public int line(int offset) {
        int[] starts = lineStarts();
        int idx = Arrays.binarySearch(starts, Math.max(0, Math.min(offset, text.length())));
        return (idx >= 0 ? idx : -idx - 2) + 1;
    }

    /** 1-based column of an offset, counting Unicode code points. */
    public int column(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int start = lineStarts()[line(clamped) - 1];
        return text.codePointCount(start, clamped) + 1;
    }

    /** Offset of the first character of a 1-based line. */
    public int lineStart(int line) {
        int[] starts = lineStarts();
        return starts[Math.max(0, Math.min(line - 1, starts.length - 1))];
    }

    public int lineCount() {
        return lineStarts().length;
    }

    /** The text of a 1-based line, without its line terminator. */
    public String lineText(int line) {
        int start = lineStart(line);
        int end = start;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return path;
    }
}
