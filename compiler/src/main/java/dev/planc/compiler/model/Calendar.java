package dev.planc.compiler.model;

import dev.planc.compiler.source.Span;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Working time: which weekdays, which hours on them, which dates are off. {@code extends} is
 * already applied: a calendar inherits what it does not set itself, and holidays add up.
 */
public record Calendar(String id, Set<DayOfWeek> workdays, List<Window> hours, List<DayRange> holidays,
        @Nullable Span span) {

    public Calendar {
        workdays = Set.copyOf(workdays);
        hours = List.copyOf(hours);
        holidays = List.copyOf(holidays);
    }

    /** A working window within a day, in minutes since midnight, {@code from < to <= 1440}. */
    public record Window(int from, int to) {}

    /** Inclusive date range with an optional reason (a holiday or a leave). */
    public record DayRange(LocalDate from, LocalDate to, @Nullable String reason) {}

    /** The calendar a plan gets without one: Monday to Friday, 09:00–17:00, no holidays. */
    public static Calendar standard() {
        return new Calendar("default",
                Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                List.of(new Window(9 * 60, 17 * 60)), List.of(), null);
    }
}
