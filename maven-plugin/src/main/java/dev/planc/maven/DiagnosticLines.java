package dev.planc.maven;

import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.TextRenderer;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/**
 * Diagnostics in the form of Maven's own compiler plugin, {@code path:[line,column] message}, with
 * the code before the message: {@code /abs/site.plan:[14,22] E0201 unknown task `desgin`}. Lines
 * and columns are 1-based, columns in code points (CLI.md). The label and help lines follow,
 * indented, in the same log entry, as javac's "symbol:" and "location:" lines do.
 */
final class DiagnosticLines {
    private DiagnosticLines() {}

    static String format(Diagnostic d) {
        StringBuilder s = new StringBuilder()
                .append(d.span().source().path())
                .append(":[").append(d.span().line()).append(',').append(d.span().column()).append("] ")
                .append(d.code().id()).append(' ').append(d.message());
        if (d.label() != null) {
            s.append("\n  ").append(d.label());
        }
        for (String h : d.help()) {
            s.append("\n  help: ").append(h);
        }
        return s.toString();
    }

    /** Logs each diagnostic as an error or a warning, in order. */
    static void log(List<Diagnostic> diagnostics, Log log) {
        for (Diagnostic d : diagnostics) {
            if (d.isError()) {
                log.error(format(d));
            } else {
                log.warn(format(d));
            }
        }
    }

    /** {@code "2 errors in 1 file"}. */
    static String count(int n, String noun, int files) {
        return TextRenderer.plural(n, noun) + " in " + TextRenderer.plural(files, "file");
    }
}
