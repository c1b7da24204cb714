package dev.planc.compiler.validate;

import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;
import dev.planc.compiler.model.Task;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** W0001: a resource that no task is assigned (directly or through a team). */
final class UnusedResourceRule implements Rule {
    @Override
    public void check(RuleContext context, Diagnostics out) {
        boolean[] assigned = new boolean[context.plan().resources().size()];
        for (Task t : context.plan().tasks()) {
            List<Task.Allocation> allocations = t.assignments();
            for (int i = 0; i < allocations.size(); i++) {
                assigned[allocations.get(i).resource()] = true;
            }
        }
        Set<String> used = new HashSet<>();
        for (int r = 0; r < assigned.length; r++) {
            if (assigned[r]) {
                used.add(context.plan().resources().get(r).id());
            }
        }
        for (Decl d : context.decls()) {
            if (d instanceof Decl.ResourceDecl r && !used.contains(r.id().name())) {
                out.report(Diagnostic.of(Code.W0001, r.id().span(), "resource `" + r.id().name()
                        + "` is not assigned to any task").withHelp("assign it, or remove it from the plan"));
            }
        }
    }
}
