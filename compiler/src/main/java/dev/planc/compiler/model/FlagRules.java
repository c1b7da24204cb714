package dev.planc.compiler.model;

import java.math.BigDecimal;

/**
 * When the runtime's status flags turn amber or red, as the plan sets them ({@code flag_slip},
 * {@code flag_spi}, {@code flag_cpi} in the plan block) or by default.
 *
 * @param slipMinutes a task slipping more than this (working minutes, within its slack) is amber
 * @param spiGreen SPI is green in {@code [spiGreen, 2 − spiGreen]}
 * @param spiAmber amber in {@code [spiAmber, 2 − spiAmber]} outside the green band, red beyond
 */
public record FlagRules(long slipMinutes, BigDecimal spiGreen, BigDecimal spiAmber, BigDecimal cpiGreen,
        BigDecimal cpiAmber) {

    /** Green 0.95–1.05, amber 0.90–1.10 for both indices; any slip within slack is amber. */
    public static FlagRules defaults() {
        return new FlagRules(0, new BigDecimal("0.95"), new BigDecimal("0.90"), new BigDecimal("0.95"),
                new BigDecimal("0.90"));
    }
}
