package dev.planc.compiler.validate;

import dev.planc.compiler.ast.Attr;
import dev.planc.compiler.ast.Ident;
import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;
import dev.planc.compiler.resolve.Resolver;
import dev.planc.compiler.resolve.Suggest;
import java.util.List;

/** E0112: a {@code workdays} entry that is not mon..sun. */
final class WorkdaysRule implements Rule {
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    @Override
    public void check(RuleContext context, Diagnostics out) {
        for (Attr.Workdays w : context.nodes(Attr.Workdays.class)) {
            for (Ident day : w.days()) {
                if (!Resolver.WEEKDAYS.containsKey(day.name())) {
                    Diagnostic d = Diagnostic.of(Code.E0112, day.span(), "`" + day.name() + "` is not a weekday");
                    String prefix = day.name().length() > 3 ? day.name().substring(0, 3).toLowerCase(java.util.Locale.ROOT)
                            : day.name();
                    String best = DAYS.contains(prefix) ? prefix : Suggest.closest(prefix, DAYS);
                    out.report(best != null ? d.withLabel("did you mean `" + best + "`?")
                            : d.withHelp("use mon tue wed thu fri sat sun"));
                }
            }
        }
    }
}
