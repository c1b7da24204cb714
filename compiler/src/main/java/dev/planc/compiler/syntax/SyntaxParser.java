package dev.planc.compiler.syntax;

import dev.planc.compiler.ast.Comment;
import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.ast.PlanFile;
import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostics;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.Span;
import dev.planc.grammar.PlanParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.jspecify.annotations.Nullable;

/**
 * Text to AST. Lexes, reports lexical problems (bad characters, unterminated strings and
 * comments, too-deep nesting), parses with SLL and falls back to full LL only when SLL fails,
 * collects every syntax error (never printing), and lowers the parse tree to the AST.
 *
 * <p>Clean input is parsed as a stream: tokens are pulled from the lexer as the SLL parser needs
 * them and each top-level declaration is lowered as soon as it is parsed, so neither the tokens
 * nor the parse trees of a large file are alive at once. Whatever that finds is held back; when
 * SLL fails (a syntax error, or input only full LL can parse) or the nesting is too deep, it is
 * dropped and the file is parsed again the buffered way, with recovery and our messages. SLL
 * predictions do not depend on the calling context, so a declaration parses the same alone as
 * inside {@code file}, and both ways give the same AST and diagnostics.
 */
public final class SyntaxParser {
    private SyntaxParser() {}

    /** Parses one source. Never throws for bad input: problems land in {@code diagnostics}. */
    public static PlanFile parse(Source source, Diagnostics diagnostics) {
        OffsetMap offsets = new OffsetMap(source.text());
        PlanFile streamed = streamed(source, offsets, diagnostics);
        return streamed != null ? streamed : buffered(source, offsets, diagnostics);
    }

    /**
     * The streaming parse: SLL, one top-level declaration at a time, each lowered at once. Null
     * when it cannot be used, leaving {@code diagnostics} untouched.
     */
    private static @Nullable PlanFile streamed(Source source, OffsetMap offsets, Diagnostics diagnostics) {
        Diagnostics lexical = new Diagnostics();
        Diagnostics lowered = new Diagnostics();
        List<Comment> comments = new ArrayList<>();
        PlanTokens tokens = new PlanTokens(source, offsets, lexical, comments, false);
        TokenStream stream = new PlanTokenStream(tokens);
        PlanParser parser = new SizedPlanParser(stream);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        Lowering lowering = new Lowering(source, offsets, lowered, comments);
        List<Decl> decls = new ArrayList<>();
        try {
            while (stream.LA(1) != Token.EOF) {
                PlanParser.DeclarationContext d = parser.declaration();
                if (tokens.tooDeep()) {
                    return null;
                }
                Decl decl = lowering.declaration(d);
                if (decl != null) {
                    decls.add(decl);
                }
            }
        } catch (ParseCancellationException | StackOverflowError e) {
            return null;
        }
        if (tokens.tooDeep()) {
            return null;
        }
        // In the order the buffered parse reports them: lexical problems, then lowering's.
        lexical.all().forEach(diagnostics::report);
        lowered.all().forEach(diagnostics::report);
        return lowering.file(decls);
    }

    /** The whole file's tokens, SLL then LL with recovery, then lowering. */
    private static PlanFile buffered(Source source, OffsetMap offsets, Diagnostics diagnostics) {
        List<Comment> comments = new ArrayList<>();
        PlanTokens lexed = new PlanTokens(source, offsets, diagnostics, comments, true);
        List<Token> tokens = lexed.all();
        Span whole = new Span(source, 0, source.text().length());
        if (lexed.tooDeep()) {
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
}
