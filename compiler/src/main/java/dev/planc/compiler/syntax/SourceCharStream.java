package dev.planc.compiler.syntax;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import java.util.Arrays;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The lexer's input for a source without surrogates (every char a code point, so a code point
 * index is a UTF-16 index): the same answers as ANTLR's {@code CharStreams.fromString}, from one
 * copy of the text instead of two, and with the text of short tokens shared: a name written
 * many times ({@code assign ravi}, the parts of {@code after build.design}) becomes one string
 * in the AST instead of one per use.
 */
final class SourceCharStream implements CharStream {
    /** Longer token texts (titles, notes) are rarely repeated and are not shared. */
    private static final int SHARE_UP_TO = 64;

    private final char[] chars;
    private final String name;
    private final int size;
    private int position;
    /** Open addressing, linear probing; at most half full. Each string with where it was first read. */
    private String[] shared = new String[1 << 12];
    private int[] sharedAt = new int[1 << 12];
    private int sharedCount;

    /** @param text has no surrogates (see {@link OffsetMap#noSurrogates()}) */
    SourceCharStream(String text, String name) {
        this(text.toCharArray(), name, 0);
    }

    /**
     * The stream of {@code chars}, read from {@code from} on: the same indexes as the stream of the
     * whole text, for lexing one part of it. The array is only read, so streams may share it.
     *
     * @param chars the text's chars, without surrogates
     */
    SourceCharStream(char[] chars, String name, int from) {
        this.chars = chars;
        this.name = name;
        this.size = chars.length;
        this.position = from;
    }

    @Override
    public void consume() {
        if (position >= size) {
            throw new IllegalStateException("cannot consume EOF");
        }
        position++;
    }

    @Override
    public int LA(int i) {
        if (i > 0) {
            int at = position + i - 1;
            return at < size ? chars[at] : IntStream.EOF;
        } else if (i < 0) {
            int at = position + i;
            return at >= 0 ? chars[at] : IntStream.EOF;
        }
        return 0;
    }

    @Override
    public int mark() {
        return -1;
    }

    @Override
    public void release(int marker) {
    }

    @Override
    public int index() {
        return position;
    }

    @Override
    public void seek(int index) {
        position = index;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String getSourceName() {
        return name == null || name.isEmpty() ? IntStream.UNKNOWN_SOURCE_NAME : name;
    }

    @Override
    public String getText(Interval interval) {
        return text(interval.a, interval.b);
    }

    /** The text from {@code a} to {@code b} inclusive, as {@link #getText(Interval)}. */
    String text(int a, int b) {
        int start = Math.min(a, size);
        int length = Math.min(b - a + 1, size - start);
        if (length <= 0 || length > SHARE_UP_TO) {
            return new String(chars, start, length);
        }
        int hash = 0;
        for (int i = start; i < start + length; i++) {
            hash = 31 * hash + chars[i]; // String.hashCode
        }
        int mask = shared.length - 1;
        for (int slot = (hash ^ hash >>> 16) & mask; ; slot = (slot + 1) & mask) {
            String s = shared[slot];
            if (s == null) {
                s = new String(chars, start, length);
                shared[slot] = s;
                sharedAt[slot] = start;
                if (++sharedCount * 2 > shared.length) {
                    grow();
                }
                return s;
            }
            int at = sharedAt[slot];
            if (s.length() == length && s.hashCode() == hash
                    && Arrays.equals(chars, at, at + length, chars, start, start + length)) {
                return s;
            }
        }
    }

    private void grow() {
        String[] old = shared;
        int[] oldAt = sharedAt;
        shared = new String[old.length * 2];
        sharedAt = new int[old.length * 2];
        int mask = shared.length - 1;
        for (int i = 0; i < old.length; i++) {
            String s = old[i];
            if (s != null) {
                int hash = s.hashCode();
                int slot = (hash ^ hash >>> 16) & mask;
                while (shared[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                shared[slot] = s;
                sharedAt[slot] = oldAt[i];
            }
        }
    }

    @Override
    public String toString() {
        return new String(chars);
    }
}
