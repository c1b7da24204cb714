package dev.planc.compiler.validate;

import dev.planc.compiler.ast.Attr;
import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;
import dev.planc.compiler.resolve.Suggest;
import java.time.DateTimeException;
import java.time.ZoneId;

/** E0108: a time zone that is not an IANA name. */
final class TimezoneRule implements Rule {
    @Override
    public void check(RuleContext context, Diagnostics out) {
        for (Attr.Timezone t : context.nodes(Attr.Timezone.class)) {
            String name = t.zone().value();
            try {
                ZoneId.of(name);
            } catch (DateTimeException e) {
                Diagnostic d = Diagnostic.of(Code.E0108, t.zone().span(), "unknown time zone \"" + name + "\"");
                String best = Suggest.closest(name, ZoneId.getAvailableZoneIds().stream().sorted().toList());
                out.report(best != null ? d.withLabel("did you mean \"" + best + "\"?")
                        : d.withHelp("use an IANA name such as \"Europe/Berlin\" or \"UTC\""));
            }
        }
    }
}
