package dev.planc.compiler.validate;

import dev.planc.compiler.ast.Attr;
import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;

/** W0002: a metric without a {@code target}. */
final class MetricWithoutTargetRule implements Rule {
    @Override
    public void check(RuleContext context, Diagnostics out) {
        for (Decl.MetricDecl m : context.nodes(Decl.MetricDecl.class)) {
            if (m.body().stream().noneMatch(a -> a instanceof Attr.Target)) {
                out.report(Diagnostic.of(Code.W0002, m.id().span(), "metric `" + m.id().name() + "` has no target")
                        .withHelp("add `target NUMBER by YYYY-MM-DD` so it can be tracked"));
            }
        }
    }
}
