package dev.planc.compiler.ast;

import dev.planc.compiler.source.Span;

/** A time of day {@code HH:MM}; {@code minutes} since midnight (0..1440), or -1 when invalid. */
public record TimeOfDay(String text, int minutes, Span span) implements Node {}
