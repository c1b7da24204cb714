package dev.planc.compiler.validate;

import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.model.Task;
import dev.planc.compiler.source.Span;

/** Finds the id of a task's declaration, to point a diagnostic at the name, not the whole block. */
final class IdSpans {
    private IdSpans() {}

    static Span of(Task t, RuleContext context) {
        for (Decl.TaskDecl d : context.nodes(Decl.TaskDecl.class)) {
            if (d.span().equals(t.span())) {
                return d.id().span();
            }
        }
        return t.span();
    }
}
