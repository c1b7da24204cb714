package dev.planc.compiler.schedule;

import dev.planc.compiler.model.Plan;
import dev.planc.compiler.model.Resource;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Working-time arithmetic on a plan's calendars in local wall time, for code that measures a
 * schedule after the fact (the runtime: slip, planned value, actual cost). Same rules as the
 * scheduler: intervals with prefix sums over a horizon, never a walk minute by minute.
 */
public final class WorkingTime {
    private final Plan plan;
    private final TimeGrid grid;
    private final WorkTime planTime;
    /** Per resource index, once asked for. */
    private final @Nullable WorkTime[] resourceTime;

    private WorkingTime(Plan plan, TimeGrid grid) {
        this.plan = plan;
        this.grid = grid;
        this.planTime = grid.of(plan.defaultCalendar(), List.of());
        this.resourceTime = new WorkTime[plan.resources().size()];
    }

    /**
     * Covers a year before the plan's start to {@code to} (dates outside count no working time),
     * with calendars shared with the plan's schedules ({@link Calendars#of} for this plan).
     */
    public static WorkingTime of(Plan plan, Calendars calendars, LocalDate to) {
        return new WorkingTime(plan, new TimeGrid(calendars, to.plusDays(1)));
    }

    /** Working minutes of the plan's calendar in {@code [a, b)}; negative when b is before a. */
    public long minutes(LocalDateTime a, LocalDateTime b) {
        return planTime.between(grid.minute(a), grid.minute(b));
    }

    /** Working minutes of the plan's calendar from its horizon's start to {@code t} (a running total: differences are working time). */
    public long workUntil(LocalDateTime t) {
        return planTime.between(planTime.horizonStart(), grid.minute(t));
    }

    /** Working minutes of a resource (its calendar and leaves) in {@code [a, b)}. */
    public long minutes(Resource r, LocalDateTime a, LocalDateTime b) {
        WorkTime time = resourceTime[r.index()];
        if (time == null) {
            time = grid.of(r.calendar(), r.leaves());
            resourceTime[r.index()] = time;
        }
        return time.between(grid.minute(a), grid.minute(b));
    }

    /** The end of {@code minutes} working minutes of the plan's calendar from {@code t}, or null beyond the horizon. */
    public @Nullable LocalDateTime add(LocalDateTime t, long minutes) {
        try {
            return grid.local(planTime.add(grid.minute(t), minutes));
        } catch (WorkTime.HorizonExceeded e) {
            return null;
        }
    }

    /** Whether {@code day} has working time on the plan's calendar. */
    public boolean isWorkday(LocalDate day) {
        return planTime.between(grid.minute(day.atStartOfDay()), grid.minute(day.plusDays(1).atStartOfDay())) > 0;
    }

    /** The first working minute at or after {@code t}, or null beyond the horizon. */
    public @Nullable LocalDateTime next(LocalDateTime t) {
        try {
            return grid.local(planTime.next(grid.minute(t)));
        } catch (WorkTime.HorizonExceeded e) {
            return null;
        }
    }

    public Plan plan() {
        return plan;
    }
}
