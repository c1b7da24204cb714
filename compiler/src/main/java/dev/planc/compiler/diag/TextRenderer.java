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
        // Columns counted in code points, tabs shown as 4 spaces.
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

    /** Display columns of the first {@code upTo} UTF-16 units: code points, tabs count 4. */
    private static int displayWidth(String s, int upTo) {
        int w = 0;
        for (int i = 0; i < upTo; ) {
            int cp = s.codePointAt(i);
            w += cp == '\t' ? 4 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    private String paint(String ansi, String s) {
        return color ? ansi + s + RESET : s;
    }
}
