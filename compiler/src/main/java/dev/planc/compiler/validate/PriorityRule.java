package dev.planc.compiler.validate;

import dev.planc.compiler.ast.Attr;
import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;
import java.math.BigDecimal;

/** E0107: a priority that is not a whole number in 1..1000. */
final class PriorityRule implements Rule {
    @Override
    public void check(RuleContext context, Diagnostics out) {
        for (Attr.Priority p : context.nodes(Attr.Priority.class)) {
            BigDecimal v = p.value().value();
            boolean whole = v.stripTrailingZeros().scale() <= 0;
            if (!whole || v.compareTo(BigDecimal.ONE) < 0 || v.compareTo(BigDecimal.valueOf(1000)) > 0) {
                out.report(Diagnostic.of(Code.E0107, p.value().span(), "priority `" + v.toPlainString()
                        + "` is not a whole number from 1 to 1000").withHelp("the default is 500; higher wins"));
            }
        }
    }
}
