package dev.planc.compiler.ast;

import dev.planc.compiler.source.Span;
import java.math.BigDecimal;

/** A number or a percentage ({@code 3}, {@code 50%}); {@code value} is as written (50 for 50%). */
public record Amount(BigDecimal value, boolean percent, Span span) implements Node {
    /** The amount in units: 50% is 0.5. */
    public BigDecimal units() {
        return percent ? value.movePointLeft(2) : value;
    }
}
