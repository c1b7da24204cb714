package dev.planc.compiler.diag;

import dev.planc.compiler.source.Span;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One finding about a plan.
 *
 * @param code stable catalogue entry
 * @param severity usually {@code code.severity()}
 * @param span what the finding is about (the caret underline)
 * @param message one line that names the thing
 * @param label short text printed after the caret underline (such as "did you mean `design`?")
 * @param help further lines printed as {@code help: ...}
 */
public record Diagnostic(Code code, Severity severity, Span span, String message, @Nullable String label,
        List<String> help) {

    public Diagnostic {
        Objects.requireNonNull(code);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(span);
        Objects.requireNonNull(message);
        help = List.copyOf(help);
    }

    public static Diagnostic of(Code code, Span span, String message) {
        return new Diagnostic(code, code.severity(), span, message, null, List.of());
    }

    public Diagnostic withLabel(@Nullable String newLabel) {
        return new Diagnostic(code, severity, span, message, newLabel, help);
    }

    public Diagnostic withHelp(String... lines) {
        List<String> all = new java.util.ArrayList<>(help);
        all.addAll(List.of(lines));
        return new Diagnostic(code, severity, span, message, label, all);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
