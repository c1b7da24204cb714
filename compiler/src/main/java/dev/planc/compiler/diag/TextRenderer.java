package dev.planc.compiler.diag;

import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.Span;
import java.util.List;

/**
 * Renders diagnostics for people: a header line {@code path:line:col: error[CODE]: message}, the
 * source line, a caret underline under the whole span (first line of it), the label, and
 * {@code help:} lines. ANSI colour only when asked.
 */
public final class TextRenderer {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String RED = "\u001b[1;31m";
    private static final String YELLOW = "\u001b[1;33m";
    private static final String BLUE = "\u001b[1;34m";
    private static final String CYAN = "\u001b[1;36m";

    private final boolean color;

    public TextRenderer(boolean color) {
        this.color = color;
    }

    public String render(List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            out.append(render(d));
        }
        return out.toString();
    }

    public String render(Diagnostic d) {
        Span span = d.span();
        Source src = span.source();
        int line = span.line();
        int col = span.column();
        StringBuilder out = new StringBuilder();
        String sevColor = d.severity() == Severity.ERROR ? RED : YELLOW;
        out.append(paint(BOLD, src.path() + ":" + line + ":" + col + ":")).append(' ')
                .append(paint(sevColor, d.severity().label() + "[" + d.code().id() + "]"))
                .append(paint(BOLD, ": " + d.message())).append('\n');

        String gutter = " ".repeat(String.valueOf(line).length());
        String text = src.lineText(line);
        // The header counts columns in code points; the caret is placed by display width (tabs
        // shown as 4 spaces, wide characters such as emoji and CJK as 2, combining marks as 0).
        String shown = expandTabs(text);
        int lineStart = src.lineStart(line);
        int startInLine = span.start() - lineStart;
        int endInLine = span.endLine() == line ? span.end() - lineStart : text.length();
        int caretFrom = displayWidth(text, Math.min(startInLine, text.length()));
        int caretTo = displayWidth(text, Math.min(Math.max(endInLine, startInLine), text.length()));
        int width = Math.max(1, caretTo - caretFrom);

        out.append(paint(BLUE, gutter + " |")).append('\n');
        out.append(paint(BLUE, line + " |")).append(shown.isEmpty() ? "" : " " + shown).append('\n');
        out.append(paint(BLUE, gutter + " |")).append(' ').append(" ".repeat(caretFrom))
                .append(paint(sevColor, "^".repeat(width)));
        if (d.label() != null) {
            out.append(' ').append(paint(sevColor, d.label()));
        }
        out.append('\n');
        for (String h : d.help()) {
            out.append(paint(BLUE, gutter + " =")).append(' ').append(paint(CYAN, "help:")).append(' ').append(h)
                    .append('\n');
        }
        return out.toString();
    }

    /** A one-line summary such as "2 errors, 1 warning". */
    public static String summary(int errors, int warnings) {
        return plural(errors, "error") + ", " + plural(warnings, "warning");
    }

    public static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String expandTabs(String s) {
        return s.indexOf('\t') < 0 ? s : s.replace("\t", "    ");
    }

    /** Display columns of the first {@code upTo} UTF-16 units, as a terminal shows them. */
    static int displayWidth(String s, int upTo) {
        int w = 0;
        for (int i = 0; i < upTo; ) {
            int cp = s.codePointAt(i);
            w += width(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    /** Terminal cells of one code point: an approximation of Unicode East Asian Width. */
    private static int width(int cp) {
        if (cp == '\t') {
            return 4;
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        boolean wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x1F680 && cp <= 0x1F6FF) || (cp >= 0x1FA70 && cp <= 0x1FAFF)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
        return wide ? 2 : 1;
    }

    private String paint(String ansi, String s) {
        return color ? ansi + s + RESET : s;
    }
}
