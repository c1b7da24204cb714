package dev.planc.compiler.validate;

import dev.planc.compiler.ast.Dur;
import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;
import dev.planc.compiler.resolve.Suggest;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** E0104: a duration without a unit; E0008: a number glued to an unknown unit. */
final class DurationUnitRule implements Rule {
    private static final List<String> UNITS = List.of("min", "h", "d", "w", "emin", "eh", "ed", "ew");
    private static final Map<String, String> WORDS = Map.ofEntries(Map.entry("m", "min"), Map.entry("mins", "min"),
            Map.entry("minute", "min"), Map.entry("minutes", "min"), Map.entry("hr", "h"), Map.entry("hrs", "h"),
            Map.entry("hour", "h"), Map.entry("hours", "h"), Map.entry("day", "d"), Map.entry("days", "d"),
            Map.entry("wk", "w"), Map.entry("wks", "w"), Map.entry("week", "w"), Map.entry("weeks", "w"));

    @Override
    public void check(RuleContext context, Diagnostics out) {
        for (Dur d : context.nodes(Dur.class)) {
            if (d.unit() != null) {
                continue;
            }
            String n = d.amount().toPlainString();
            if (d.unitText().isEmpty()) {
                out.report(Diagnostic.of(Code.E0104, d.span(), "duration `" + n + "` has no unit")
                        .withLabel("write `" + n + "d`, `" + n + "h` or `" + n + "w`")
                        .withHelp("`d` means hours_per_day working hours; elapsed time is `" + n + "ed`"));
                continue;
            }
            String unit = d.unitText();
            Diagnostic diag = Diagnostic.of(Code.E0008, d.span(), "unknown unit `" + unit + "` in `" + d.span().text() + "`");
            String known = WORDS.get(unit.toLowerCase(Locale.ROOT));
            if (known == null) {
                known = Suggest.closest(unit, UNITS);
            }
            if (known == null && "dhw".indexOf(Character.toLowerCase(unit.charAt(0))) >= 0) {
                known = unit.substring(0, 1).toLowerCase(Locale.ROOT); // `10dys`, `2hrs`, `3wks`
            }
            if (known != null) {
                diag = diag.withLabel("did you mean `" + n + known + "`?");
            } else if (unit.length() == 3 && unit.equals(unit.toUpperCase(Locale.ROOT))) {
                diag = diag.withLabel("money needs a space: `" + n + " " + unit + "`");
            }
            out.report(diag.withHelp("units are min, h, d, w (working time) and emin, eh, ed, ew (elapsed)"));
        }
    }
}
