package dev.planc.compiler.syntax;

import dev.planc.compiler.ast.Comment;
import dev.planc.compiler.ast.PlanFile;
import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;
import dev.planc.compiler.diag.Limits;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.Span;
import dev.planc.grammar.PlanLexer;
import dev.planc.grammar.PlanParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Text to AST. Lexes, reports lexical problems (bad characters, unterminated strings and
 * comments, too-deep nesting), parses with SLL and falls back to full LL only when SLL fails,
 * collects every syntax error (never printing), and lowers the parse tree to the AST.
 */
public final class SyntaxParser {
    private SyntaxParser() {}

    /** Parses one source. Never throws for bad input: problems land in {@code diagnostics}. */
    public static PlanFile parse(Source source, Diagnostics diagnostics) {
        String text = source.text();
        OffsetMap offsets = new OffsetMap(text);
        PlanLexer lexer = new PlanLexer(CharStreams.fromString(text, source.path()));
        lexer.removeErrorListeners();
        List<Token> tokens = new ArrayList<>();
        List<Comment> comments = new ArrayList<>();
        int depth = 0;
        boolean tooDeep = false;
        CommonToken previousBad = null;
        CommonToken badName = null;
        CharStream input = lexer.getInputStream();
        for (Token raw = lexer.nextToken(); raw.getType() != Token.EOF; raw = lexer.nextToken()) {
            CommonToken t = (CommonToken) raw;
            CommonToken prev = tokens.isEmpty() ? null : (CommonToken) tokens.get(tokens.size() - 1);
            int type = t.getType();
            // Fast path, nearly every token: nothing to check, repair or record.
            if (badName == null && (prev == null || prev.getType() != PlanLexer.NUMBER) && type != PlanLexer.ERROR_CHAR
                    && type != PlanLexer.UNTERMINATED_STRING && type != PlanLexer.UNTERMINATED_COMMENT
                    && type != PlanLexer.LINE_COMMENT && type != PlanLexer.BLOCK_COMMENT && type != PlanLexer.LBRACE
                    && type != PlanLexer.LPAREN && type != PlanLexer.RBRACE && type != PlanLexer.RPAREN) {
                tokens.add(t);
                continue;
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
                continue;
            }
            if (badName != null) {
                reportBadName(badName, source, offsets, diagnostics);
                badName = null;
            }
            if (nameChar && Character.isLetter(firstCp)) {
                t.setType(PlanLexer.ID);
                badName = t;
                tokens.add(t);
                continue;
            }
            // `10 d`: a duration with a space before its unit. One error, and parsed as `10d`.
            if (prev != null && prev.getType() == PlanLexer.NUMBER && isWord(t)
                    && (UNITS.contains(t.getText()) || UNIT_WORDS.contains(t.getText())) && durationExpected(tokens)
                    && onlyBlanks(text, offsets.utf16(prev.getStopIndex() + 1), offsets.utf16(t.getStartIndex()))) {
                boolean known = UNITS.contains(t.getText());
                Span both = new Span(source, offsets.utf16(prev.getStartIndex()), offsets.utf16(t.getStopIndex() + 1));
                prev.setType(known ? PlanLexer.DURATION_LIT : PlanLexer.BAD_UNIT);
                prev.setText(prev.getText() + t.getText());
                prev.setStopIndex(t.getStopIndex());
                if (known) {
                    diagnostics.report(Diagnostic.of(Code.E0104, both, "duration `" + both.text()
                            + "` has a space before its unit").withLabel("write `" + prev.getText() + "`"));
                }
                continue;
            }
            Span span = new Span(source, offsets.utf16(t.getStartIndex()), offsets.utf16(t.getStopIndex() + 1));
            switch (t.getType()) {
                case PlanLexer.ERROR_CHAR -> {
                    if (OPEN_QUOTES.indexOf(firstCp) >= 0 && curlyString(t, input)) {
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
                    diagnostics.report(Code.E0003, new Span(source, span.start(), span.start() + 2),
                            "unterminated comment: `/*` is never closed by `*/`");
                    t.setType(PlanLexer.BLOCK_COMMENT);
                    t.setChannel(Token.HIDDEN_CHANNEL);
                }
                case PlanLexer.LBRACE, PlanLexer.LPAREN -> {
                    if (++depth > Limits.MAX_NESTING && !tooDeep) {
                        tooDeep = true;
                        diagnostics.report(Code.E0007, span, "nesting too deep: more than " + Limits.MAX_NESTING
                                + " levels of `{` and `(`");
                    }
                }
                case PlanLexer.RBRACE, PlanLexer.RPAREN -> depth = Math.max(0, depth - 1);
                default -> { }
            }
            if (t.getType() == PlanLexer.LINE_COMMENT || t.getType() == PlanLexer.BLOCK_COMMENT) {
                comments.add(new Comment(span.text(), t.getType() == PlanLexer.BLOCK_COMMENT, span));
            }
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                tokens.add(t); // the parser never looks at hidden tokens; a file of junk must not hold them all
            }
        }
        if (badName != null) {
            reportBadName(badName, source, offsets, diagnostics);
        }
        Span whole = new Span(source, 0, text.length());
        if (tooDeep) {
            return new PlanFile(source, List.of(), comments, whole);
        }

        ListTokenSource tokenSource = new ListTokenSource(tokens, source.path());
        CommonTokenStream stream = new CommonTokenStream(tokenSource);
        PlanParser parser = new PlanParser(stream);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        PlanParser.FileContext tree;
        SyntaxErrors errors = new SyntaxErrors(source, offsets, diagnostics);
        try {
            try {
                tree = parser.file();
            } catch (ParseCancellationException sllFailed) {
                stream.seek(0);
                parser.reset();
                parser.getInterpreter().setPredictionMode(PredictionMode.LL);
                parser.setErrorHandler(errors);
                tree = parser.file();
            }
            errors.finish();
            return new Lowering(source, offsets, diagnostics, comments).file(tree);
        } catch (StackOverflowError deep) {
            // Unary chains (`not not not ...`) are not braces; the JVM stack is the last guard.
            diagnostics.report(Code.E0007, new Span(source, 0, 0), "nesting too deep: the expression or "
                    + "block structure is too deeply nested to parse");
            return new PlanFile(source, List.of(), comments, whole);
        }
    }

    private static final String OPEN_QUOTES = "\u201C\u201D\u201E\u201F";
    private static final java.util.Set<String> UNITS = java.util.Set.of("min", "h", "d", "w", "emin", "eh", "ed", "ew");
    private static final java.util.Set<String> UNIT_WORDS = java.util.Set.of("mins", "minute", "minutes", "hr", "hrs",
            "hour", "hours", "day", "days", "wk", "wks", "week", "weeks");

    /**
     * Whether the number that ends {@code tokens} is where only a duration can stand: after
     * {@code duration}, {@code effort}, or the sign of a lag in {@code after}. Elsewhere a number
     * and a name can be money ({@code rate 640 d/h} parses, with a bad currency), so the tokens
     * are left alone and the grammar has its say.
     */
    private static boolean durationExpected(List<Token> tokens) {
        int i = previousDefault(tokens, tokens.size() - 2);
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
        i = previousDefault(tokens, i - 1);
        while (i >= 0 && (tokens.get(i).getType() == PlanLexer.DOT || isWord(tokens.get(i)))) {
            int before = previousDefault(tokens, i - 1);
            if (tokens.get(i).getType() != PlanLexer.DOT && (before < 0 || tokens.get(before).getType() != PlanLexer.DOT)) {
                return before >= 0 && (tokens.get(before).getType() == PlanLexer.AFTER
                        || tokens.get(before).getType() == PlanLexer.COMMA);
            }
            i = before;
        }
        return false;
    }

    private static int previousDefault(List<Token> tokens, int from) {
        int i = from;
        while (i >= 0 && tokens.get(i).getChannel() != Token.DEFAULT_CHANNEL) {
            i--;
        }
        return i;
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

    private static boolean onlyBlanks(String text, int from, int to) {
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
    private static boolean curlyString(CommonToken t, CharStream input) {
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

    private static void reportBadName(CommonToken t, Source source, OffsetMap offsets, Diagnostics diagnostics) {
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
}
