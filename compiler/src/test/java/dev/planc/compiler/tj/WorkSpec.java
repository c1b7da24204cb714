package dev.planc.compiler.tj;

import dev.planc.compiler.model.Calendar;
import dev.planc.compiler.model.Resource;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working time written the way TaskJuggler takes it: weekly windows (minutes since local
 * midnight, per weekday) and a set of whole days off. Built from Planc's model, independently of
 * Planc's scheduler, so the cross-check does not grade Planc with Planc's own arithmetic.
 *
 * @param week per weekday the sorted, disjoint windows {@code [from, to)}; a missing day is off
 * @param off whole days off (holidays and leaves)
 */
record WorkSpec(Map<DayOfWeek, List<int[]>> week, Set<LocalDate> off) {

    static WorkSpec of(Calendar cal, List<Calendar.DayRange> leaves) {
        Map<DayOfWeek, List<int[]>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : cal.workdays()) {
            List<int[]> ws = new ArrayList<>();
            for (Calendar.Window w : cal.hours()) {
                ws.add(new int[] {w.from(), w.to()});
            }
            ws.sort((a, b) -> Integer.compare(a[0], b[0]));
            week.put(d, merge(ws));
        }
        Set<LocalDate> off = new TreeSet<>();
        addDays(cal.holidays(), off);
        addDays(leaves, off);
        return new WorkSpec(week, off);
    }

    static WorkSpec of(Resource r) {
        return of(r.calendar(), r.leaves());
    }

    static void addDays(List<Calendar.DayRange> ranges, Set<LocalDate> out) {
        for (Calendar.DayRange r : ranges) {
            for (LocalDate d = r.from(); !d.isAfter(r.to()); d = d.plusDays(1)) {
                out.add(d);
            }
        }
    }

    /** Time when both work: windows intersect day by day, days off add up. */
    WorkSpec intersect(WorkSpec o) {
        Map<DayOfWeek, List<int[]>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            List<int[]> a = week().get(d);
            List<int[]> b = o.week().get(d);
            if (a == null || b == null) {
                continue;
            }
            List<int[]> out = new ArrayList<>();
            for (int[] x : a) {
                for (int[] y : b) {
                    int s = Math.max(x[0], y[0]);
                    int e = Math.min(x[1], y[1]);
                    if (s < e) {
                        out.add(new int[] {s, e});
                    }
                }
            }
            out.sort((p, q) -> Integer.compare(p[0], q[0]));
            if (!out.isEmpty()) {
                week.put(d, merge(out));
            }
        }
        Set<LocalDate> off = new TreeSet<>(off());
        off.addAll(o.off());
        return new WorkSpec(week, off);
    }

    private static List<int[]> merge(List<int[]> sorted) {
        List<int[]> out = new ArrayList<>();
        for (int[] w : sorted) {
            if (!out.isEmpty() && out.get(out.size() - 1)[1] >= w[0]) {
                out.get(out.size() - 1)[1] = Math.max(out.get(out.size() - 1)[1], w[1]);
            } else {
                out.add(new int[] {w[0], w[1]});
            }
        }
        return out;
    }

    boolean sameWeek(WorkSpec o) {
        if (!week().keySet().equals(o.week().keySet())) {
            return false;
        }
        for (DayOfWeek d : week().keySet()) {
            List<int[]> a = week().get(d);
            List<int[]> b = o.week().get(d);
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i)[0] != b.get(i)[0] || a.get(i)[1] != b.get(i)[1]) {
                    return false;
                }
            }
        }
        return true;
    }

    boolean sameAs(WorkSpec o) {
        return sameWeek(o) && off().equals(o.off());
    }

    /** The first working minute at or after {@code t} (local wall time), or null within ten years none. */
    LocalDateTime firstWorkAtOrAfter(LocalDateTime t) {
        LocalDate day = t.toLocalDate();
        for (int i = 0; i < 3700; i++, day = day.plusDays(1)) {
            List<int[]> ws = week().get(day.getDayOfWeek());
            if (ws == null || off().contains(day)) {
                continue;
            }
            for (int[] w : ws) {
                LocalDateTime from = day.atStartOfDay().plusMinutes(w[0]);
                LocalDateTime to = day.atStartOfDay().plusMinutes(w[1]);
                if (t.isBefore(to)) {
                    return t.isAfter(from) ? t : from;
                }
            }
        }
        return null;
    }

    /** TaskJuggler {@code workinghours} lines for this week: everything off, then each working day. */
    String workingHours(String indent) {
        StringBuilder sb = new StringBuilder();
        sb.append(indent).append("workinghours mon-sun off\n");
        for (DayOfWeek d : week().keySet()) {
            sb.append(indent).append("workinghours ").append(day(d)).append(' ');
            List<int[]> ws = week().get(d);
            for (int i = 0; i < ws.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(hm(ws.get(i)[0])).append(" - ").append(hm(ws.get(i)[1]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String day(DayOfWeek d) {
        return d.name().substring(0, 3).toLowerCase(java.util.Locale.ROOT);
    }

    static String hm(int minutes) {
        return (minutes / 60) + ":" + String.format(java.util.Locale.ROOT, "%02d", minutes % 60);
    }
}
