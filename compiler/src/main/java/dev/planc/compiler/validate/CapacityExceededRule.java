package dev.planc.compiler.validate;

import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;
import dev.planc.compiler.model.Resource;
import dev.planc.compiler.model.Task;

/** E0305: an assignment of more units than the resource has. Never silently capped. */
final class CapacityExceededRule implements Rule {
    @Override
    public void check(RuleContext context, Diagnostics out) {
        for (Task t : context.plan().tasks()) {
            for (Task.Allocation a : t.assignments()) {
                Resource r = context.plan().resources().get(a.resource());
                if (a.units().compareTo(r.capacity()) > 0) {
                    out.report(Diagnostic.of(Code.E0305, a.span(), "`" + t.path() + "` asks for "
                            + Quantities.units(a.units()) + " of `" + r.id() + "`, which has a capacity of "
                            + Quantities.units(r.capacity()))
                            .withHelp("assign at most " + Quantities.units(r.capacity()) + ", or raise `capacity` of `"
                                    + r.id() + "`"));
                }
            }
        }
    }
}
