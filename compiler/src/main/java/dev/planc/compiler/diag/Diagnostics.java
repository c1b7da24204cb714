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

    /**
     * By path, offset, end, code, message. Written out rather than chained from lambdas: every
     * compile loads this class, and linking five lambdas costs a fresh JVM milliseconds.
     */
    public static final Comparator<Diagnostic> ORDER = new Comparator<>() {
        @Override
        public int compare(Diagnostic a, Diagnostic b) {
            int c = a.span().source().path().compareTo(b.span().source().path());
            if (c == 0) {
                c = Integer.compare(a.span().start(), b.span().start());
            }
            if (c == 0) {
                c = Integer.compare(a.span().end(), b.span().end());
            }
            if (c == 0) {
                c = a.code().id().compareTo(b.code().id());
            }
            return c != 0 ? c : a.message().compareTo(b.message());
        }
    };
}
