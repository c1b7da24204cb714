package dev.planc.compiler.ast;

import dev.planc.compiler.source.Span;
import java.math.BigDecimal;

/** A plain number, possibly negative; {@code value} keeps the scale as written. */
public record Num(BigDecimal value, Span span) implements Node {}
