package dev.planc.compiler.validate;

import dev.planc.compiler.ast.Attr;
import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;
import java.util.HashSet;
import java.util.Set;

/** W0004: a calendar that neither the plan, a resource nor another calendar uses. */
final class UnusedCalendarRule implements Rule {
    @Override
    public void check(RuleContext context, Diagnostics out) {
        Set<String> used = new HashSet<>();
        for (Attr.UseCalendar u : context.nodes(Attr.UseCalendar.class)) {
            used.add(u.calendar().name());
        }
        for (Attr.Extends e : context.nodes(Attr.Extends.class)) {
            used.add(e.calendar().name());
        }
        for (Decl d : context.decls()) {
            if (d instanceof Decl.CalendarDecl c && !used.contains(c.id().name())) {
                out.report(Diagnostic.of(Code.W0004, c.id().span(), "calendar `" + c.id().name() + "` is not used")
                        .withHelp("use it with `calendar " + c.id().name() + "` in the plan or a resource, or remove it"));
            }
        }
    }
}
