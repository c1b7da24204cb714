package dev.planc.compiler.model;

import dev.planc.compiler.source.Span;
import java.util.List;

/** {@code when} condition (typed), {@code then} actions, and whether it fires at most once. */
public record Contingency(String id, String title, Condition when, List<Effect> actions, boolean once, Span span) {
    public Contingency {
        actions = List.copyOf(actions);
    }

    /** The tasks its {@code activate} actions switch on (indexes into the plan's tasks). */
    public List<Integer> activates() {
        List<Integer> out = new java.util.ArrayList<>();
        for (Effect e : actions) {
            if (e instanceof Effect.Activate a) {
                out.add(a.task());
            }
        }
        return out;
    }

    public sealed interface Effect {
        Span span();

        /** Alert addressed to a resource or team ({@code targetId}). */
        record Notify(String targetId, boolean team, String message, Span span) implements Effect {}

        /** Schedule a contingent task (an index into the plan's tasks). */
        record Activate(int task, Span span) implements Effect {}

        record Escalate(String message, Span span) implements Effect {}
    }
}
