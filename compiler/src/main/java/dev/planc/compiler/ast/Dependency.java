package dev.planc.compiler.ast;

import dev.planc.compiler.source.Span;
import org.jspecify.annotations.Nullable;

/**
 * {@code REF}, {@code REF.start}, with an optional lag ({@code + 2d}) or lead ({@code - 1d}).
 * {@code target} excludes a trailing {@code .start}, which sets {@code fromStart}.
 */
public record Dependency(Ref target, boolean fromStart, boolean lead, @Nullable Dur lag, Span span)
        implements Node {}
