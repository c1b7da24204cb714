package dev.planc.compiler.syntax;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The lexer's input read straight from the source text, for text without surrogates (where
 * every char is a code point and a code point index is a UTF-16 index): the same answers as ANTLR's
 * {@code CharStreams.fromString}, without copying the text into a code point buffer first.
 */
final class SourceCharStream implements CharStream {
    private final String text;
    private final String name;
    private final int size;
    private int position;

    /** @param text has no surrogates (see {@link OffsetMap#noSurrogates()}) */
    SourceCharStream(String text, String name) {
        this.text = text;
        this.name = name;
        this.size = text.length();
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
            return at < size ? text.charAt(at) : IntStream.EOF;
        } else if (i < 0) {
            int at = position + i;
            return at >= 0 ? text.charAt(at) : IntStream.EOF;
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
        int start = Math.min(interval.a, size);
        int length = Math.min(interval.b - interval.a + 1, size - start);
        return text.substring(start, start + length);
    }

    @Override
    public String toString() {
        return text;
    }
}
