package dev.planc.compiler.ast;

import dev.planc.compiler.source.Span;

/** A name as written. */
public record Ident(String name, Span span) implements Node {}
