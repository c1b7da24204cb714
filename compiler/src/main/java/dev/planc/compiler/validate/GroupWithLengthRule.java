package dev.planc.compiler.validate;

import dev.planc.compiler.ast.Attr;
import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;

/** E0304: a task with children that has its own {@code duration} or {@code effort}. */
final class GroupWithLengthRule implements Rule {
    @Override
    public void check(RuleContext context, Diagnostics out) {
        for (Decl.TaskDecl t : context.nodes(Decl.TaskDecl.class)) {
            if (!TaskShape.hasChildren(t)) {
                continue;
            }
            Attr length = TaskShape.first(t, Attr.Duration.class);
            if (length == null) {
                length = TaskShape.first(t, Attr.Effort.class);
            }
            if (length != null) {
                out.report(Diagnostic.of(Code.E0304, length.span(), "task " + TaskShape.name(t)
                        + " has children, so it cannot have its own `" + length.keyword() + "`")
                        .withHelp("a group spans its children; move the " + length.keyword() + " to a child task"));
            }
        }
    }
}
