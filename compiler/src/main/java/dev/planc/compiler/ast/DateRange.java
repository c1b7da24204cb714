package dev.planc.compiler.ast;

import dev.planc.compiler.source.Span;
import org.jspecify.annotations.Nullable;

/** A single date or an inclusive range {@code FROM..TO}. */
public record DateRange(DateValue from, @Nullable DateValue to, Span span) implements Node {}
