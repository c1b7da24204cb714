package dev.planc.compiler.ast;

import dev.planc.compiler.source.Span;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A declaration: at top level, or nested (tasks and milestones in tasks, metrics in goals). */
public sealed interface Decl extends Member {

    /** The declared id; null for {@code plan} and {@code include}. */
    @Nullable Ident id();

    /** The keyword that starts it, for messages. */
    String keyword();

    /** Attributes and nested declarations in source order. */
    List<Member> body();

    record PlanDecl(@Nullable Str name, List<Member> body, Span span) implements Decl {
        public PlanDecl { body = List.copyOf(body); }
        public @Nullable Ident id() { return null; }
        public String keyword() { return "plan"; }
    }

    record CalendarDecl(Ident id, List<Member> body, Span span) implements Decl {
        public CalendarDecl { body = List.copyOf(body); }
        public String keyword() { return "calendar"; }
    }

    record ResourceDecl(Ident id, @Nullable Str title, List<Member> body, Span span) implements Decl {
        public ResourceDecl { body = List.copyOf(body); }
        public String keyword() { return "resource"; }
    }

    record TeamDecl(Ident id, @Nullable Str title, List<Member> body, Span span) implements Decl {
        public TeamDecl { body = List.copyOf(body); }
        public String keyword() { return "team"; }
    }

    record TaskDecl(Ident id, @Nullable Str title, boolean contingent, List<Member> body, Span span) implements Decl {
        public TaskDecl { body = List.copyOf(body); }
        public String keyword() { return "task"; }
    }

    record MilestoneDecl(Ident id, @Nullable Str title, List<Member> body, Span span) implements Decl {
        public MilestoneDecl { body = List.copyOf(body); }
        public String keyword() { return "milestone"; }
    }

    record GoalDecl(Ident id, @Nullable Str title, List<Member> body, Span span) implements Decl {
        public GoalDecl { body = List.copyOf(body); }
        public String keyword() { return "goal"; }
    }

    record MetricDecl(Ident id, @Nullable Str title, List<Member> body, Span span) implements Decl {
        public MetricDecl { body = List.copyOf(body); }
        public String keyword() { return "metric"; }
    }

    record ContingencyDecl(Ident id, @Nullable Str title, List<Member> body, Span span) implements Decl {
        public ContingencyDecl { body = List.copyOf(body); }
        public String keyword() { return "contingency"; }
    }

    record IncludeDecl(Str path, Span span) implements Decl {
        public @Nullable Ident id() { return null; }
        public String keyword() { return "include"; }
        public List<Member> body() { return List.of(); }
    }
}
