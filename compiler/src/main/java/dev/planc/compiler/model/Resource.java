package dev.planc.compiler.model;

import dev.planc.compiler.source.Span;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A person or a pool of identical units.
 *
 * @param capacity units available at any minute (0.5 for a half-time person, 3 for a pool)
 * @param rate cost per unit, or null
 * @param calendar the resource's own calendar, else the plan's
 * @param leaves dates the resource does not work
 */
public record Resource(int index, String id, String title, BigDecimal capacity, @Nullable Rate rate,
        Calendar calendar, List<Calendar.DayRange> leaves, Span span) {

    public Resource {
        leaves = List.copyOf(leaves);
    }

    /** {@code 640 EUR/d}: an amount per working day or hour. */
    public record Rate(BigDecimal amount, @Nullable String currency, boolean perHour) {}
}
