package dev.planc.compiler.schedule;

/**
 * A task's working time as the scheduler counts in it, in UTC epoch minutes: the next working
 * minute, working minutes between two instants, and working minutes added or taken away. A
 * {@link WorkTime} has its intervals built up front; a {@link CommonTime} (several resources
 * booked together) intersects its calendars as queries reach them. Both throw
 * {@link WorkTime.HorizonExceeded} when an answer lies beyond the horizon.
 */
sealed interface WorkCalendar permits WorkTime, CommonTime {
    /** The first working minute at or after {@code t}. */
    long next(long t);

    /** The end of the last working minute at or before {@code t}. */
    long previousEnd(long t);

    /** Working minutes in {@code [a, b)}; negative when b is before a. */
    long between(long a, long b);

    /** The end of {@code minutes} working minutes that start at {@code t} (or the next working minute after it). */
    long add(long t, long minutes);

    /** The start of {@code minutes} working minutes that end at {@code t} (or the last working minute before it). */
    long sub(long t, long minutes);
}
