package dev.planc.compiler.schedule;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What to schedule beyond the plan itself. The compiler asks with {@link #plain()}; the runtime
 * asks again with actuals fixed and "now" as the earliest start of remaining work.
 *
 * @param now earliest start of work not yet started (null: the plan start)
 * @param actuals fixed facts per task index
 * @param activated contingent tasks switched on (with their children)
 * @param levelingBudget how many schedules the leveling search may generate (0: the default, which
 *     depends only on the size of the plan)
 * @param order when not empty, the placement order to keep instead of searching: task indexes,
 *     earliest first (the runtime passes the baseline's order, so a forecast with nothing changed
 *     is the baseline itself, and one pass stays cheap); tasks not listed go after, by index
 */
public record ScheduleRequest(@Nullable LocalDateTime now, Map<Integer, Actual> actuals, Set<Integer> activated,
        int levelingBudget, List<Integer> order) {

    public ScheduleRequest {
        actuals = Map.copyOf(actuals);
        activated = Set.copyOf(activated);
        order = List.copyOf(order);
    }

    public ScheduleRequest(@Nullable LocalDateTime now, Map<Integer, Actual> actuals, Set<Integer> activated,
            int levelingBudget) {
        this(now, actuals, activated, levelingBudget, List.of());
    }

    public static ScheduleRequest plain() {
        return new ScheduleRequest(null, Map.of(), Set.of(), 0);
    }

    /**
     * What happened to a leaf task: it started (and maybe finished); {@code remainingFraction}
     * of its planned work is left from "now" when it is still in progress.
     */
    public record Actual(LocalDateTime started, @Nullable LocalDateTime finished, double remainingFraction) {}
}
