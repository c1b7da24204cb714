package dev.planc.compiler.syntax;

import dev.planc.compiler.ast.Comment;
import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;
import dev.planc.compiler.diag.Limits;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.Span;
import dev.planc.grammar.PlanLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.Pair;
import org.jspecify.annotations.Nullable;

/**
 * The lexer with our lexical checks and repairs: reports bad characters, unterminated strings
 * and comments and too-deep nesting, glues non-ASCII names back together, turns {@code 10 d}
 * into one duration, collects comments, and drops hidden tokens.
 *
 * <p>Either drained whole ({@link #all()}, for the parse that recovers from syntax errors) or
 * pulled token by token as a {@link TokenSource} (for the streaming parse of clean input). A
 * repair only ever changes the latest default-channel token, so a token is handed out once the
 * next one is lexed. Pulled, only a recent window of tokens is kept: the look-back of the
 * duration repair never reaches past two adjacent tokens that are not dots.
 */
final class PlanTokens implements TokenSource {
    /** Window size at which a pulled stream drops the tokens it no longer needs. */
    private static final int TRIM_AT = 4096;

    private static final String OPEN_QUOTES = "\u201C\u201D\u201E\u201F";
    private static final Set<String> UNITS = Set.of("min", "h", "d", "w", "emin", "eh", "ed", "ew");
    private static final Set<String> UNIT_WORDS = Set.of("mins", "minute", "minutes", "hr", "hrs",
            "hour", "hours", "day", "days", "wk", "wks", "week", "weeks");

    private final Source source;
    private final String text;
    private final OffsetMap offsets;
    private final Diagnostics diagnostics;
    private final List<Comment> comments;
    private final boolean keepAll;
    private final PlanLexer lexer;
    private final CharStream input;
    /** Default-channel tokens: all of them when kept, else a window ending at the latest. */
    private final ArrayList<Token> tokens = new ArrayList<>();
    /** How many of {@link #tokens} have been handed out by {@link #nextToken()}. */
    private int handed;
    private boolean lexed;
    private int depth;
    private boolean tooDeep;
    private @Nullable CommonToken previousBad;
    private @Nullable CommonToken badName;
    private @Nullable Token eof;

    /**
     * @param keepAll keep every token (for {@link #all()}); otherwise only a window, for pulling
     */
    PlanTokens(Source source, OffsetMap offsets, Diagnostics diagnostics, List<Comment> comments, boolean keepAll) {
        this(source, offsets, diagnostics, comments, keepAll, offsets.noSurrogates()
                ? new PlanLexer(new SourceCharStream(source.text(), source.path()))
                : new PlanLexer(CharStreams.fromString(source.text(), source.path())));
    }

    /**
     * Pulled tokens of the source from offset {@code from} on, to its end, as the tokens of the
     * whole source from there would be if the lexer were at the start of a token there with
     * nothing pending: the same offsets, and the same lines and columns.
     *
     * @param chars the source's text, which has no surrogates (offsets are then code point indexes)
     * @param from the start of a line, or 0
     * @param line the 1-based line that starts at {@code from}
     */
    PlanTokens(Source source, OffsetMap offsets, Diagnostics diagnostics, List<Comment> comments, char[] chars,
            int from, int line) {
        this(source, offsets, diagnostics, comments, false, new PlanLexer(new SourceCharStream(chars, source.path(),
                from)));
        lexer.setLine(line);
        lexer.setCharPositionInLine(0);
    }

    private PlanTokens(Source source, OffsetMap offsets, Diagnostics diagnostics, List<Comment> comments,
            boolean keepAll, PlanLexer lexer) {
        this.source = source;
        this.text = source.text();
        this.offsets = offsets;
        this.diagnostics = diagnostics;
        this.comments = comments;
        this.keepAll = keepAll;
        this.lexer = lexer;
        if (lexer.getInputStream() instanceof SourceCharStream) {
            lexer.setTokenFactory(PlanToken.FACTORY);
        }
        lexer.removeErrorListeners();
        this.input = lexer.getInputStream();
    }

    /** Lexes the whole source; the default-channel tokens, without EOF. */
    List<Token> all() {
        while (!lexed) {
            step();
        }
        return tokens;
    }

    /** Whether the nesting went deeper than the limit (reported; the file is not parsed then). */
    boolean tooDeep() {
        return tooDeep;
    }

    @Override
    public Token nextToken() {
        while (!lexed && handed >= tokens.size() - 1) {
            step();
        }
        if (handed < tokens.size()) {
            return tokens.get(handed++);
        }
        if (eof == null) {
            int start = tokens.isEmpty() ? -1 : tokens.get(tokens.size() - 1).getStopIndex() + 1;
            CommonToken t = new CommonToken(new Pair<>(this, input), Token.EOF, Token.DEFAULT_CHANNEL, start,
                    Math.max(-1, start - 1));
            t.setText("<EOF>");
            eof = t;
        }
        return eof;
    }

    /** Reads one token from the lexer: checks it, repairs it or what came before, and keeps it or not. */
    private void step() {
        Token raw = lexer.nextToken();
        if (raw.getType() == Token.EOF) {
            lexed = true;
            if (badName != null) {
                reportBadName(badName);
                badName = null;
            }
            return;
        }
        CommonToken t = (CommonToken) raw;
        CommonToken prev = tokens.isEmpty() ? null : (CommonToken) tokens.get(tokens.size() - 1);
        int type = t.getType();
        // Fast path, nearly every token: nothing to repair or record, at most a brace to count.
        if (badName == null && (prev == null || prev.getType() != PlanLexer.NUMBER) && type != PlanLexer.ERROR_CHAR
                && type != PlanLexer.UNTERMINATED_STRING && type != PlanLexer.UNTERMINATED_COMMENT
                && type != PlanLexer.LINE_COMMENT && type != PlanLexer.BLOCK_COMMENT) {
            if (type == PlanLexer.LBRACE || type == PlanLexer.LPAREN) {
                countOpen(t);
            } else if (type == PlanLexer.RBRACE || type == PlanLexer.RPAREN) {
                depth = Math.max(0, depth - 1);
            }
            add(t);
            return;
        }
        int firstCp = t.getText().isEmpty() ? -1 : t.getText().codePointAt(0);
        // A name with non-ASCII letters (`résumé`) is lexed as pieces; glue them back into one
        // name and report it once, instead of a bad character and a syntax error per piece.
        boolean nameChar = t.getType() == PlanLexer.ERROR_CHAR && firstCp > 0x7f
                && (Character.isLetterOrDigit(firstCp) || isMark(firstCp));
        if (prev != null && prev.getStopIndex() + 1 == t.getStartIndex() && isWord(prev)
                && (nameChar || (prev == badName && isWord(t)))) {
            prev.setText(prev.getText() + t.getText());
            prev.setStopIndex(t.getStopIndex());
            prev.setType(PlanLexer.ID);
            badName = prev;
            return;
        }
        if (badName != null) {
            reportBadName(badName);
            badName = null;
        }
        if (nameChar && Character.isLetter(firstCp)) {
            t.setType(PlanLexer.ID);
            badName = t;
            add(t);
            return;
        }
        // `10 d`: a duration with a space before its unit. One error, and parsed as `10d`.
        if (prev != null && prev.getType() == PlanLexer.NUMBER && isWord(t)
                && (UNITS.contains(t.getText()) || UNIT_WORDS.contains(t.getText())) && durationExpected()
                && onlyBlanks(offsets.utf16(prev.getStopIndex() + 1), offsets.utf16(t.getStartIndex()))) {
            boolean known = UNITS.contains(t.getText());
            Span both = new Span(source, offsets.utf16(prev.getStartIndex()), offsets.utf16(t.getStopIndex() + 1));
            prev.setType(known ? PlanLexer.DURATION_LIT : PlanLexer.BAD_UNIT);
            prev.setText(prev.getText() + t.getText());
            prev.setStopIndex(t.getStopIndex());
            if (known) {
                diagnostics.report(Diagnostic.of(Code.E0104, both, "duration `" + both.text()
                        + "` has a space before its unit").withLabel("write `" + prev.getText() + "`"));
            }
            return;
        }
        switch (t.getType()) {
            case PlanLexer.ERROR_CHAR -> {
                Span span = spanOf(t);
                if (OPEN_QUOTES.indexOf(firstCp) >= 0 && curlyString(t)) {
                    Span whole = new Span(source, span.start(), offsets.utf16(t.getStopIndex() + 1));
                    diagnostics.report(Diagnostic.of(Code.E0004, whole, "curly quotes around a string: "
                            + "strings are written in straight double quotes `\"`")
                            .withLabel("write " + t.getText()));
                    previousBad = null;
                    break;
                }
                t.setChannel(Token.HIDDEN_CHANNEL);
                boolean adjacent = previousBad != null && previousBad.getStopIndex() + 1 == t.getStartIndex();
                if (!adjacent) {
                    diagnostics.report(Code.E0004, span, "invalid character " + describeChar(t.getText()));
                }
                previousBad = t;
            }
            case PlanLexer.UNTERMINATED_STRING -> {
                Span span = spanOf(t);
                String s = t.getText();
                int brace = firstBrace(s);
                if (brace > 0) {
                    // `"UX design {`: the string most likely ends before the brace, which
                    // opens or closes a block; lex on from the brace so the block survives.
                    String before = s.substring(0, brace).stripTrailing();
                    t.setStopIndex(t.getStartIndex() + before.codePointCount(0, before.length()) - 1);
                    input.seek(t.getStartIndex() + s.codePointCount(0, brace));
                    s = before;
                    span = new Span(source, span.start(), offsets.utf16(t.getStopIndex() + 1));
                }
                diagnostics.report(Code.E0002, span, "unterminated string: it needs a closing `\"` on this line");
                t.setType(PlanLexer.STRING);
                t.setText(s + "\"");
            }
            case PlanLexer.UNTERMINATED_COMMENT -> {
                int start = offsets.utf16(t.getStartIndex());
                diagnostics.report(Code.E0003, new Span(source, start, start + 2),
                        "unterminated comment: `/*` is never closed by `*/`");
                t.setType(PlanLexer.BLOCK_COMMENT);
                t.setChannel(Token.HIDDEN_CHANNEL);
            }
            case PlanLexer.LBRACE, PlanLexer.LPAREN -> countOpen(t);
            case PlanLexer.RBRACE, PlanLexer.RPAREN -> depth = Math.max(0, depth - 1);
            default -> { }
        }
        if (t.getType() == PlanLexer.LINE_COMMENT || t.getType() == PlanLexer.BLOCK_COMMENT) {
            Span span = spanOf(t); // a comment's bounds are never repaired
            comments.add(new Comment(span.text(), t.getType() == PlanLexer.BLOCK_COMMENT, span));
        }
        if (t.getChannel() == Token.DEFAULT_CHANNEL) {
            add(t); // the parser never looks at hidden tokens; a file of junk must not hold them all
        }
    }

    private Span spanOf(Token t) {
        return new Span(source, offsets.utf16(t.getStartIndex()), offsets.utf16(t.getStopIndex() + 1));
    }

    private void countOpen(Token t) {
        if (++depth > Limits.MAX_NESTING && !tooDeep) {
            tooDeep = true;
            diagnostics.report(Code.E0007, spanOf(t), "nesting too deep: more than " + Limits.MAX_NESTING
                    + " levels of `{` and `(`");
        }
    }

    private void add(Token t) {
        tokens.add(t);
        if (!keepAll && tokens.size() > TRIM_AT) {
            trim();
        }
    }

    /**
     * Drops old tokens of a pulled stream. {@link #durationExpected()} starts at the third-latest
     * token or later and walks back only through dots and the names they join, reading at most
     * the token before such a chain; so it never reads below {@code k - 1} when tokens
     * {@code k - 1} and {@code k} are both not dots. Tokens not yet handed out are kept.
     */
    private void trim() {
        for (int k = Math.min(handed + 1, tokens.size() - 3); k >= 1; k--) {
            if (tokens.get(k - 1).getType() != PlanLexer.DOT && tokens.get(k).getType() != PlanLexer.DOT) {
                tokens.subList(0, k - 1).clear();
                handed -= k - 1;
                return;
            }
        }
    }

    /**
     * Whether the number that ends {@code tokens} is where only a duration can stand: after
     * {@code duration}, {@code effort}, or the sign of a lag in {@code after}. Elsewhere a number
     * and a name can be money ({@code rate 640 d/h} parses, with a bad currency), so the tokens
     * are left alone and the grammar has its say.
     */
    private boolean durationExpected() {
        int i = tokens.size() - 2;
        if (i < 0) {
            return false;
        }
        int type = tokens.get(i).getType();
        if (type == PlanLexer.DURATION || type == PlanLexer.EFFORT) {
            return true;
        }
        if (type != PlanLexer.PLUS && type != PlanLexer.MINUS) {
            return false;
        }
        // A lag: `after REF + N`, REF being names joined by dots.
        i = i - 1;
        while (i >= 0 && (tokens.get(i).getType() == PlanLexer.DOT || isWord(tokens.get(i)))) {
            int before = i - 1;
            if (tokens.get(i).getType() != PlanLexer.DOT && (before < 0 || tokens.get(before).getType() != PlanLexer.DOT)) {
                return before >= 0 && (tokens.get(before).getType() == PlanLexer.AFTER
                        || tokens.get(before).getType() == PlanLexer.COMMA);
            }
            i = before;
        }
        return false;
    }

    /** Letters, digits and underscores only (an identifier, a keyword or a glued-together bad name). */
    private static boolean isWord(Token t) {
        String s = t.getText();
        if (t.getChannel() != Token.DEFAULT_CHANNEL || s.isEmpty() || Character.isDigit(s.charAt(0))) {
            return false;
        }
        return s.codePoints().allMatch(c -> c == '_' || Character.isLetterOrDigit(c) || isMark(c));
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private boolean onlyBlanks(int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != ' ' && text.charAt(i) != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Index of the first brace after the opening quote, or -1. */
    private static int firstBrace(String s) {
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{' || c == '}') {
                return i;
            }
        }
        return -1;
    }

    /**
     * After an opening curly quote: when a closing quote (curly or straight) follows on the same
     * line, turns the token into the string the author meant and moves the lexer past it.
     */
    private boolean curlyString(CommonToken t) {
        int i = 1;
        int c;
        while ((c = input.LA(i)) != IntStream.EOF && c != '\n' && c != '\r' && c != '"' && OPEN_QUOTES.indexOf(c) < 0) {
            i++;
        }
        if (c == IntStream.EOF || c == '\n' || c == '\r') {
            return false;
        }
        int close = input.index() + i - 1;
        String inner = close > t.getStartIndex() + 1 ? input.getText(Interval.of(t.getStartIndex() + 1, close - 1)) : "";
        t.setType(PlanLexer.STRING);
        t.setText("\"" + inner + "\"");
        t.setStopIndex(close);
        input.seek(close + 1);
        return true;
    }

    private void reportBadName(CommonToken t) {
        Span span = new Span(source, offsets.utf16(t.getStartIndex()), offsets.utf16(t.getStopIndex() + 1));
        String name = t.getText();
        Diagnostic d = Diagnostic.of(Code.E0004, span, "`" + name + "` is not a valid name: names use only ASCII "
                + "letters, digits and `_`");
        String ascii = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        if (ascii.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            d = d.withLabel("write `" + ascii + "`?");
        }
        diagnostics.report(d);
    }

    private static String describeChar(String s) {
        int cp = s.codePointAt(0);
        if (cp < 0x20 || cp == 0x7f || Character.isWhitespace(cp) || Character.getType(cp) == Character.FORMAT) {
            return String.format("U+%04X", cp);
        }
        return "`" + s + "` (U+" + String.format("%04X", cp) + ")";
    }

    // ------------------------------------------------------------------ TokenSource

    @Override
    public int getLine() {
        return lexer.getLine();
    }

    @Override
    public int getCharPositionInLine() {
        return lexer.getCharPositionInLine();
    }

    @Override
    public CharStream getInputStream() {
        return input;
    }

    @Override
    public String getSourceName() {
        return source.path();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        lexer.setTokenFactory(factory);
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return lexer.getTokenFactory();
    }
}
