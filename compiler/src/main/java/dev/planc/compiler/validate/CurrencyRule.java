package dev.planc.compiler.validate;

import dev.planc.compiler.ast.Attr;
import dev.planc.compiler.ast.Ident;
import dev.planc.compiler.ast.Money;
import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;
import org.jspecify.annotations.Nullable;

/**
 * E0109: money without a currency when the plan has none; E0110: a code that is not three
 * capital letters, or differs from the plan's currency.
 */
final class CurrencyRule implements Rule {
    @Override
    public void check(RuleContext context, Diagnostics out) {
        String planCurrency = null;
        for (Attr.Currency c : context.nodes(Attr.Currency.class)) {
            if (checkShape(c.code(), out) && planCurrency == null) {
                planCurrency = c.code().name();
            }
        }
        for (Money m : context.nodes(Money.class)) {
            Ident code = m.currency();
            if (code == null) {
                if (planCurrency == null) {
                    out.report(Diagnostic.of(Code.E0109, m.span(), "`" + m.amount().toPlainString()
                            + "` has no currency and the plan declares none")
                            .withHelp("write `" + m.amount().toPlainString() + " EUR`, or add `currency EUR` to the plan block"));
                }
            } else if (dev.planc.compiler.ast.DurUnit.of(code.name()) != null) {
                // `2 d`: a duration with a space, which the grammar reads as money in currency `d`.
                out.report(Diagnostic.of(Code.E0110, code.span(), "`" + code.name() + "` is not a currency code")
                        .withLabel("for a duration, write `" + m.amount().toPlainString() + code.name()
                                + "` without a space"));
            } else if (checkShape(code, out)) {
                mismatch(code, planCurrency, out);
            }
        }
    }

    private static boolean checkShape(Ident code, Diagnostics out) {
        if (code.name().matches("[A-Z]{3}")) {
            return true;
        }
        out.report(Diagnostic.of(Code.E0110, code.span(), "`" + code.name() + "` is not a currency code")
                .withHelp("use a three-letter ISO 4217 code such as EUR, USD or GBP"));
        return false;
    }

    private static void mismatch(Ident code, @Nullable String planCurrency, Diagnostics out) {
        if (planCurrency != null && !planCurrency.equals(code.name())) {
            out.report(Diagnostic.of(Code.E0110, code.span(), "`" + code.name() + "` differs from the plan's currency `"
                    + planCurrency + "`").withHelp("a plan keeps its money in one currency"));
        }
    }
}
