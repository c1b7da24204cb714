package dev.planc.runtime.status;

import dev.planc.compiler.model.FlagRules;
import java.math.BigDecimal;

/**
 * When a flag turns amber or red (docs/runtime.md lists the defaults and the reasoning).
 *
 * <ul>
 * <li>Tasks and milestones: red when the forecast slips a task beyond its baseline slack (it now
 *     moves the plan's finish); amber when it slips by more than {@code slipAmberMinutes} (the
 *     plan's {@code flag_slip}, default 0) within
 *     its slack, or it is past its baseline start and not started (late start), or past its
 *     baseline finish and not done (late finish).</li>
 * <li>SPI and CPI: green inside {@code [green, 2 − green]}, amber inside {@code [amber, 2 − amber]},
 *     red beyond; by default green 0.95–1.05 and amber 0.90–1.10 (the plan may set its own with
 *     {@code flag_spi} and {@code flag_cpi}). Undefined (nothing planned or spent yet): green.</li>
 * <li>Metrics: amber when the reading is worse than the expected value (on the line from the
 *     baseline at the plan's start to the target at its date) by more than the metric's
 *     tolerance, red beyond twice the tolerance. Better than expected is always green.</li>
 * </ul>
 */
public record Thresholds(long slipAmberMinutes, BigDecimal spiGreen, BigDecimal spiAmber, BigDecimal cpiGreen,
        BigDecimal cpiAmber) {

    public static Thresholds defaults() {
        return of(FlagRules.defaults());
    }

    /** The plan's own ({@code flag_slip}, {@code flag_spi}, {@code flag_cpi}), defaults elsewhere. */
    public static Thresholds of(FlagRules rules) {
        return new Thresholds(rules.slipMinutes(), rules.spiGreen(), rules.spiAmber(), rules.cpiGreen(),
                rules.cpiAmber());
    }

    Flag spi(BigDecimal value) {
        return band(value, spiGreen, spiAmber);
    }

    Flag cpi(BigDecimal value) {
        return band(value, cpiGreen, cpiAmber);
    }

    /** Green in [green, 2 − green], amber in [amber, 2 − amber], red beyond. */
    static Flag band(BigDecimal value, BigDecimal green, BigDecimal amber) {
        BigDecimal two = BigDecimal.valueOf(2);
        if (value.compareTo(green) >= 0 && value.compareTo(two.subtract(green)) <= 0) {
            return Flag.GREEN;
        }
        if (value.compareTo(amber) >= 0 && value.compareTo(two.subtract(amber)) <= 0) {
            return Flag.AMBER;
        }
        return Flag.RED;
    }

    /** The band a flag is outside of, in words. */
    String outside(Flag flag, boolean spi) {
        BigDecimal g = spi ? spiGreen : cpiGreen;
        BigDecimal a = spi ? spiAmber : cpiAmber;
        BigDecimal two = BigDecimal.valueOf(2);
        return flag == Flag.AMBER ? "the green band " + g.toPlainString() + "–" + two.subtract(g).toPlainString()
                : "the amber band " + a.toPlainString() + "–" + two.subtract(a).toPlainString();
    }
}
