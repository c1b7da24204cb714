package dev.planc.runtime.status;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a plan stands at an instant ({@code status --format json} is this record, CLI.md).
 *
 * @param baseline what status measures against, in words
 * @param newFirings firings found now that the journal does not hold yet (the caller records them)
 * @param evaluatedUntil the last instant at which contingencies were evaluated in this call, or
 *     null when nothing was left to evaluate (the caller records a checkpoint there)
 * @param holding contingencies whose condition held at {@code evaluatedUntil}
 */
public record Status(LocalDateTime asOf, Flag overall, String baseline, LocalDateTime baselineFinish,
        @Nullable LocalDateTime forecastFinish, @Nullable Long slipMinutes, EarnedValue evm, Flag spiFlag, Flag cpiFlag,
        List<TaskRow> tasks, List<MetricRow> metrics, List<ContingencyRow> contingencies, List<Alert> alerts,
        List<Deviation> deviations, List<String> warnings, List<Replay.Firing> newFirings,
        @Nullable LocalDateTime evaluatedUntil, List<String> holding) {

    public Status {
        tasks = List.copyOf(tasks);
        metrics = List.copyOf(metrics);
        contingencies = List.copyOf(contingencies);
        alerts = List.copyOf(alerts);
        deviations = List.copyOf(deviations);
        warnings = List.copyOf(warnings);
        newFirings = List.copyOf(newFirings);
        holding = List.copyOf(holding);
    }

    /** The same status with more warnings first (what reading the journal reported). */
    public Status withWarnings(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(more);
        all.addAll(warnings);
        return new Status(asOf, overall, baseline, baselineFinish, forecastFinish, slipMinutes, evm, spiFlag, cpiFlag,
                tasks, metrics, contingencies, alerts, deviations, all, newFirings, evaluatedUntil, holding);
    }

    public enum State {
        NOT_STARTED("not_started"), IN_PROGRESS("in_progress"), DONE("done");

        private final String word;

        State(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /**
     * One task, group or milestone. Dates are null where there is nothing to say (a contingent
     * task not activated has no baseline or forecast).
     *
     * @param slipMinutes forecast finish − baseline finish in working minutes of the plan's calendar
     * @param progress percent complete (groups: weighted by planned work)
     * @param critical on the forecast's critical path (zero slack)
     */
    public record TaskRow(String id, String title, String kind, boolean contingent, State state, Flag flag,
            @Nullable LocalDateTime baselineStart, @Nullable LocalDateTime baselineFinish,
            @Nullable LocalDateTime forecastStart, @Nullable LocalDateTime forecastFinish,
            @Nullable LocalDateTime actualStart, @Nullable LocalDateTime actualFinish, @Nullable Long slipMinutes,
            BigDecimal progress, boolean critical) {}

    /** A metric: its latest reading against the expected line. */
    public record MetricRow(String id, String title, @Nullable String unit, @Nullable BigDecimal value,
            @Nullable LocalDateTime measuredAt, @Nullable BigDecimal expected, @Nullable BigDecimal target,
            @Nullable String targetDate, BigDecimal tolerancePercent, Flag flag) {}

    /** A contingency; {@code at}/{@code because} of its latest firing. */
    public record ContingencyRow(String id, String title, boolean fired, int firings, @Nullable LocalDateTime at,
            @Nullable String because) {}

    /** What a firing asked for: {@code notify} someone, or {@code escalate} plan-wide. */
    public record Alert(String contingency, String kind, @Nullable String to, String message, LocalDateTime at) {}

    /** A flag that is not green, and why. */
    public record Deviation(String subject, Flag flag, String message) {}
}
