package dev.planc.compiler.model;

import dev.planc.compiler.source.Span;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A goal: milestones that deliver it and metrics that measure it (indexes into the plan). */
public record Goal(String id, String title, List<Integer> milestones, List<Integer> metrics,
        @Nullable String owner, @Nullable String note, Span span) {
    public Goal {
        milestones = List.copyOf(milestones);
        metrics = List.copyOf(metrics);
    }
}
