package dev.planc.compiler.ast;

import dev.planc.compiler.source.Span;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A duration as written. {@code unit} is null when the unit is missing ({@code unitText} empty)
 * or unknown ({@code unitText} holds it); validation reports both.
 */
public record Dur(BigDecimal amount, @Nullable DurUnit unit, String unitText, Span span) implements Node {}
