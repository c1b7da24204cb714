package dev.planc.compiler.model;

import dev.planc.compiler.source.Span;
import java.util.List;

/** A named group of resources; assigning the team assigns every member. */
public record Team(String id, String title, List<Integer> members, Span span) {
    public Team {
        members = List.copyOf(members);
    }
}
