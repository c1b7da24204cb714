package dev.planc.lsp;

import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.Span;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Converts between the compiler's offsets (UTF-16 indexes into the text) and LSP positions
 * (0-based line, 0-based column in UTF-16 code units, the protocol's default position
 * encoding). Lines end at {@code \n}, {@code \r\n} or a lone {@code \r}, as in the protocol and
 * in {@link Source}. Because both sides count UTF-16 units, a column is an offset minus the
 * line's start: an emoji (two units) moves the columns after it by two.
 */
final class Positions {
    private Positions() {}

    static Position position(Source source, int offset) {
        int clamped = Math.max(0, Math.min(offset, source.text().length()));
        int line = source.line(clamped);
        return new Position(line - 1, clamped - source.lineStart(line));
    }

    static Range range(Span span) {
        return new Range(position(span.source(), span.start()), position(span.source(), span.end()));
    }

    /** The offset of a position; a column past the line's end means its end, a line past the last the text's end. */
    static int offset(Source source, Position p) {
        return offset(source.text(), p);
    }

    static int offset(String text, Position p) {
        int line = 0;
        int i = 0;
        int n = text.length();
        while (line < p.getLine() && i < n) {
            char c = text.charAt(i++);
            if (c == '\n' || (c == '\r' && (i >= n || text.charAt(i) != '\n'))) {
                line++;
            }
        }
        if (line < p.getLine()) {
            return n;
        }
        int end = i;
        while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return Math.min(end, i + Math.max(0, p.getCharacter()));
    }
}
