package dev.planc.compiler.ast;

import org.jspecify.annotations.Nullable;

/** Duration units: working time ({@code min h d w}) or elapsed calendar time ({@code emin eh ed ew}). */
public enum DurUnit {
    MIN("min", false), H("h", false), D("d", false), W("w", false),
    EMIN("emin", true), EH("eh", true), ED("ed", true), EW("ew", true);

    private final String text;
    private final boolean elapsed;

    DurUnit(String text, boolean elapsed) {
        this.text = text;
        this.elapsed = elapsed;
    }

    public String text() {
        return text;
    }

    public boolean elapsed() {
        return elapsed;
    }

    private static final DurUnit[] ALL = values();

    public static @Nullable DurUnit of(String text) {
        for (DurUnit u : ALL) {
            if (u.text.equals(text)) {
                return u;
            }
        }
        return null;
    }
}
