package dev.planc.compiler.schedule;

import dev.planc.compiler.model.Plan;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The executable schedule: per task (index-aligned with {@link Plan#tasks()}) its start (first
 * working minute), finish (end of the last working minute), total slack and criticality, and
 * the resource bookings. Times are local wall time of the plan's zone.
 *
 * @param criticalPath task indexes from the plan's start to its finish
 * @param placementOrder leaf tasks and milestones in the order the scheduler placed them; given
 *     back as {@link ScheduleRequest#order()} it reproduces this schedule exactly
 */
public record Schedule(Plan plan, LocalDateTime start, LocalDateTime finish, List<Entry> entries,
        List<Integer> criticalPath, List<Integer> placementOrder) {

    public Schedule {
        entries = List.copyOf(entries);
        criticalPath = List.copyOf(criticalPath);
        placementOrder = List.copyOf(placementOrder);
    }

    /**
     * One task. {@code start}/{@code finish} are null for a contingent task that was not
     * activated (and for a group whose children all are).
     *
     * @param slackMinutes total float in working minutes of the task's calendar
     */
    public record Entry(int task, @Nullable LocalDateTime start, @Nullable LocalDateTime finish, long slackMinutes,
            boolean critical, List<Booking> bookings) {
        public Entry {
            bookings = List.copyOf(bookings);
        }

        public boolean scheduled() {
            return start != null;
        }
    }

    /** {@code units} of resource {@code resource} for {@code [from, to)}. */
    public record Booking(int resource, BigDecimal units, LocalDateTime from, LocalDateTime to) {}

    public Entry entry(int task) {
        return entries.get(task);
    }
}
