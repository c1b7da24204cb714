package dev.planc.compiler.validate;

import dev.planc.compiler.ast.Assignment;
import dev.planc.compiler.ast.Attr;
import dev.planc.compiler.ast.Dur;
import dev.planc.compiler.ast.Num;
import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;
import dev.planc.compiler.resolve.Units;
import java.math.BigDecimal;

/**
 * E0111: numbers outside their range: {@code hours_per_day} in (0, 24], {@code days_per_week} a
 * whole number 1..7, assignment amounts and rates positive, durations at most 100 years.
 * E0113: a rate per something other than {@code d} or {@code h}.
 */
final class NumberRangeRule implements Rule {
    @Override
    public void check(RuleContext context, Diagnostics out) {
        for (Attr.HoursPerDay h : context.nodes(Attr.HoursPerDay.class)) {
            BigDecimal v = h.value().value();
            if (v.signum() <= 0 || v.compareTo(BigDecimal.valueOf(24)) > 0) {
                report(h.value(), "hours_per_day", "more than 0 and at most 24", out);
            }
        }
        for (Attr.DaysPerWeek d : context.nodes(Attr.DaysPerWeek.class)) {
            BigDecimal v = d.value().value();
            if (v.stripTrailingZeros().scale() > 0 || v.compareTo(BigDecimal.ONE) < 0
                    || v.compareTo(BigDecimal.valueOf(7)) > 0) {
                report(d.value(), "days_per_week", "a whole number from 1 to 7", out);
            }
        }
        for (Attr.FlagSpi f : context.nodes(Attr.FlagSpi.class)) {
            bands("flag_spi", f.green(), f.amber(), f.span(), out);
        }
        for (Attr.FlagCpi f : context.nodes(Attr.FlagCpi.class)) {
            bands("flag_cpi", f.green(), f.amber(), f.span(), out);
        }
        for (Attr.FlagSlip f : context.nodes(Attr.FlagSlip.class)) {
            if (f.value().amount().signum() < 0) {
                out.report(Diagnostic.of(Code.E0111, f.value().span(), "`flag_slip` is negative"));
            }
        }
        for (Assignment a : context.nodes(Assignment.class)) {
            if (a.amount() != null && a.amount().value().signum() <= 0) {
                out.report(Diagnostic.of(Code.E0111, a.amount().span(), "assignment amount `" + a.amount().span().text()
                        + "` for `" + a.resource().name() + "` is not positive"));
            }
        }
        for (Attr.Rate r : context.nodes(Attr.Rate.class)) {
            if (r.money().amount().signum() < 0) {
                out.report(Diagnostic.of(Code.E0111, r.money().span(), "rate `" + r.money().span().text()
                        + "` is negative"));
            }
            String per = r.per().name();
            if (!per.equals("d") && !per.equals("h")) {
                out.report(Diagnostic.of(Code.E0113, r.per().span(), "a rate is per day or per hour, not per `" + per + "`")
                        .withLabel("write `/d` or `/h`"));
            }
        }
        for (Dur d : context.nodes(Dur.class)) {
            if (d.unit() != null && new Units(24 * 60, 7).minutes(d) >= Units.MAX_MINUTES.longValue()) {
                out.report(Diagnostic.of(Code.E0111, d.span(), "duration `" + d.span().text()
                        + "` is longer than 100 years"));
            }
        }
    }

    private static void bands(String what, Num green, Num amber, dev.planc.compiler.source.Span span,
            Diagnostics out) {
        if (!dev.planc.compiler.resolve.Resolver.validBands(green.value(), amber.value())) {
            out.report(Diagnostic.of(Code.E0111, span, "`" + what + " " + green.value().toPlainString() + " "
                    + amber.value().toPlainString() + "` is not a pair of bands: write the green floor, then the "
                    + "amber floor, with 0 < amber < green <= 1 (e.g. `" + what + " 0.95 0.90`)"));
        }
    }

    private static void report(Num n, String what, String range, Diagnostics out) {
        out.report(Diagnostic.of(Code.E0111, n.span(), "`" + what + "` is " + n.value().toPlainString()
                + "; it must be " + range));
    }
}
