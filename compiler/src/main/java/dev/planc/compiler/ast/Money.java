package dev.planc.compiler.ast;

import dev.planc.compiler.source.Span;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** An amount of money; the currency may be left out when the plan declares one. */
public record Money(BigDecimal amount, @Nullable Ident currency, Span span) implements Node {}
