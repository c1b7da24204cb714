package dev.planc.runtime.log;

import dev.planc.compiler.model.Contingency;
import dev.planc.compiler.model.Metric;
import dev.planc.compiler.model.Plan;
import dev.planc.compiler.model.Task;
import dev.planc.compiler.resolve.Suggest;
import dev.planc.compiler.schedule.Times;
import dev.planc.runtime.journal.Event;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks events against the plan and the journal before they are written; every problem is
 * one message that names the thing (with "did you mean" where a close name exists). Refused
 * events leave the journal untouched: the caller appends only when the list is empty.
 */
public final class EventCheck {
    private final Plan plan;
    private final Map<String, Task> tasks = new HashMap<>();
    private final Map<String, Metric> metrics = new HashMap<>();

    public EventCheck(Plan plan) {
        this.plan = plan;
        for (Task t : plan.tasks()) {
            tasks.put(t.path(), t);
        }
        for (Metric m : plan.metrics()) {
            metrics.put(m.id(), m);
        }
    }

    /** Problems with {@code fresh} (to be appended after {@code stored}); empty when all is well. */
    public List<String> check(List<Event> stored, List<Event> fresh) {
        List<String> problems = new ArrayList<>();
        Map<String, LocalDateTime> started = new HashMap<>();
        Map<String, LocalDateTime> finished = new HashMap<>();
        List<Event> firings = new ArrayList<>();
        for (Event e : stored) {
            remember(e, started, finished, firings);
        }
        for (Event e : fresh) {
            String problem = problem(e, started, finished, firings);
            if (problem != null) {
                problems.add(problem);
            } else {
                remember(e, started, finished, firings);
            }
        }
        return problems;
    }

    private static void remember(Event e, Map<String, LocalDateTime> started, Map<String, LocalDateTime> finished,
            List<Event> firings) {
        if (e.subject() == null) {
            return;
        }
        switch (e.type()) {
            case START, PROGRESS -> started.merge(e.subject(), e.at(), (a, b) -> a.isBefore(b) ? a : b);
            case FINISH -> {
                started.merge(e.subject(), e.at(), (a, b) -> a.isBefore(b) ? a : b);
                finished.put(e.subject(), e.at());
            }
            case FIRED -> firings.add(e);
            default -> { }
        }
    }

    private @Nullable String problem(Event e, Map<String, LocalDateTime> started, Map<String, LocalDateTime> finished,
            List<Event> firings) {
        if (e.at().isBefore(plan.start())) {
            return "`" + e.type().word() + (e.subject() == null ? "" : " " + e.subject()) + "` at "
                    + Times.text(e.at()) + " is before the plan starts (" + Times.text(plan.start()) + ")";
        }
        return switch (e.type()) {
            case START, FINISH, PROGRESS, COST -> taskProblem(e, started, finished, firings);
            case MEASURE -> measureProblem(e);
            case NOTE -> e.subject() != null && !tasks.containsKey(e.subject()) ? unknownTask(e.subject(), "note")
                    : null;
            case FIRED, CHECKED -> null;
        };
    }

    private @Nullable String taskProblem(Event e, Map<String, LocalDateTime> started,
            Map<String, LocalDateTime> finished, List<Event> firings) {
        String id = e.subject();
        if (id == null) {
            return "`" + e.type().word() + "` needs a task";
        }
        Task t = tasks.get(id);
        if (t == null) {
            if (metrics.containsKey(id)) {
                return "`" + id + "` is a metric, not a task: log readings with `measure " + id + " NUMBER`";
            }
            return unknownTask(id, e.type().word());
        }
        String word = e.type().word();
        if (t.kind() == Task.Kind.GROUP && e.type() != Event.Type.COST) {
            return "`" + id + "` is a group: log `" + word + "` on its tasks (" + childList(t) + ")";
        }
        if (t.kind() == Task.Kind.MILESTONE && e.type() != Event.Type.FINISH) {
            return "`" + id + "` is a milestone: it has no duration, so only `finish " + id + "` (reached) applies";
        }
        Task contingent = plan.contingentAncestor(t);
        if (contingent != null && !activated(contingent, e.at(), firings)) {
            return "`" + id + "` is contingent and no contingency has activated "
                    + (contingent == t ? "it" : "`" + contingent.path() + "`") + " by " + Times.text(e.at());
        }
        LocalDateTime s = started.get(id);
        LocalDateTime f = finished.get(id);
        switch (e.type()) {
            case START -> {
                if (s != null) {
                    return "`" + id + "` already started " + Times.text(s) + " (log `progress` or `finish`)";
                }
                if (f != null) {
                    return "`" + id + "` already finished " + Times.text(f);
                }
            }
            case FINISH -> {
                if (f != null) {
                    return "`" + id + "` already finished " + Times.text(f);
                }
                if (s != null && e.at().isBefore(s)) {
                    return "`" + id + "` cannot finish " + Times.text(e.at()) + ", before it started ("
                            + Times.text(s) + ")";
                }
            }
            case PROGRESS -> {
                BigDecimal p = e.number();
                if (p == null || p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
                    return "progress of `" + id + "` must be 0–100 %, not " + (p == null ? "nothing" : p.toPlainString()
                            + " %");
                }
                if (f != null) {
                    return "`" + id + "` already finished " + Times.text(f) + "; progress no longer applies";
                }
                if (s != null && e.at().isBefore(s)) {
                    return "progress of `" + id + "` at " + Times.text(e.at()) + " is before it started ("
                            + Times.text(s) + ")";
                }
            }
            case COST -> {
                if (e.number() == null) {
                    return "`cost " + id + "` needs an amount";
                }
                if (e.currency() != null && plan.currency() != null && !e.currency().equals(plan.currency())) {
                    return "the plan's currency is " + plan.currency() + ", not " + e.currency();
                }
                if (e.currency() == null && plan.currency() == null) {
                    return "the plan has no `currency`: give one with the amount (`cost " + id + " 1200 EUR`)";
                }
            }
            default -> { }
        }
        return null;
    }

    private @Nullable String measureProblem(Event e) {
        String id = e.subject();
        if (id == null || e.number() == null) {
            return "`measure` needs a metric and a number";
        }
        if (metrics.containsKey(id)) {
            return null;
        }
        if (tasks.containsKey(id)) {
            return "`" + id + "` is a task, not a metric: `measure` records metric readings (for a task, log "
                    + "`progress " + id + " PERCENT`)";
        }
        String close = Suggest.closest(id, metrics.keySet());
        return "unknown metric `" + id + "` in `measure`" + (close == null ? "" : "; did you mean `" + close + "`?")
                + (metrics.isEmpty() ? " (the plan has no metrics)" : "");
    }

    private String unknownTask(String id, String word) {
        String close = Suggest.closest(id, tasks.keySet());
        return "unknown task `" + id + "` in `" + word + "`" + (close == null ? "" : "; did you mean `" + close + "`?");
    }

    private String childList(Task t) {
        List<String> names = new ArrayList<>();
        for (int c : t.children()) {
            names.add(plan.tasks().get(c).path());
            if (names.size() == 3) {
                break;
            }
        }
        return String.join(", ", names) + (t.children().size() > 3 ? ", …" : "");
    }

    /** Whether a recorded firing at or before {@code at} activated {@code t} or an ancestor. */
    private boolean activated(Task t, LocalDateTime at, List<Event> firings) {
        Set<Integer> ids = new HashSet<>();
        for (Event f : firings) {
            if (f.at().isAfter(at)) {
                continue;
            }
            for (Contingency c : plan.contingencies()) {
                if (c.id().equals(f.subject())) {
                    ids.addAll(c.activates());
                }
            }
        }
        for (Task x = t; ; x = plan.tasks().get(x.parent())) {
            if (ids.contains(x.index())) {
                return true;
            }
            if (x.parent() < 0) {
                return false;
            }
        }
    }
}
