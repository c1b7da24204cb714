package dev.planc.compiler.ast;

import dev.planc.compiler.source.Span;
import java.util.List;
import java.util.stream.Collectors;

/** A reference {@code a}, {@code a.b.c}: the first name is looked up in scope, the rest descend. */
public record Ref(List<Ident> parts, Span span) implements Node {
    public Ref {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("empty reference");
        }
    }

    public String dotted() {
        return parts.stream().map(Ident::name).collect(Collectors.joining("."));
    }

    public Ident last() {
        return parts.get(parts.size() - 1);
    }

    /** This reference without its last part. */
    public Ref withoutLast() {
        List<Ident> head = parts.subList(0, parts.size() - 1);
        return new Ref(head, head.get(0).span().to(head.get(head.size() - 1).span()));
    }
}
