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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Converts between the plan's local wall time and UTC epoch minutes, and gives the
 * {@link WorkTime} of calendars (with leaves) over a horizon of days, from the plan's
 * {@link Calendars}. Working hours are local wall time on each date; on a daylight-saving change
 * the UTC intervals come out shorter or longer, exactly as the clocks on the wall say. Elapsed
 * time is plain UTC minutes.
 */
final class TimeGrid {
    private static final long MARGIN = 2 * 86_400;
    /** Before and after any time a plan holds, with room for an offset either side. */
    private static final long FOREVER = Long.MAX_VALUE / 4;

    private final ZoneId zone;
    private final LocalDate to;
    private final Calendars calendars;
    private final WorkTime always;
    /**
     * The zone's offset over the horizon and a year either side, in stretches without a clock
     * change: {@code [instantFrom[k], instantUntil[k])} in epoch seconds, the same on the wall
     * (where {@code offsets[k]} is the one valid offset). Converting within a stretch is
     * arithmetic, where the zone's rules look up a year's transitions on every call (a status
     * converts a few hundred thousand times). The stretches stop two days short of each clock
     * change (more than any offset change), so times near one still go through the rules.
     */
    private final long[] instantFrom;
    private final long[] instantUntil;
    private final long[] wallFrom;
    private final long[] wallUntil;
    private final ZoneOffset[] offsets;

    /** The days {@code [calendars.from(), to)}. */
    TimeGrid(Calendars calendars, LocalDate to) {
        this.zone = calendars.zone();
        this.to = to;
        this.calendars = calendars;
        long first = calendars.from().minusYears(1).atStartOfDay(zone).toEpochSecond();
        long last = to.plusYears(1).atStartOfDay(zone).toEpochSecond();
        List<long[]> stretches = new ArrayList<>();
        List<ZoneOffset> offsetList = new ArrayList<>();
        ZoneRules rules = zone.getRules();
        ZoneOffsetTransition previous = rules.previousTransition(Instant.ofEpochSecond(first + 1));
        long start = previous == null ? -FOREVER : previous.getInstant().getEpochSecond() + MARGIN;
        Instant cursor = previous == null ? Instant.ofEpochSecond(first) : previous.getInstant();
        ZoneOffset offset = rules.getOffset(Instant.ofEpochSecond(first));
        while (true) {
            ZoneOffsetTransition next = rules.nextTransition(cursor);
            long until = next == null ? FOREVER : next.getInstant().getEpochSecond() - MARGIN;
            if (start < until) {
                stretches.add(new long[] {start, until});
                offsetList.add(offset);
            }
            if (next == null || next.getInstant().getEpochSecond() >= last) {
                break;
            }
            start = next.getInstant().getEpochSecond() + MARGIN;
            offset = next.getOffsetAfter();
            cursor = next.getInstant();
        }
        int n = stretches.size();
        instantFrom = new long[n];
        instantUntil = new long[n];
        wallFrom = new long[n];
        wallUntil = new long[n];
        offsets = offsetList.toArray(new ZoneOffset[0]);
        for (int k = 0; k < n; k++) {
            instantFrom[k] = stretches.get(k)[0];
            instantUntil[k] = stretches.get(k)[1];
            wallFrom[k] = instantFrom[k] + offsets[k].getTotalSeconds();
            wallUntil[k] = instantUntil[k] + offsets[k].getTotalSeconds();
        }
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
        int k = stretch(wallFrom, wallUntil, wall);
        return k < 0 ? minute(zone, local) : (wall - offsets[k].getTotalSeconds()) / 60;
    }

    static long minute(ZoneId zone, LocalDateTime local) {
        return local.atZone(zone).toEpochSecond() / 60;
    }

    LocalDateTime local(long minute) {
        long second = minute * 60;
        int k = stretch(instantFrom, instantUntil, second);
        return k < 0 ? LocalDateTime.ofInstant(Instant.ofEpochSecond(second), zone)
                : LocalDateTime.ofEpochSecond(second, 0, offsets[k]);
    }

    /** The stretch {@code [from[k], until[k])} holding {@code t}, or -1. */
    private static int stretch(long[] from, long[] until, long t) {
        int k = Arrays.binarySearch(from, t);
        k = k >= 0 ? k : -k - 2;
        return k >= 0 && t < until[k] ? k : -1;
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
