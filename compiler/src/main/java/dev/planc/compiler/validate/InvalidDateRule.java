package dev.planc.compiler.validate;

import dev.planc.compiler.ast.DateValue;
import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;
import java.time.YearMonth;

/** E0101: dates and date-times that do not exist ({@code 2027-02-30}, {@code T24:30}). */
final class InvalidDateRule implements Rule {
    @Override
    public void check(RuleContext context, Diagnostics out) {
        for (DateValue d : context.nodes(DateValue.class)) {
            if (d.value() == null) {
                out.report(Diagnostic.of(Code.E0101, d.span(), "invalid date `" + d.text() + "`: " + why(d.text())));
            }
        }
    }

    private static String why(String s) {
        int y = Integer.parseInt(s.substring(0, 4));
        int m = Integer.parseInt(s.substring(5, 7));
        int day = Integer.parseInt(s.substring(8, 10));
        if (m < 1 || m > 12) {
            return "there is no month " + m;
        }
        int length = YearMonth.of(y, m).lengthOfMonth();
        if (day < 1 || day > length) {
            return YearMonth.of(y, m).getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
                    + " " + y + " has " + length + " days";
        }
        return "there is no time " + s.substring(11) + " (hours 00-23, minutes 00-59)";
    }
}
