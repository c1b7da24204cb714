package dev.planc.compiler.syntax;

/**
 * One token as written, for tools that read text that may be incomplete (an editor's completion
 * looks at the tokens before the cursor). Offsets are UTF-16 indexes, {@code [start, end)}.
 */
public record Lexeme(Kind kind, String text, int start, int end) {

    public enum Kind {
        /** A keyword or a name: a keyword may be used as a name, so both are words. */
        WORD,
        /** A string literal, or one that is not closed yet (the line ends first). */
        STRING,
        /** A number, duration, percentage, date, date-time or time of day. */
        LITERAL,
        /** Punctuation and operators, by their text: {@code { } ( ) . .. , : ; + - * / < <= > >= == !=}. */
        SYMBOL,
        /** A line or block comment (closed or not). */
        COMMENT,
        /** A character the language does not know. */
        OTHER
    }

    public boolean is(Kind k, String t) {
        return kind == k && text.equals(t);
    }
}
