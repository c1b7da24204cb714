package dev.planc.compiler.validate;

import dev.planc.compiler.ast.Attr;
import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;

/** E0303: a leaf task with neither {@code duration} nor {@code effort}. */
final class LeafWithoutLengthRule implements Rule {
    @Override
    public void check(RuleContext context, Diagnostics out) {
        for (Decl.TaskDecl t : context.nodes(Decl.TaskDecl.class)) {
            if (!TaskShape.hasChildren(t) && TaskShape.first(t, Attr.Duration.class) == null
                    && TaskShape.first(t, Attr.Effort.class) == null) {
                out.report(Diagnostic.of(Code.E0303, t.id().span(), "task " + TaskShape.name(t)
                        + " has neither `duration` nor `effort`")
                        .withHelp("add `duration 3d` or `effort 5d`; if it takes no time, make it a `milestone`"));
            }
        }
    }
}
