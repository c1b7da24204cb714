package dev.planc.compiler.schedule;

import dev.planc.compiler.model.Calendar;
import dev.planc.compiler.model.Resource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Converts between the plan's local wall time and UTC epoch minutes, and gives the
 * {@link WorkTime} of calendars (with leaves) over a horizon of days, from the plan's
 * {@link Calendars}. Working hours are local wall time on each date; on a daylight-saving change
 * the UTC intervals come out shorter or longer, exactly as the clocks on the wall say. Elapsed
 * time is plain UTC minutes.
 */
final class TimeGrid {
    private final ZoneId zone;
    private final LocalDate to;
    private final Calendars calendars;
    private final WorkTime always;

    /** The days {@code [calendars.from(), to)}. */
    TimeGrid(Calendars calendars, LocalDate to) {
        this.zone = calendars.zone();
        this.to = to;
        this.calendars = calendars;
        this.always = WorkTime.always(minute(calendars.from().atStartOfDay()), minute(to.atStartOfDay()));
    }

    /** The days {@code [from, to)}, with calendars of its own. */
    TimeGrid(ZoneId zone, LocalDate from, LocalDate to) {
        this(new Calendars(zone, from, to), to);
    }

    ZoneId zone() {
        return zone;
    }

    /** Epoch minute (UTC) of a local wall time; a time in a spring-forward gap moves forward. */
    long minute(LocalDateTime local) {
        return minute(zone, local);
    }

    static long minute(ZoneId zone, LocalDateTime local) {
        return local.atZone(zone).toEpochSecond() / 60;
    }

    LocalDateTime local(long minute) {
        return LocalDateTime.ofInstant(Instant.ofEpochSecond(minute * 60), zone);
    }

    WorkTime elapsed() {
        return always;
    }

    /** Working time of a calendar minus whole-day leaves. */
    WorkTime of(Calendar cal, List<Calendar.DayRange> leaves) {
        return calendars.of(cal, leaves, to);
    }

    /** Working time in which all of {@code resources} work. */
    WorkTime common(List<Resource> resources) {
        return calendars.common(resources, to);
    }
}
