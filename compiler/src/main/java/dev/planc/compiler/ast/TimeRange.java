package dev.planc.compiler.ast;

import dev.planc.compiler.source.Span;

/** Working hours {@code 09:00-12:00}. */
public record TimeRange(TimeOfDay from, TimeOfDay to, Span span) implements Node {}
