package dev.planc.compiler.validate;

import dev.planc.compiler.ast.Attr;
import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.ast.Member;
import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;
import dev.planc.compiler.source.Span;

/** E0404: a contingency needs a {@code when} and a {@code then} with at least one action. */
final class ContingencyShapeRule implements Rule {
    @Override
    public void check(RuleContext context, Diagnostics out) {
        for (Decl.ContingencyDecl c : context.nodes(Decl.ContingencyDecl.class)) {
            boolean when = false;
            int actions = 0;
            boolean then = false;
            for (Member m : c.body()) {
                if (m instanceof Attr.When) {
                    when = true;
                } else if (m instanceof Attr.Then t) {
                    then = true;
                    actions += t.actions().size();
                }
            }
            Span at = c.id().span();
            if (!when) {
                out.report(Diagnostic.of(Code.E0404, at, "contingency `" + c.id().name() + "` has no `when` condition"));
            }
            if (!then || actions == 0) {
                out.report(Diagnostic.of(Code.E0404, at, "contingency `" + c.id().name() + "` has no actions")
                        .withHelp("add `then { notify ... }`, `activate TASK` or `escalate \"...\"`"));
            }
        }
    }
}
