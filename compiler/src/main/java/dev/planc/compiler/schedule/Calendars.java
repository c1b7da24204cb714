package dev.planc.compiler.schedule;

import dev.planc.compiler.model.Calendar;
import dev.planc.compiler.model.Plan;
import dev.planc.compiler.model.Resource;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The working time of a plan's calendars, built once and shared by every schedule and
 * {@link WorkingTime} of the plan that is handed the same instance (the runtime's status: its
 * measurements and each of its forecasts). Horizons all start a year before the plan's start;
 * the working time of a shorter horizon is a prefix of a longer one's, so a calendar is built
 * once, to the longest horizon asked for (at least {@code reach}), and shorter ones share its
 * arrays. Thread-safe; what it hands out is immutable.
 */
public final class Calendars {
    private final ZoneId zone;
    private final LocalDate from;
    private final LocalDate reach;
    /** Per calendar with leaves: the longest built. */
    private final Map<String, Built> built = new HashMap<>();
    /** Per horizon end and set of resources booked together. */
    private final Map<String, CommonTime> common = new HashMap<>();

    private record Built(LocalDate until, WorkTime time) {}

    Calendars(ZoneId zone, LocalDate from, LocalDate reach) {
        this.zone = zone;
        this.from = from;
        this.reach = reach;
    }

    /**
     * For a plan's horizons, which start a year before the plan does, ending up to {@code reach}
     * (a later end builds again, to that end).
     */
    public static Calendars of(Plan plan, LocalDate reach) {
        return new Calendars(plan.zone(), plan.start().toLocalDate().minusYears(1), reach);
    }

    ZoneId zone() {
        return zone;
    }

    /** The first day of every horizon. */
    LocalDate from() {
        return from;
    }

    /**
     * Working time of a calendar minus whole-day leaves, over the days before {@code to}. Built
     * outside the lock, so threads asking for different calendars build them at once; two asking
     * for the same one at once may both build it, and the one kept is the same either way.
     */
    WorkTime of(Calendar cal, List<Calendar.DayRange> leaves, LocalDate to) {
        String key = key(new StringBuilder(cal.id()), leaves).toString();
        Built b;
        synchronized (this) {
            b = built.get(key);
        }
        if (b == null || b.until.isBefore(to)) {
            LocalDate until = to.isAfter(reach) ? to : reach;
            Built made = new Built(until, build(cal, leaves, until));
            synchronized (this) {
                b = built.get(key);
                if (b == null || b.until.isBefore(until)) {
                    built.put(key, made);
                    b = made;
                }
            }
        }
        return b.time.until(TimeGrid.minute(zone, to.atStartOfDay()));
    }

    /**
     * Working time in which all of {@code resources} work (their calendars and leaves), before
     * {@code to}: intersected a chunk at a time as it is asked for, once per set and horizon.
     */
    synchronized WorkCalendar common(List<Resource> resources, LocalDate to) {
        StringBuilder key = new StringBuilder().append(to);
        for (Resource r : resources) {
            key(key.append('&').append(r.calendar().id()), r.leaves());
        }
        return common.computeIfAbsent(key.toString(), k -> {
            List<WorkTime> parts = new ArrayList<>();
            for (Resource r : resources) {
                parts.add(of(r.calendar(), r.leaves(), to));
            }
            return new CommonTime(parts);
        });
    }

    /**
     * Appends the days of {@code leaves} ({@code |from..to} each) to a cache key: only the days
     * matter to working time (not the reasons), and a record's toString would be linked through
     * method handles on first use, which costs a fresh JVM milliseconds.
     */
    private static StringBuilder key(StringBuilder key, List<Calendar.DayRange> leaves) {
        for (Calendar.DayRange r : leaves) {
            key.append('|').append(r.from()).append("..").append(r.to());
        }
        return key;
    }

    /**
     * The intervals of the days {@code [from, until)}: each working day's windows in its local
     * wall time, touching windows merged. Days are counted as epoch days, weekdays and days off
     * looked up in arrays; the zone is asked only on days with a clock change.
     */
    private WorkTime build(Calendar cal, List<Calendar.DayRange> leaves, LocalDate until) {
        long first = from.toEpochDay();
        int days = (int) (until.toEpochDay() - first);
        BitSet off = new BitSet(days);
        markDays(cal.holidays(), first, days, off);
        markDays(leaves, first, days, off);
        boolean[] works = new boolean[7]; // Monday first
        for (DayOfWeek d : cal.workdays()) {
            works[d.getValue() - 1] = true;
        }
        int windows = cal.hours().size();
        int[] open = new int[windows];
        int[] close = new int[windows];
        for (int w = 0; w < windows; w++) {
            open[w] = cal.hours().get(w).from();
            close[w] = cal.hours().get(w).to();
        }
        ZoneRules rules = zone.getRules();
        // at most every window of every workday in each week begun
        long[] starts = new long[(days / 7 + 1) * cal.workdays().size() * windows];
        long[] ends = new long[starts.length];
        int n = 0;
        long steadyUntil = Long.MIN_VALUE; // epoch day before which the offset stays offsetAtStart
        int offsetAtStart = 0;
        for (int i = 0; i < days; i++) {
            long day = first + i;
            if (!works[(int) Math.floorMod(day + 3, 7)] || off.get(i)) { // 1970-01-01 was a Thursday
                continue;
            }
            // A day without a clock change (nearly all of them) converts by its one offset; a day
            // with one goes through the zone rules for each window. The zone is asked again only
            // from the next transition on.
            if (day >= steadyUntil) {
                LocalDateTime midnightLocal = LocalDate.ofEpochDay(day).atStartOfDay();
                ZoneOffset offset = rules.getOffset(midnightLocal);
                offsetAtStart = offset.getTotalSeconds();
                ZoneOffsetTransition next = rules.nextTransition(midnightLocal.toInstant(offset));
                steadyUntil = next == null ? Long.MAX_VALUE
                        : Math.max(day, next.getDateTimeBefore().toLocalDate().toEpochDay());
            }
            long midnight = day * 1440;
            boolean steady = day < steadyUntil;
            for (int w = 0; w < windows; w++) {
                // same arithmetic as TimeGrid.minute: epoch seconds of the wall time, divided by 60
                long s = steady ? ((midnight + open[w]) * 60 - offsetAtStart) / 60 : wall(day, open[w]);
                long e = steady ? ((midnight + close[w]) * 60 - offsetAtStart) / 60 : wall(day, close[w]);
                if (e <= s) {
                    continue;
                }
                if (n > 0 && ends[n - 1] >= s) {
                    ends[n - 1] = Math.max(ends[n - 1], e); // touching or overlapping windows merge
                } else {
                    starts[n] = s;
                    ends[n] = e;
                    n++;
                }
            }
        }
        return new WorkTime(starts, ends, n, TimeGrid.minute(zone, from.atStartOfDay()),
                TimeGrid.minute(zone, until.atStartOfDay()));
    }

    /** Epoch minute of {@code minute} minutes after midnight on epoch day {@code day}, through the zone's rules. */
    private long wall(long day, int minute) {
        return TimeGrid.minute(zone, LocalDate.ofEpochDay(day).atStartOfDay().plusMinutes(minute));
    }

    /** Marks the days of {@code ranges} (inclusive) that fall among the {@code days} from epoch day {@code first}. */
    private static void markDays(List<Calendar.DayRange> ranges, long first, int days, BitSet off) {
        for (Calendar.DayRange r : ranges) {
            long a = Math.max(r.from().toEpochDay() - first, 0);
            long b = Math.min(r.to().toEpochDay() - first + 1, days);
            if (a < b) {
                off.set((int) a, (int) b);
            }
        }
    }
}
