package dev.planc.compiler.schedule;

import dev.planc.compiler.model.Calendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts between the plan's local wall time and UTC epoch minutes, and builds the
 * {@link WorkTime} of calendars (with leaves) over a horizon of days. Working hours are local
 * wall time on each date; on a daylight-saving change the UTC intervals come out shorter or
 * longer, exactly as the clocks on the wall say. Elapsed time is plain UTC minutes.
 */
final class TimeGrid {
    private final ZoneId zone;
    private final LocalDate from;
    private final LocalDate to;
    private final Map<String, WorkTime> cache = new HashMap<>();
    private final WorkTime always;

    TimeGrid(ZoneId zone, LocalDate from, LocalDate to) {
        this.zone = zone;
        this.from = from;
        this.to = to;
        this.always = WorkTime.always(minute(from.atStartOfDay()), minute(to.atStartOfDay()));
    }

    ZoneId zone() {
        return zone;
    }

    /** Epoch minute (UTC) of a local wall time; a time in a spring-forward gap moves forward. */
    long minute(LocalDateTime local) {
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
        String key = cal.id() + "|" + leaves;
        WorkTime cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Set<LocalDate> off = new HashSet<>();
        addDays(cal.holidays(), off);
        addDays(leaves, off);
        List<long[]> list = new ArrayList<>();
        java.time.zone.ZoneRules rules = zone.getRules();
        long steadyUntil = Long.MIN_VALUE; // epoch day before which the offset stays offsetAtStart
        int offsetAtStart = 0;
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            if (!cal.workdays().contains(d.getDayOfWeek()) || off.contains(d)) {
                continue;
            }
            // A day without a clock change (nearly all of them) converts by its one offset; a day
            // with one goes through the zone rules for each window. The zone is asked again only
            // from the next transition on.
            long day = d.toEpochDay();
            if (day >= steadyUntil) {
                java.time.ZoneOffset offset = rules.getOffset(d.atStartOfDay());
                offsetAtStart = offset.getTotalSeconds();
                java.time.zone.ZoneOffsetTransition next = rules.nextTransition(d.atStartOfDay().toInstant(offset));
                steadyUntil = next == null ? Long.MAX_VALUE
                        : Math.max(day, next.getDateTimeBefore().toLocalDate().toEpochDay());
            }
            long midnight = day * 1440;
            boolean steady = day < steadyUntil;
            for (Calendar.Window w : cal.hours()) {
                // same arithmetic as minute(): epoch seconds of the wall time, divided by 60
                long s = steady ? ((midnight + w.from()) * 60 - offsetAtStart) / 60
                        : minute(d.atStartOfDay().plusMinutes(w.from()));
                long e = steady ? ((midnight + w.to()) * 60 - offsetAtStart) / 60
                        : minute(d.atStartOfDay().plusMinutes(w.to()));
                if (e <= s) {
                    continue;
                }
                if (!list.isEmpty() && list.get(list.size() - 1)[1] >= s) {
                    long[] last = list.get(list.size() - 1);
                    last[1] = Math.max(last[1], e); // touching or overlapping windows merge
                } else {
                    list.add(new long[] {s, e});
                }
            }
        }
        long[] starts = new long[list.size()];
        long[] ends = new long[list.size()];
        for (int i = 0; i < list.size(); i++) {
            starts[i] = list.get(i)[0];
            ends[i] = list.get(i)[1];
        }
        WorkTime wt = new WorkTime(starts, ends, always.horizonStart(), always.horizonEnd());
        cache.put(key, wt);
        return wt;
    }

    private void addDays(List<Calendar.DayRange> ranges, Set<LocalDate> out) {
        for (Calendar.DayRange r : ranges) {
            LocalDate a = r.from().isBefore(from) ? from : r.from();
            LocalDate b = r.to().isAfter(to) ? to : r.to();
            for (LocalDate d = a; !d.isAfter(b); d = d.plusDays(1)) {
                out.add(d);
            }
        }
    }
}
