package dev.planc.compiler.output;

import dev.planc.compiler.model.Plan;
import dev.planc.compiler.model.Task;
import dev.planc.compiler.schedule.Schedule;
import dev.planc.compiler.schedule.Times;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The schedule as the plain tree of maps and lists that JSON and YAML both print (CLI.md shape). */
public final class ScheduleDocument {
    private ScheduleDocument() {}

    public static Map<String, Object> of(Schedule schedule) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("plan", head(schedule));
        List<Object> tasks = new ArrayList<>();
        for (Task t : schedule.plan().tasks()) {
            tasks.add(task(schedule, t));
        }
        root.put("tasks", tasks);
        root.put("criticalPath", criticalPath(schedule));
        return root;
    }

    /** The {@code plan} member. */
    static Map<String, Object> head(Schedule schedule) {
        Plan plan = schedule.plan();
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("name", plan.name());
        head.put("start", Times.text(schedule.start()));
        head.put("finish", Times.text(schedule.finish()));
        head.put("timezone", plan.zone().getId().equals("Z") ? "UTC" : plan.zone().getId());
        return head;
    }

    /** One element of {@code tasks}. */
    static Map<String, Object> task(Schedule schedule, Task t) {
        Plan plan = schedule.plan();
        Schedule.Entry e = schedule.entry(t.index());
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", t.path());
        o.put("title", t.title());
        o.put("kind", kind(t));
        o.put("start", Times.text(e.start()));
        o.put("finish", Times.text(e.finish()));
        o.put("slackHours", hours(e.slackMinutes()));
        o.put("critical", e.critical());
        o.put("assigned", assigned(plan, t));
        o.put("contingent", plan.contingent(t));
        o.put("deadline", t.deadlineText());
        return o;
    }

    /** The {@code criticalPath} member: task ids from the start. */
    static List<Object> criticalPath(Schedule schedule) {
        List<Object> path = new ArrayList<>();
        for (int i : schedule.criticalPath()) {
            path.add(schedule.plan().tasks().get(i).path());
        }
        return path;
    }

    static String kind(Task t) {
        return switch (t.kind()) {
            case TASK -> "task";
            case GROUP -> "group";
            case MILESTONE -> "milestone";
        };
    }

    /** Working hours, rounded to the hundredth. */
    static double hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP).doubleValue();
    }

    /** Resource ids a task books, directly or (for a group) through its children; sorted. */
    static List<String> assigned(Plan plan, Task t) {
        TreeSet<String> ids = new TreeSet<>();
        collect(plan, t, ids);
        return new ArrayList<>(ids);
    }

    private static void collect(Plan plan, Task t, TreeSet<String> ids) {
        for (Task.Allocation a : t.assignments()) {
            ids.add(plan.resources().get(a.resource()).id());
        }
        for (int c : t.children()) {
            collect(plan, plan.tasks().get(c), ids);
        }
    }
}
