package dev.planc.compiler.source;

import java.util.Objects;

/** A half-open range {@code [start, end)} of UTF-16 offsets in a {@link Source}. */
public record Span(Source source, int start, int end) {
    public Span {
        Objects.requireNonNull(source, "source");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public int line() {
        return source.line(start);
    }

    public int column() {
        return source.column(start);
    }

    public int endLine() {
        return source.line(end);
    }

    public int endColumn() {
        return source.column(end);
    }

    public String text() {
        return source.text().substring(start, Math.min(end, source.text().length()));
    }

    /** The smallest span covering this one and {@code other} (same source). */
    public Span to(Span other) {
        return new Span(source, Math.min(start, other.start), Math.max(end, other.end));
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    /** {@code path:line:column}, for messages that point elsewhere. */
    public String location() {
        return source.path() + ":" + line() + ":" + column();
    }

    @Override
    public String toString() {
        return location();
    }

    // equals and hashCode written out (the same values as a record's own): the generated ones are
    // linked through method handles on first use, which costs a fresh JVM milliseconds
    @Override
    public boolean equals(Object o) {
        return o instanceof Span s && start == s.start && end == s.end && source.equals(s.source);
    }

    @Override
    public int hashCode() {
        return (source.hashCode() * 31 + start) * 31 + end;
    }
}
