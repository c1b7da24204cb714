package dev.planc.compiler.model;

import dev.planc.compiler.source.Span;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A measured quantity.
 *
 * @param tolerance allowed relative deviation from the expected line, as a fraction (0.10)
 * @param lowerIsBetter direction; when not declared it follows target vs baseline
 */
public record Metric(int index, String id, String title, @Nullable String goal, @Nullable String unit,
        @Nullable BigDecimal baseline, @Nullable BigDecimal target, @Nullable LocalDate targetDate,
        BigDecimal tolerance, boolean lowerIsBetter, Span span) {}
