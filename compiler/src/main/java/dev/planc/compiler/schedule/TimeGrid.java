package dev.planc.compiler.schedule;

import dev.planc.compiler.model.Calendar;
import dev.planc.compiler.model.Resource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import org.jspecify.annotations.Nullable;

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
        long wall = local.toEpochSecond(ZoneOffset.UTC);
        Steady s = steadyWall;
        if (wall < s.from || wall >= s.until) {
            s = steadyAround(local);
            if (s == null) {
                return minute(zone, local); // in or next to a gap or an overlap
            }
            steadyWall = s;
        }
        return (wall - s.offset.getTotalSeconds()) / 60;
    }

    static long minute(ZoneId zone, LocalDateTime local) {
        return local.atZone(zone).toEpochSecond() / 60;
    }

    LocalDateTime local(long minute) {
        long second = minute * 60;
        Steady s = steadyInstant;
        if (second < s.from || second >= s.until) {
            s = steadyAround(Instant.ofEpochSecond(second));
            steadyInstant = s;
        }
        return LocalDateTime.ofEpochSecond(second, 0, s.offset);
    }

    /**
     * A stretch of time in which the zone's offset does not change: {@code [from, until)} in
     * seconds, on the wall ({@link #minute}) or since the epoch ({@link #local}). Converting inside
     * one is arithmetic, where the zone's rules look up the year's transitions on every call (a
     * status converts a few hundred thousand times). Each stretch stops two days short of the
     * transitions around it (more than any offset change), so the times near a clock change
     * still go through the rules.
     */
    private record Steady(long from, long until, ZoneOffset offset) {}

    private static final long MARGIN = 2 * 86_400;
    /** Beyond any time a plan holds, with room for an offset either side. */
    private static final long FOREVER = Long.MAX_VALUE / 4;

    /** Last stretches used; replaced, never changed, so sharing a grid between threads stays safe. */
    private volatile Steady steadyWall = new Steady(0, 0, ZoneOffset.UTC);
    private volatile Steady steadyInstant = new Steady(0, 0, ZoneOffset.UTC);

    private Steady steadyAround(Instant instant) {
        ZoneRules rules = zone.getRules();
        ZoneOffsetTransition previous = rules.previousTransition(instant.plusSeconds(1)); // one at the instant too
        ZoneOffsetTransition next = rules.nextTransition(instant);
        long from = previous == null ? -FOREVER : previous.getInstant().getEpochSecond() + MARGIN;
        long until = next == null ? FOREVER : next.getInstant().getEpochSecond() - MARGIN;
        if (instant.getEpochSecond() < from || instant.getEpochSecond() >= until) {
            from = instant.getEpochSecond(); // near a transition: this second alone
            until = from + 1;
        }
        return new Steady(from, until, rules.getOffset(instant));
    }

    private @Nullable Steady steadyAround(LocalDateTime local) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> valid = rules.getValidOffsets(local);
        if (valid.size() != 1) {
            return null;
        }
        Steady s = steadyAround(local.toInstant(valid.get(0)));
        if (s.until - s.from < 2) {
            return null;
        }
        // the same stretch on the wall, where this offset is the only valid one throughout
        int offset = s.offset.getTotalSeconds();
        return new Steady(s.from + offset, s.until + offset, s.offset);
    }

    WorkTime elapsed() {
        return always;
    }

    /** Working time of a calendar minus whole-day leaves. */
    WorkTime of(Calendar cal, List<Calendar.DayRange> leaves) {
        return calendars.of(cal, leaves, to);
    }

    /** Working time in which all of {@code resources} work. */
    WorkCalendar common(List<Resource> resources) {
        return calendars.common(resources, to);
    }
}
