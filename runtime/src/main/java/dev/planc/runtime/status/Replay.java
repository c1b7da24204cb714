package dev.planc.runtime.status;

import dev.planc.compiler.model.Metric;
import dev.planc.compiler.model.Plan;
import dev.planc.compiler.model.Task;
import dev.planc.runtime.journal.Event;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the journal says happened, applied event by event in order of effective time (events
 * with the same time in the order they were recorded). Events about ids the plan no longer has
 * become warnings, never failures.
 */
public final class Replay {
    private final Plan plan;
    private final Map<String, Integer> taskByPath = new HashMap<>();
    private final Map<String, Integer> metricById = new HashMap<>();
    private final Map<String, Integer> contingencyById = new HashMap<>();
    private final TaskActual[] tasks;
    private final @Nullable Reading[] readings;
    private final List<Firing> firings = new ArrayList<>();
    private final Set<String> warnings = new LinkedHashSet<>();
    private BigDecimal loggedCost = BigDecimal.ZERO;

    /** A task's actuals so far. */
    public record TaskActual(@Nullable LocalDateTime started, @Nullable LocalDateTime finished, BigDecimal progress,
            BigDecimal cost) {
        static final TaskActual NONE = new TaskActual(null, null, BigDecimal.ZERO, BigDecimal.ZERO);

        public boolean done() {
            return finished != null;
        }
    }

    /** A metric's latest reading. */
    public record Reading(BigDecimal value, LocalDateTime at) {}

    /** A recorded contingency firing. */
    public record Firing(String contingency, LocalDateTime at, String because) {}

    public Replay(Plan plan) {
        this.plan = plan;
        for (Task t : plan.tasks()) {
            taskByPath.put(t.path(), t.index());
        }
        for (Metric m : plan.metrics()) {
            metricById.put(m.id(), m.index());
        }
        for (int i = 0; i < plan.contingencies().size(); i++) {
            contingencyById.put(plan.contingencies().get(i).id(), i);
        }
        tasks = new TaskActual[plan.tasks().size()];
        java.util.Arrays.fill(tasks, TaskActual.NONE);
        readings = new Reading[plan.metrics().size()];
    }

    /** Events in replay order: by effective time, then as recorded. */
    public static List<Event> ordered(List<Event> events) {
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(Event::at)); // stable: same time keeps recorded order
        return sorted;
    }

    /** Replays every event with {@code at <= instant} ({@code events} in any order). */
    public static Replay upTo(Plan plan, List<Event> events, LocalDateTime instant) {
        Replay r = new Replay(plan);
        for (Event e : ordered(events)) {
            if (e.at().isAfter(instant)) {
                break;
            }
            r.apply(e);
        }
        return r;
    }

    /** Applies one event (the caller keeps replay order). */
    public void apply(Event e) {
        switch (e.type()) {
            case START, FINISH, PROGRESS, COST -> applyTask(e);
            case MEASURE -> {
                Integer m = e.subject() == null ? null : metricById.get(e.subject());
                if (m == null || e.number() == null) {
                    warnings.add("the journal measures `" + e.subject() + "`, which is not a metric of this plan; ignored");
                    return;
                }
                readings[m] = new Reading(e.number(), e.at());
            }
            case FIRED -> {
                if (e.subject() == null || !contingencyById.containsKey(e.subject())) {
                    warnings.add("the journal records a firing of `" + e.subject()
                            + "`, which is not a contingency of this plan; ignored");
                    return;
                }
                firings.add(new Firing(e.subject(), e.at(), e.text() == null ? "" : e.text()));
            }
            case NOTE, CHECKED -> { }
        }
    }

    private void applyTask(Event e) {
        Integer i = e.subject() == null ? null : taskByPath.get(e.subject());
        if (i == null) {
            warnings.add("the journal mentions task `" + e.subject() + "`, which this plan no longer has; its events "
                    + "are ignored");
            return;
        }
        TaskActual a = tasks[i];
        switch (e.type()) {
            case START -> a = new TaskActual(a.started() == null ? e.at() : a.started(), a.finished(), a.progress(),
                    a.cost());
            case FINISH -> a = new TaskActual(a.started() == null ? e.at() : a.started(), e.at(),
                    BigDecimal.valueOf(100), a.cost());
            case PROGRESS -> {
                BigDecimal p = e.number() == null ? BigDecimal.ZERO : e.number();
                // progress alone never finishes a task (100 % still waits for `finish`)
                a = new TaskActual(a.started() == null ? e.at() : a.started(), a.finished(), p, a.cost());
            }
            case COST -> {
                BigDecimal c = e.number() == null ? BigDecimal.ZERO : e.number();
                a = new TaskActual(a.started(), a.finished(), a.progress(), a.cost().add(c));
                loggedCost = loggedCost.add(c);
            }
            default -> { }
        }
        tasks[i] = a;
    }

    public TaskActual task(int index) {
        return tasks[index];
    }

    public @Nullable Reading reading(int metric) {
        return readings[metric];
    }

    public List<Firing> firings() {
        return List.copyOf(firings);
    }

    public BigDecimal loggedCost() {
        return loggedCost;
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public Plan plan() {
        return plan;
    }

}
