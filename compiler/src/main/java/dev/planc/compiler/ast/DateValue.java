package dev.planc.compiler.ast;

import dev.planc.compiler.source.Span;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A date ({@code 2027-01-04}) or date-time ({@code 2027-01-04T09:30}) as written; {@code value}
 * is null when it does not exist (validation reports it). A plain date means its midnight.
 */
public record DateValue(String text, @Nullable LocalDateTime value, boolean hasTime, Span span) implements Node {}
