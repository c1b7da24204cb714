package dev.planc.compiler.diag;

/** Hard limits the compiler enforces on input, each reported by a diagnostic when exceeded. */
public final class Limits {
    /** Deepest nesting of braces and parentheses accepted in one file. */
    public static final int MAX_NESTING = 200;
    /** Syntax errors reported per file before the rest are summarised. */
    public static final int MAX_SYNTAX_ERRORS = 100;

    private Limits() {}
}
