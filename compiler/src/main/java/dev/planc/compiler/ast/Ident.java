package dev.planc.compiler.ast;

import dev.planc.compiler.source.Span;

/** A name as written. */
public record Ident(String name, Span span) implements Node {
    // equals and hashCode written out (the same values as a record's own): names are map keys
    // while resolving, and the generated methods are linked through method handles on first use,
    // which costs a fresh JVM milliseconds
    @Override
    public boolean equals(Object o) {
        return o instanceof Ident i && name.equals(i.name) && span.equals(i.span);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + span.hashCode();
    }
}
