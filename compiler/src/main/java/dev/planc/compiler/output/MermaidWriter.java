package dev.planc.compiler.output;

import dev.planc.compiler.model.Calendar;
import dev.planc.compiler.model.Plan;
import dev.planc.compiler.model.Task;
import dev.planc.compiler.schedule.Schedule;
import dev.planc.compiler.schedule.Times;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Mermaid {@code gantt}: a section per group, {@code crit} on critical tasks, milestones, and the
 * default calendar's days off as {@code excludes}. Contingent tasks not activated are left out.
 */
public final class MermaidWriter {
    private MermaidWriter() {}

    public static String write(Schedule schedule) {
        Plan plan = schedule.plan();
        StringBuilder out = new StringBuilder("gantt\n");
        out.append("    title ").append(escape(plan.name())).append('\n');
        out.append("    dateFormat YYYY-MM-DDTHH:mm\n");
        out.append("    axisFormat %Y-%m-%d\n");
        List<String> excludes = excludes(plan.defaultCalendar(), schedule);
        if (!excludes.isEmpty()) {
            out.append("    excludes ").append(String.join(", ", excludes)).append('\n');
        }
        // Declaration order: each task or milestone goes in the section of its group (a run of
        // top-level ones in a section named after the plan); a section header is repeated when
        // a nested group interrupts its parent's run.
        int section = Integer.MIN_VALUE;
        for (Task t : plan.tasks()) {
            if (t.kind() == Task.Kind.GROUP || !schedule.entry(t.index()).scheduled()) {
                continue;
            }
            if (t.parent() != section) {
                section = t.parent();
                String name = section < 0 ? plan.name() : path(plan, plan.tasks().get(section));
                out.append("    section ").append(escape(name)).append('\n');
            }
            line(out, schedule, t);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, Schedule schedule, Task t) {
        Schedule.Entry e = schedule.entry(t.index());
        if (!e.scheduled()) {
            return;
        }
        List<String> tags = new ArrayList<>();
        if (e.critical()) {
            tags.add("crit");
        }
        if (t.kind() == Task.Kind.MILESTONE) {
            tags.add("milestone");
        }
        tags.add(t.path().replace('.', '_'));
        tags.add(Times.text(e.start()));
        tags.add(t.kind() == Task.Kind.MILESTONE ? "0d" : Times.text(e.finish()));
        out.append("    ").append(escape(t.title())).append(" :").append(String.join(", ", tags)).append('\n');
    }

    private static String path(Plan plan, Task g) {
        List<String> titles = new ArrayList<>();
        for (Task x = g; ; x = plan.tasks().get(x.parent())) {
            titles.add(0, x.title());
            if (x.parent() < 0) {
                break;
            }
        }
        return String.join(" / ", titles);
    }

    /** Non-working weekdays by name, then holidays inside the schedule's span. */
    private static List<String> excludes(Calendar cal, Schedule schedule) {
        List<String> out = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            if (!cal.workdays().contains(d)) {
                out.add(d.name().toLowerCase(Locale.ROOT));
            }
        }
        if (out.equals(List.of("saturday", "sunday"))) {
            out = new ArrayList<>(List.of("weekends"));
        }
        LocalDate from = schedule.start().toLocalDate();
        LocalDate to = schedule.finish().toLocalDate();
        TreeSet<LocalDate> days = new TreeSet<>();
        for (Calendar.DayRange r : cal.holidays()) {
            for (LocalDate d = r.from(); !d.isAfter(r.to()); d = d.plusDays(1)) {
                if (!d.isBefore(from) && !d.isAfter(to)) {
                    days.add(d);
                }
            }
        }
        for (LocalDate d : days) {
            out.add(d.toString());
        }
        return out;
    }

    /** Mermaid reads {@code :} and {@code ;} and {@code #} in a task line; write them as entities. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '#' -> out.append("#35;");
                case ':' -> out.append("#58;");
                case ';' -> out.append("#59;");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
