package dev.planc.compiler.model;

import dev.planc.compiler.source.Span;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A whole resolved plan.
 *
 * @param start the plan's start (midnight of its start date unless a time was given)
 * @param minutesPerDay working minutes that {@code 1d} means ({@code hours_per_day} × 60)
 * @param defaultCalendar the plan's calendar, or the built-in mon–fri 09:00–17:00 one
 * @param flags when the runtime's status flags turn amber and red
 * @param tasks every task, group and milestone in declaration order (pre-order); indexes are stable
 */
public record Plan(String name, LocalDateTime start, ZoneId zone, @Nullable String currency, int minutesPerDay,
        int daysPerWeek, Calendar defaultCalendar, List<Calendar> calendars, List<Resource> resources,
        List<Team> teams, List<Task> tasks, List<Goal> goals, List<Metric> metrics,
        List<Contingency> contingencies, FlagRules flags, Span span) {

    public Plan {
        calendars = List.copyOf(calendars);
        resources = List.copyOf(resources);
        teams = List.copyOf(teams);
        tasks = List.copyOf(tasks);
        goals = List.copyOf(goals);
        metrics = List.copyOf(metrics);
        contingencies = List.copyOf(contingencies);
    }

    /** The task itself or the nearest group holding it that is {@code contingent}, or null: it is then always scheduled. */
    public @Nullable Task contingentAncestor(Task t) {
        for (Task x = t; ; x = tasks.get(x.parent())) {
            if (x.contingent()) {
                return x;
            }
            if (x.parent() < 0) {
                return null;
            }
        }
    }

    /** Contingent itself or inside a contingent group. */
    public boolean contingent(Task t) {
        return contingentAncestor(t) != null;
    }

    public Optional<Task> task(String path) {
        return tasks.stream().filter(t -> t.path().equals(path)).findFirst();
    }

    public Optional<Resource> resource(String id) {
        return resources.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public Optional<Metric> metric(String id) {
        return metrics.stream().filter(m -> m.id().equals(id)).findFirst();
    }
}
