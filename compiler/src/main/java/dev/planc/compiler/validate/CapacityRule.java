package dev.planc.compiler.validate;

import dev.planc.compiler.ast.Attr;
import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;

/** E0105: a capacity of zero or less. */
final class CapacityRule implements Rule {
    @Override
    public void check(RuleContext context, Diagnostics out) {
        for (Attr.Capacity c : context.nodes(Attr.Capacity.class)) {
            if (c.amount().value().signum() <= 0) {
                out.report(Diagnostic.of(Code.E0105, c.amount().span(), "capacity `" + c.amount().span().text()
                        + "` is not positive").withHelp("`50%` is a half-time person, `3` a pool of three units"));
            }
        }
    }
}
