package dev.planc.compiler.output;

import dev.planc.compiler.model.Plan;
import dev.planc.compiler.model.Task;
import dev.planc.compiler.schedule.Schedule;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A schedule for a terminal: a table (id indented by depth, title, start, finish, slack,
 * critical mark, assignees), the plan's finish and critical path, and a bar chart.
 */
public final class TextScheduleWriter {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    private static final int CHART = 56;

    private TextScheduleWriter() {}

    public static String write(Schedule schedule) {
        Plan plan = schedule.plan();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"id", "title", "start", "finish", "slack", "", "assigned"});
        for (Task t : plan.tasks()) {
            Schedule.Entry e = schedule.entry(t.index());
            String id = "  ".repeat(depth(plan, t)) + t.id() + (t.kind() == Task.Kind.MILESTONE ? " ◆" : "");
            rows.add(new String[] {id, t.title(),
                    e.scheduled() ? WHEN.format(e.start()) : plan.contingent(t) ? "(contingent)" : "-",
                    e.scheduled() ? WHEN.format(e.finish()) : "",
                    e.scheduled() ? slack(e.slackMinutes(), plan.minutesPerDay()) : "",
                    e.critical() ? "*" : "",
                    String.join(", ", ScheduleDocument.assigned(plan, t))});
        }
        int[] width = new int[7];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].codePointCount(0, r[i].length()));
            }
        }
        width[1] = Math.min(width[1], 32);
        StringBuilder out = new StringBuilder();
        out.append(plan.name()).append(": ").append(WHEN.format(schedule.start())).append(" → ")
                .append(WHEN.format(schedule.finish())).append(" (").append(zone(plan)).append(")\n\n");
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                String cell = i == 1 ? clip(r[i], width[1]) : r[i];
                line.append(cell);
                if (i < r.length - 1) {
                    line.append(" ".repeat(width[i] - cell.codePointCount(0, cell.length()) + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        out.append("\nfinish: ").append(WHEN.format(schedule.finish())).append('\n');
        List<String> path = new ArrayList<>();
        for (int i : schedule.criticalPath()) {
            path.add(plan.tasks().get(i).path());
        }
        out.append("critical path: ").append(path.isEmpty() ? "(none)" : String.join(" → ", path)).append("\n\n");
        chart(out, schedule, width[0]);
        return out.toString();
    }

    private static void chart(StringBuilder out, Schedule schedule, int idWidth) {
        Plan plan = schedule.plan();
        long total = Math.max(1, Duration.between(schedule.start(), schedule.finish()).toMinutes());
        for (Task t : plan.tasks()) {
            Schedule.Entry e = schedule.entry(t.index());
            String id = "  ".repeat(depth(plan, t)) + t.id();
            StringBuilder bar = new StringBuilder(" ".repeat(CHART));
            if (e.scheduled()) {
                int a = col(schedule.start(), e.start(), total);
                int b = Math.max(a + 1, col(schedule.start(), e.finish(), total));
                if (t.kind() == Task.Kind.MILESTONE) {
                    bar.setCharAt(Math.min(a, CHART - 1), '◆');
                } else {
                    char c = t.kind() == Task.Kind.GROUP ? '▔' : e.critical() ? '█' : '▒';
                    for (int i = a; i < Math.min(b, CHART); i++) {
                        bar.setCharAt(i, c);
                    }
                }
            }
            out.append(id).append(" ".repeat(Math.max(0, idWidth - id.codePointCount(0, id.length())) + 2))
                    .append('|').append(bar).append("|\n");
        }
    }

    private static int col(LocalDateTime origin, LocalDateTime t, long total) {
        long m = Duration.between(origin, t).toMinutes();
        return (int) Math.max(0, Math.min(CHART - 1, m * CHART / total));
    }

    private static int depth(Plan plan, Task t) {
        int d = 0;
        for (int p = t.parent(); p >= 0; p = plan.tasks().get(p).parent()) {
            d++;
        }
        return d;
    }

    private static String slack(long minutes, int minutesPerDay) {
        if (minutes == 0) {
            return "0";
        }
        if (minutes % minutesPerDay == 0) {
            return minutes / minutesPerDay + "d";
        }
        return ScheduleDocument.hours(minutes) + "h";
    }

    private static String clip(String s, int width) {
        return s.codePointCount(0, s.length()) <= width ? s : s.substring(0, s.offsetByCodePoints(0, width - 1)) + "…";
    }

    private static String zone(Plan plan) {
        return plan.zone().getId().equals("Z") ? "UTC" : plan.zone().getId();
    }
}
