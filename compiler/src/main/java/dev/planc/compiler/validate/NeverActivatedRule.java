package dev.planc.compiler.validate;

import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;
import dev.planc.compiler.model.Contingency;
import dev.planc.compiler.model.Task;
import java.util.HashSet;
import java.util.Set;

/** W0003: a contingent task that no contingency activates. */
final class NeverActivatedRule implements Rule {
    @Override
    public void check(RuleContext context, Diagnostics out) {
        Set<Integer> activated = new HashSet<>();
        for (Contingency c : context.plan().contingencies()) {
            activated.addAll(c.activates());
        }
        for (Task t : context.plan().tasks()) {
            if (t.contingent() && !activated.contains(t.index())) {
                Diagnostic d = Diagnostic.of(Code.W0003, t.span(), "contingent task `" + t.path()
                        + "` is never activated").withHelp("add `activate " + t.path() + "` to a contingency's `then` block");
                out.report(new Diagnostic(d.code(), d.severity(), IdSpans.of(t, context), d.message(), null, d.help()));
            }
        }
    }
}
