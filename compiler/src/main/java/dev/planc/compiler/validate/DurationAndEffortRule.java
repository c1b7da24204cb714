package dev.planc.compiler.validate;

import dev.planc.compiler.ast.Attr;
import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;

/** E0301: a task with both {@code duration} and {@code effort}. */
final class DurationAndEffortRule implements Rule {
    @Override
    public void check(RuleContext context, Diagnostics out) {
        for (Decl.TaskDecl t : context.nodes(Decl.TaskDecl.class)) {
            Attr.Duration d = TaskShape.first(t, Attr.Duration.class);
            Attr.Effort e = TaskShape.first(t, Attr.Effort.class);
            if (d != null && e != null) {
                Attr later = d.span().start() > e.span().start() ? d : e;
                out.report(Diagnostic.of(Code.E0301, later.span(), "task " + TaskShape.name(t)
                        + " has both `duration` and `effort`")
                        .withHelp("keep `duration` for a fixed length, or `effort` for work shared by the assignees"));
            }
        }
    }
}
