package dev.planc.compiler.validate;

import dev.planc.compiler.ast.Attr;
import dev.planc.compiler.ast.TimeOfDay;
import dev.planc.compiler.ast.TimeRange;
import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** E0103: {@code hours} intervals that do not exist, run backwards, or overlap. */
final class WorkingHoursRule implements Rule {
    @Override
    public void check(RuleContext context, Diagnostics out) {
        for (Attr.Hours hours : context.nodes(Attr.Hours.class)) {
            List<TimeRange> valid = new ArrayList<>();
            for (TimeRange r : hours.ranges()) {
                if (bad(r.from(), out) | bad(r.to(), out)) {
                    continue;
                }
                if (r.to().minutes() <= r.from().minutes()) {
                    out.report(Diagnostic.of(Code.E0103, r.span(), "working hours `" + r.from().text() + "-"
                            + r.to().text() + "` run backwards or are empty")
                            .withHelp("write the earlier time first; use `24:00` for midnight at the end of a day"));
                    continue;
                }
                valid.add(r);
            }
            valid.sort(Comparator.comparingInt(r -> r.from().minutes()));
            for (int i = 1; i < valid.size(); i++) {
                TimeRange a = valid.get(i - 1);
                TimeRange b = valid.get(i);
                if (b.from().minutes() < a.to().minutes()) {
                    out.report(Diagnostic.of(Code.E0103, b.span(), "working hours `" + b.from().text() + "-"
                            + b.to().text() + "` overlap `" + a.from().text() + "-" + a.to().text() + "`"));
                }
            }
        }
    }

    private static boolean bad(TimeOfDay t, Diagnostics out) {
        if (t.minutes() >= 0) {
            return false;
        }
        out.report(Diagnostic.of(Code.E0103, t.span(), "invalid time of day `" + t.text() + "`")
                .withHelp("hours 00-24, minutes 00-59; `24:00` is the end of the day"));
        return true;
    }
}
