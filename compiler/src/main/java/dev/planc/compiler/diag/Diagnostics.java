package dev.planc.compiler.diag;

import dev.planc.compiler.source.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A collector that stages append to; never thrown, always returned with a result. */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();

    public Diagnostic report(Diagnostic d) {
        items.add(d);
        return d;
    }

    public Diagnostic report(Code code, Span span, String message) {
        return report(Diagnostic.of(code, span, message));
    }

    /** Everything {@code other} holds, in its order (a stage that collected apart, joined in). */
    public void reportAll(Diagnostics other) {
        items.addAll(other.items);
    }

    public boolean hasErrors() {
        for (Diagnostic d : items) {
            if (d.isError()) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return items.size();
    }

    public List<Diagnostic> all() {
        return List.copyOf(items);
    }

    /** Sorted by file order of first appearance is the caller's job; this sorts by path, offset, code. */
    public static List<Diagnostic> sorted(List<Diagnostic> list) {
        List<Diagnostic> copy = new ArrayList<>(list);
        copy.sort(ORDER);
        return copy;
    }

    public static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.span().source().path())
            .thenComparingInt(d -> d.span().start())
            .thenComparingInt(d -> d.span().end())
            .thenComparing(d -> d.code().id())
            .thenComparing(Diagnostic::message);
}
