package dev.planc.compiler;

import dev.planc.compiler.diag.Diagnostic;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A value (possibly partial, possibly absent) and everything found on the way to it. */
public record Result<T>(@Nullable T value, List<Diagnostic> diagnostics) {
    public Result {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public long errorCount() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    public long warningCount() {
        return diagnostics.size() - errorCount();
    }
}
