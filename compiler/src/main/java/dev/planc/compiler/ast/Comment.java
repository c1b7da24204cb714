package dev.planc.compiler.ast;

import dev.planc.compiler.source.Span;

/** A {@code # line} or {@code /* block * /} comment, kept for the formatter. */
public record Comment(String text, boolean block, Span span) implements Node {}
