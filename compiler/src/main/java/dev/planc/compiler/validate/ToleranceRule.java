package dev.planc.compiler.validate;

import dev.planc.compiler.ast.Attr;
import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;
import java.math.BigDecimal;

/** E0106: a tolerance that is not a percentage in 0..100%. */
final class ToleranceRule implements Rule {
    @Override
    public void check(RuleContext context, Diagnostics out) {
        for (Attr.Tolerance t : context.nodes(Attr.Tolerance.class)) {
            BigDecimal v = t.amount().value();
            if (!t.amount().percent()) {
                out.report(Diagnostic.of(Code.E0106, t.amount().span(), "tolerance `" + t.amount().span().text()
                        + "` is not a percentage").withLabel("write `" + v.toPlainString() + "%`"));
            } else if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0) {
                out.report(Diagnostic.of(Code.E0106, t.amount().span(), "tolerance `" + t.amount().span().text()
                        + "` is outside 0% to 100%"));
            }
        }
    }
}
