package dev.planc.compiler.validate;

import dev.planc.compiler.ast.DateRange;
import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;

/** E0102: {@code FROM..TO} with TO before FROM. */
final class EmptyRangeRule implements Rule {
    @Override
    public void check(RuleContext context, Diagnostics out) {
        for (DateRange r : context.nodes(DateRange.class)) {
            if (r.to() != null && r.from().value() != null && r.to().value() != null
                    && r.to().value().isBefore(r.from().value())) {
                out.report(Diagnostic.of(Code.E0102, r.span(), "empty range `" + r.from().text() + ".." + r.to().text()
                        + "`: it ends before it starts").withHelp("both ends are inclusive; did you swap them?"));
            }
        }
    }
}
