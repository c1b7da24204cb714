package dev.planc.compiler.ast;

import dev.planc.compiler.source.Span;
import org.jspecify.annotations.Nullable;

/** {@code assign r}, {@code r:2}, {@code r:50%}. */
public record Assignment(Ident resource, @Nullable Amount amount, Span span) implements Node {}
