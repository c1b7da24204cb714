package dev.planc.compiler.syntax;

import dev.planc.compiler.ast.Comment;
import dev.planc.compiler.ast.PlanFile;
import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostics;
import dev.planc.compiler.diag.Limits;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.Span;
import dev.planc.grammar.PlanLexer;
import dev.planc.grammar.PlanParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
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
        for (Token raw = lexer.nextToken(); raw.getType() != Token.EOF; raw = lexer.nextToken()) {
            CommonToken t = (CommonToken) raw;
            int type = t.getType();
            if (type < PlanLexer.ERROR_CHAR && type != PlanLexer.UNTERMINATED_STRING && type != PlanLexer.LINE_COMMENT
                    && type != PlanLexer.BLOCK_COMMENT && type != PlanLexer.UNTERMINATED_COMMENT
                    && type != PlanLexer.LBRACE && type != PlanLexer.LPAREN && type != PlanLexer.RBRACE
                    && type != PlanLexer.RPAREN) {
                tokens.add(t); // the common case: nothing to check, nothing to record
                continue;
            }
            Span span = new Span(source, offsets.utf16(t.getStartIndex()), offsets.utf16(t.getStopIndex() + 1));
            switch (type) {
                case PlanLexer.ERROR_CHAR -> {
                    t.setChannel(Token.HIDDEN_CHANNEL);
                    boolean adjacent = previousBad != null && previousBad.getStopIndex() + 1 == t.getStartIndex();
                    if (!adjacent) {
                        diagnostics.report(Code.E0004, span, "invalid character " + describeChar(t.getText()));
                    }
                    previousBad = t;
                }
                case PlanLexer.UNTERMINATED_STRING -> {
                    diagnostics.report(Code.E0002, span, "unterminated string: it needs a closing `\"` on this line");
                    t.setType(PlanLexer.STRING);
                    t.setText(t.getText() + "\"");
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

    private static String describeChar(String s) {
        int cp = s.codePointAt(0);
        if (cp < 0x20 || cp == 0x7f || Character.isWhitespace(cp) || Character.getType(cp) == Character.FORMAT) {
            return String.format("U+%04X", cp);
        }
        return "`" + s + "` (U+" + String.format("%04X", cp) + ")";
    }
}
