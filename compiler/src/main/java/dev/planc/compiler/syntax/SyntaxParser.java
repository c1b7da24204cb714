package dev.planc.compiler.syntax;

import dev.planc.compiler.ast.Comment;
import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.ast.PlanFile;
import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostics;
import dev.planc.compiler.parallel.Parallel;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.Span;
import dev.planc.grammar.PlanParser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
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
 *
 * <p>A large source is first tried in chunks, on the cores ({@link Parallel}): {@link SplitPoints}
 * guesses cuts at the starts of lines that begin top-level declarations, and each chunk is parsed
 * the streaming way by its own lexer, parser and lowering, reading the same text from its cut on
 * (offsets, lines and spans are the whole source's). The result is used only when every chunk is
 * perfectly clean: SLL parsed it, nothing at all was reported (no lexical problem, nothing from
 * lowering), the nesting was not too deep, each chunk's declarations end before the next cut and
 * the next chunk begins with the token that followed them, and no comment spans a cut. Otherwise
 * it is dropped and the whole file is parsed as above, so every file with a diagnostic gets the
 * same diagnostics in the same order by construction. The chunks' declarations and comments,
 * joined in order, are then the whole file's, because:
 *
 * <ul>
 *   <li>A chunk's lexer is not stopped at the next cut: it reads on to the end of the text, and
 *       its parser stops calling {@code declaration} at the first token that starts at or after
 *       the cut. So every token it hands out, and every token its parser looks ahead at, is lexed
 *       from the same text in the same state as in the whole-file parse, provided the chunk starts
 *       where that lexer is between tokens with nothing pending. For the first chunk it does.
 *   <li>If chunk {@code i} is clean, chunk {@code i + 1} starts so: everything chunk {@code i}
 *       lexed before the cut ended before it (declarations end before the cut, the next token
 *       starts at or after it, no comment spans it, and bad characters and unterminated strings
 *       and comments would have been reported), so the cut lies between tokens or in skipped
 *       white space, which lexes the same from any point of it, and the lexer has no modes. The
 *       repairs of {@link PlanTokens} look back only over adjacent tokens or blanks within a line,
 *       and the cut follows a newline; a glued name or a bad character would have been reported;
 *       and the brace depth is 0 there, since the clean declarations before it close what they
 *       open.
 *   <li>So each chunk's parser sees, from its first token, exactly the token stream the
 *       whole-file parser sees from that token, and starts a {@code declaration} where it does.
 *       SLL prediction depends on the tokens ahead only (not the calling context; the DFA cache
 *       the parsers share is a memo and ANTLR synchronises its updates), and lowering a
 *       declaration depends on its parse tree and the source only: the per-instance caches
 *       (strings, the last span, the lexer's shared token texts) only make equal values
 *       identical, and the static tables are read-only.
 * </ul>
 *
 * <p>One difference is not in the text: pool threads have 16 MB stacks and the caller's may be
 * smaller, so a chunk holding a very long unary chain ({@code not not ...}), which the braces
 * limit does not bound, could parse on a pool thread where the whole-file parse on the caller
 * overflows its stack (and reports too-deep nesting). A chunk whose rules nest deeper than
 * {@link #CHUNK_DEPTH} is therefore not trusted either.
 */
public final class SyntaxParser {
    /**
     * Sources of at least this many chars are parsed in chunks when there is more than one
     * thread. Measured on two cores, first parse in a fresh JVM (C1, as the CLI runs): two chunks
     * took 13 to 30 ms longer than the whole-file parse from 70 to 300 KB, broke even near 580 KB
     * and saved 11 to 26% from 1.2 MB. A cold parse is mostly warming up (class loading, the
     * interpreter, compiling), which each chunk's thread repeats and which shares the second core
     * with the JIT. In a warm JVM (C2) two chunks were slower than one at 70 KB and 3 to 21%
     * faster from 128 KB, in noisy runs: a long-lived process might want a lower threshold.
     */
    static final int CHUNKED_FROM = 512 * 1024;
    /** More chunks than threads only adds cuts; the cap bounds the scan's work on large machines. */
    private static final int MAX_CHUNKS = 8;
    /**
     * Deepest rule nesting a chunk may reach. On a thread with the default 1 MB stack the
     * whole-file parse and lowering were measured to manage a chain of 2,500 {@code -} (about as
     * many rules deep; 3,000 overflow) or 3,000 {@code not}: this leaves a margin of more than
     * two. A parenthesis costs about ten rules, so chunks with expressions nested deeper than
     * about a hundred parentheses are parsed whole instead (legal up to the braces limit, 200).
     */
    static final int CHUNK_DEPTH = 1_000;

    private SyntaxParser() {}

    /** Parses one source. Never throws for bad input: problems land in {@code diagnostics}. */
    public static PlanFile parse(Source source, Diagnostics diagnostics) {
        int chunks = source.text().length() >= CHUNKED_FROM ? Math.min(Parallel.threads(), MAX_CHUNKS) : 1;
        return parse(source, diagnostics, chunks);
    }

    /** {@link #parse(Source, Diagnostics)} trying {@code chunks} chunks first (1: not at all), whatever the size. */
    static PlanFile parse(Source source, Diagnostics diagnostics, int chunks) {
        OffsetMap offsets = new OffsetMap(source.text());
        if (chunks > 1) {
            PlanFile chunked = chunked(source, offsets, chunks);
            if (chunked != null) {
                return chunked;
            }
        }
        PlanFile streamed = streamed(source, offsets, diagnostics);
        return streamed != null ? streamed : buffered(source, offsets, diagnostics);
    }

    /** The parse in up to {@code chunks} chunks alone: null when it cannot be used (for tests). */
    static @Nullable PlanFile chunked(Source source, int chunks) {
        return chunked(source, new OffsetMap(source.text()), chunks);
    }

    /** The parse in chunks cut at {@code cuts} (starts of lines, in order), whatever they are: null when it cannot be used. */
    static @Nullable PlanFile chunked(Source source, List<SplitPoints.Cut> cuts) {
        OffsetMap offsets = new OffsetMap(source.text());
        return offsets.noSurrogates() ? chunked(source, offsets, cuts) : null;
    }

    /** What one chunk gave: its declarations and comments, and the starts of its first and next token (-1: EOF). */
    private record Chunk(List<Decl> decls, List<Comment> comments, int first, int next) {}

    /**
     * The parse in chunks (see the class comment): a file with nothing to report, or null, having
     * reported nothing, when the chunks cannot be used.
     */
    private static @Nullable PlanFile chunked(Source source, OffsetMap offsets, int chunks) {
        if (!offsets.noSurrogates()) {
            return null; // lexer indexes are code points; the chunks' char streams are UTF-16
        }
        List<SplitPoints.Cut> cuts = SplitPoints.find(source.text(), chunks);
        return cuts.isEmpty() ? null : chunked(source, offsets, cuts);
    }

    /** The parse in the chunks between {@code cuts}, on the cores; the text has no surrogates. */
    private static @Nullable PlanFile chunked(Source source, OffsetMap offsets, List<SplitPoints.Cut> cuts) {
        String text = source.text();
        int count = cuts.size() + 1;
        char[] chars = text.toCharArray();
        AtomicBoolean failed = new AtomicBoolean();
        List<Chunk> parsed = Parallel.map(count, i -> {
            int from = i == 0 ? 0 : cuts.get(i - 1).offset();
            int line = i == 0 ? 1 : cuts.get(i - 1).line();
            int to = i == count - 1 ? text.length() : cuts.get(i).offset();
            Chunk c = failed.get() ? null : chunk(source, offsets, chars, from, line, to, failed);
            if (c == null) {
                failed.set(true);
            }
            return c;
        });
        List<Decl> decls = new ArrayList<>();
        List<Comment> comments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Chunk c = parsed.get(i);
            if (c == null || (i > 0 && c.first() != parsed.get(i - 1).next())) {
                return null;
            }
            decls.addAll(c.decls());
            comments.addAll(c.comments());
        }
        return new Lowering(source, offsets, new Diagnostics(), comments).file(decls);
    }

    /**
     * One chunk, the streaming way: the declarations that start in {@code [from, to)}, lexed from
     * {@code from} (the start of {@code line}) on. Null when anything is reported, SLL fails, the
     * nesting is too deep, a declaration runs past {@code to}, a comment spans it, or another chunk
     * has failed.
     */
    private static @Nullable Chunk chunk(Source source, OffsetMap offsets, char[] chars, int from, int line, int to,
            AtomicBoolean failed) {
        Diagnostics reported = new Diagnostics();
        List<Comment> comments = new ArrayList<>();
        PlanTokens tokens = new PlanTokens(source, offsets, reported, comments, chars, from, line);
        TokenStream stream = new PlanTokenStream(tokens);
        SizedPlanParser parser = bailingSll(stream);
        Lowering lowering = new Lowering(source, offsets, reported, comments);
        List<Decl> decls = new ArrayList<>();
        try {
            int first = start(stream.LT(1));
            while (true) {
                Token next = stream.LT(1);
                if (next.getType() == Token.EOF || next.getStartIndex() >= to) {
                    break;
                }
                if (failed.get()) {
                    return null;
                }
                PlanParser.DeclarationContext d = parser.declaration();
                Token stop = d.getStop();
                if (tokens.tooDeep() || parser.deepest() > CHUNK_DEPTH || stop == null || stop.getStopIndex() >= to) {
                    return null;
                }
                Decl decl = lowering.declaration(d);
                if (reported.size() > 0) {
                    return null;
                }
                if (decl != null) {
                    decls.add(decl);
                }
            }
            int next = start(stream.LT(1));
            if (tokens.tooDeep() || reported.size() > 0) {
                return null;
            }
            // Comments lexed past the cut belong to the next chunk, which lexes them too.
            int keep = comments.size();
            while (keep > 0 && comments.get(keep - 1).span().start() >= to) {
                keep--;
            }
            if (keep > 0 && comments.get(keep - 1).span().end() > to) {
                return null;
            }
            return new Chunk(decls, comments.subList(0, keep), first, next);
        } catch (ParseCancellationException | StackOverflowError e) {
            return null;
        }
    }

    /** A parser that predicts with SLL, reports nothing and gives up at the first syntax error. */
    private static SizedPlanParser bailingSll(TokenStream stream) {
        SizedPlanParser parser = new SizedPlanParser(stream);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        return parser;
    }

    private static int start(Token t) {
        return t.getType() == Token.EOF ? -1 : t.getStartIndex();
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
        PlanParser parser = bailingSll(stream);
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
        diagnostics.reportAll(lexical);
        diagnostics.reportAll(lowered);
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
