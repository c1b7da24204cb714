package dev.planc.runtime.status;

import java.math.BigDecimal;

/**
 * When a flag turns amber or red (docs/runtime.md lists the defaults and the reasoning).
 *
 * <ul>
 * <li>Tasks and milestones: red when the forecast slips a task beyond its baseline slack (it now
 *     moves the plan's finish); amber when it slips by more than {@code slipAmberMinutes} within
 *     its slack, or it is past its baseline start and not started (late start), or past its
 *     baseline finish and not done (late finish).</li>
 * <li>SPI and CPI: green inside {@code [greenLow, greenHigh]}, amber inside
 *     {@code [amberLow, amberHigh]}, red beyond. Undefined (nothing planned or spent yet): green.</li>
 * <li>Metrics: amber when the reading is worse than the expected value (on the line from the
 *     baseline at the plan's start to the target at its date) by more than the metric's
 *     tolerance, red beyond twice the tolerance. Better than expected is always green.</li>
 * </ul>
 */
public record Thresholds(long slipAmberMinutes, BigDecimal greenLow, BigDecimal greenHigh, BigDecimal amberLow,
        BigDecimal amberHigh) {

    public static Thresholds defaults() {
        return new Thresholds(0, new BigDecimal("0.95"), new BigDecimal("1.05"), new BigDecimal("0.90"),
                new BigDecimal("1.10"));
    }

    Flag index(BigDecimal value) {
        if (value.compareTo(greenLow) >= 0 && value.compareTo(greenHigh) <= 0) {
            return Flag.GREEN;
        }
        if (value.compareTo(amberLow) >= 0 && value.compareTo(amberHigh) <= 0) {
            return Flag.AMBER;
        }
        return Flag.RED;
    }
}
