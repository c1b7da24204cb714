package dev.planc.compiler.model;

import dev.planc.compiler.source.Span;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A task, group or milestone.
 *
 * @param index position in {@link Plan#tasks()}
 * @param id the local id; {@code path} the full dotted path ({@code build.frontend})
 * @param parent index of the enclosing task, or -1 at top level
 * @param children indexes of nested tasks and milestones, in declaration order
 * @param work duration or effort of a leaf task, null for groups and milestones
 * @param assignments resolved bookings (teams expanded to their members)
 * @param dependencies what this task waits for, as declared on it (not inherited)
 * @param deadline the instant it must be finished by (a date means the end of that day)
 * @param deadlineText the deadline as written
 */
public record Task(int index, String id, String path, String title, Kind kind, boolean contingent, int parent,
        List<Integer> children, @Nullable Work work, List<Allocation> assignments, List<Link> dependencies,
        @Nullable LocalDateTime startNoEarlier, @Nullable LocalDateTime deadline, @Nullable String deadlineText,
        int priority,
        @Nullable Money budget, @Nullable Money cost, @Nullable String note, Span span) {

    public Task {
        children = List.copyOf(children);
        assignments = List.copyOf(assignments);
        dependencies = List.copyOf(dependencies);
    }

    public enum Kind { TASK, GROUP, MILESTONE }

    /** Duration (fixed length) or effort (work spread over the assignments). */
    public record Work(boolean effort, long minutes, boolean elapsed) {}

    /** {@code units} of resource {@code resource} booked for the whole task. */
    public record Allocation(int resource, BigDecimal units, Span span) {}

    public enum LinkType { FINISH_TO_START, START_TO_START, FINISH_TO_FINISH }

    /** Waits for {@code target}; lag in minutes (negative for a lead), working or elapsed. */
    public record Link(int target, LinkType type, long lagMinutes, boolean lagElapsed, Span span) {}

    public record Money(BigDecimal amount, @Nullable String currency) {}

    public boolean isGroup() {
        return kind == Kind.GROUP;
    }
}
