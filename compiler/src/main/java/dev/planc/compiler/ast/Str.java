package dev.planc.compiler.ast;

import dev.planc.compiler.source.Span;

/** A string literal; {@code value} has its escapes decoded. */
public record Str(String value, Span span) implements Node {}
