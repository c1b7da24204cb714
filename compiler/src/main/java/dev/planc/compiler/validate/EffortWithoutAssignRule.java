package dev.planc.compiler.validate;

import dev.planc.compiler.ast.Attr;
import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;

/** E0302: {@code effort} with nobody assigned. */
final class EffortWithoutAssignRule implements Rule {
    @Override
    public void check(RuleContext context, Diagnostics out) {
        for (Decl.TaskDecl t : context.nodes(Decl.TaskDecl.class)) {
            Attr.Effort e = TaskShape.first(t, Attr.Effort.class);
            if (e != null && TaskShape.first(t, Attr.Assign.class) == null) {
                out.report(Diagnostic.of(Code.E0302, e.span(), "task " + TaskShape.name(t)
                        + " has `effort` but nobody is assigned").withHelp("add `assign RESOURCE`, or use `duration`"));
            }
        }
    }
}
