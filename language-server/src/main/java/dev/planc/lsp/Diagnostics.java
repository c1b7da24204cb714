package dev.planc.lsp;

import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Severity;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.jspecify.annotations.Nullable;

/** The compiler's diagnostics as LSP ones: the same code, message, label and help, positions in UTF-16. */
final class Diagnostics {
    private Diagnostics() {}

    static PublishDiagnosticsParams params(String uri, @Nullable Integer version, List<Diagnostic> diagnostics) {
        List<org.eclipse.lsp4j.Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            out.add(of(d));
        }
        PublishDiagnosticsParams p = new PublishDiagnosticsParams(uri, out);
        p.setVersion(version);
        return p;
    }

    static org.eclipse.lsp4j.Diagnostic of(Diagnostic d) {
        StringBuilder message = new StringBuilder(d.message());
        if (d.label() != null) {
            message.append(" (").append(d.label()).append(')');
        }
        for (String h : d.help()) {
            message.append("\nhelp: ").append(h);
        }
        org.eclipse.lsp4j.Diagnostic out = new org.eclipse.lsp4j.Diagnostic(Positions.range(d.span()),
                message.toString(), d.severity() == Severity.ERROR ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
                "planc", d.code().id());
        return out;
    }
}
