package dev.planc.compiler.syntax;

import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;
import dev.planc.compiler.diag.Limits;
import dev.planc.compiler.resolve.Suggest;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.Span;
import dev.planc.grammar.PlanLexer;
import dev.planc.grammar.PlanParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.jspecify.annotations.Nullable;

/**
 * ANTLR's recovery (single-token insertion and deletion, then resynchronisation) with messages
 * of our own: what was found, what could come there in words a plan author knows, the block it
 * happened in, and a "did you mean" when the found word is close to a keyword that fits.
 */
final class SyntaxErrors extends DefaultErrorStrategy {
    private final Source source;
    private final OffsetMap offsets;
    private final Diagnostics diagnostics;
    private int reported;
    private int suppressed;
    private @Nullable Token lastReported;

    SyntaxErrors(Source source, OffsetMap offsets, Diagnostics diagnostics) {
        this.source = source;
        this.offsets = offsets;
        this.diagnostics = diagnostics;
    }

    int reported() {
        return reported;
    }

    /** Adds the summary of errors beyond the cap, if any. */
    void finish() {
        if (suppressed > 0) {
            int end = source.text().length();
            diagnostics.report(Code.E0001, new Span(source, end, end),
                    "too many syntax errors: " + suppressed + " more in this file not shown");
        }
    }

    /**
     * ANTLR throws at the entry of a {@code (...)*} loop when the first token fits nothing, which
     * abandons the whole enclosing block and cascades (a typo in a task's first attribute would
     * close the task early). Here the entry recovers like the loop-back does: report the token,
     * skip to something the loop or its followers can take, and go on inside the block.
     */
    @Override
    public void sync(Parser recognizer) throws org.antlr.v4.runtime.RecognitionException {
        org.antlr.v4.runtime.atn.ATNState s = recognizer.getInterpreter().atn.states.get(recognizer.getState());
        if (s.getStateType() != org.antlr.v4.runtime.atn.ATNState.STAR_LOOP_ENTRY || inErrorRecoveryMode(recognizer)) {
            super.sync(recognizer);
            return;
        }
        int la = recognizer.getInputStream().LA(1);
        IntervalSet next = recognizer.getATN().nextTokens(s);
        if (next.contains(la) || next.contains(Token.EPSILON)) {
            super.sync(recognizer);
            return;
        }
        reportUnwantedToken(recognizer);
        IntervalSet expecting = recognizer.getExpectedTokens();
        consumeUntil(recognizer, expecting.or(getErrorRecoverySet(recognizer)));
    }

    @Override
    protected void reportNoViableAlternative(Parser recognizer, NoViableAltException e) {
        report(recognizer, e.getOffendingToken(), null);
    }

    @Override
    protected void reportInputMismatch(Parser recognizer, InputMismatchException e) {
        report(recognizer, e.getOffendingToken(), null);
    }

    @Override
    protected void reportUnwantedToken(Parser recognizer) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        report(recognizer, recognizer.getCurrentToken(), null);
    }

    @Override
    protected void reportMissingToken(Parser recognizer) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        IntervalSet expecting = getExpectedTokens(recognizer);
        Token t = recognizer.getCurrentToken();
        String what = describeSet(expecting, recognizer.getVocabulary(), !context(recognizer).isEmpty());
        if (t.getType() == Token.EOF && expecting.contains(PlanLexer.RBRACE) && unclosedBlock(recognizer, t)) {
            return;
        }
        Token prev = previousToken(recognizer, t);
        // Point just after the previous token: that is where the missing piece belongs.
        if (prev != null) {
            int at = offsets.utf16(prev.getStopIndex() + 1);
            emit(Diagnostic.of(Code.E0001, new Span(source, at, at),
                    "expected " + what + " after " + describeToken(prev) + inWhat(recognizer.getContext(), " in ")), t);
        } else {
            emit(Diagnostic.of(Code.E0001, span(t), "expected " + what + " before " + describeToken(t)
                    + inWhat(recognizer.getContext(), " in ")), t);
        }
    }

    @Override
    public void reportError(Parser recognizer, org.antlr.v4.runtime.RecognitionException e) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        if (e instanceof NoViableAltException nva) {
            reportNoViableAlternative(recognizer, nva);
        } else if (e instanceof InputMismatchException ime) {
            reportInputMismatch(recognizer, ime);
        } else {
            report(recognizer, e.getOffendingToken(), e.getExpectedTokens());
        }
    }

    private void report(Parser recognizer, Token found, @Nullable IntervalSet expectedOrNull) {
        IntervalSet expected = expectedOrNull != null ? expectedOrNull : recognizer.getExpectedTokens();
        if (found.getType() == Token.EOF && expected.contains(PlanLexer.RBRACE) && unclosedBlock(recognizer, found)) {
            return;
        }
        Vocabulary vocab = recognizer.getVocabulary();
        String where = context(recognizer);
        String message = "unexpected " + describeToken(found) + (where.isEmpty() ? "" : " in " + where)
                + "; expected " + describeSet(expected, vocab, !where.isEmpty());
        Diagnostic d = Diagnostic.of(Code.E0001, span(found), message);
        String suggestion = suggestKeyword(found, expected, vocab);
        Token prev = previousToken(recognizer, found);
        if (suggestion != null) {
            d = d.withLabel("did you mean `" + suggestion + "`?");
        } else if (prev != null && prev.getType() != PlanLexer.ID && isName(prev) && expected.contains(prev.getType())
                && sameLine(prev, found)) {
            // `when x > 2d and then { ... }`: the keyword was taken as a name to finish what came before it.
            d = d.withLabel("`" + prev.getText() + "` before this was read as a name: is something missing before it?");
        } else if ((found.getType() == PlanLexer.DURATION || found.getType() == PlanLexer.EFFORT
                || found.getType() == PlanLexer.ASSIGN) && where.startsWith("milestone")) {
            d = d.withLabel("a milestone takes no time: make it a `task` to give it work");
        } else if (found.getType() == PlanLexer.BAD_UNIT && found.getText().matches("[0-9.]+[A-Z]{3}")) {
            String t = found.getText();
            d = d.withLabel("money needs a space: `" + t.substring(0, t.length() - 3) + " " + t.substring(t.length() - 3)
                    + "`");
        } else if (found.getType() == PlanLexer.STRING && expected.contains(PlanLexer.DATE)) {
            d = d.withLabel("dates are written without quotes");
        } else if (isName(found) && expected.contains(PlanLexer.STRING) && !expected.contains(PlanLexer.ID)) {
            d = d.withLabel("strings are written in double quotes");
        } else if (isName(found) && prev != null && isName(prev) && sameLine(prev, found)
                && inList(recognizer, prev)) {
            d = d.withLabel("missing `,` before `" + found.getText() + "`?");
        } else if (found.getType() == PlanLexer.ID && expected.contains(PlanLexer.RBRACE)) {
            d = d.withLabel("not an attribute here");
        }
        emit(d, found);
    }

    /**
     * The file ends inside a block: point at the `{` that is never closed, which is where the
     * reader has to look, rather than at the end of the file.
     */
    private boolean unclosedBlock(Parser recognizer, Token eof) {
        for (ParserRuleContext c = recognizer.getContext(); c != null; c = c.getParent()) {
            org.antlr.v4.runtime.tree.TerminalNode brace = c.getToken(PlanLexer.LBRACE, 0);
            if (brace == null || brace.getSymbol().getTokenIndex() < 0 || c.getToken(PlanLexer.RBRACE, 0) != null) {
                continue;
            }
            String what = c instanceof PlanParser.ContThenContext ? "the `then` block" + inWhat(c.getParent(), " of ")
                    : describe(c);
            if (what == null) {
                continue;
            }
            Diagnostic d = Diagnostic.of(Code.E0001, span(brace.getSymbol()), "missing `}`: " + what
                    + " is still open at the end of the file").withLabel("this `{` is never closed");
            emit(d, eof);
            return true;
        }
        return false;
    }

    private static boolean isName(Token t) {
        String literal = PlanLexer.VOCABULARY.getLiteralName(t.getType());
        return t.getType() == PlanLexer.ID || (literal != null && Character.isLetter(literal.charAt(1)));
    }

    /** Whether {@code last} ends a list attribute on its line ({@code assign a, b:2}, {@code after x.start + 2d}). */
    private static boolean inList(Parser recognizer, Token last) {
        for (int i = last.getTokenIndex(); i >= 0; i--) {
            Token t = recognizer.getTokenStream().get(i);
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            if (t.getLine() != last.getLine()) {
                return false;
            }
            switch (t.getType()) {
                case PlanLexer.ASSIGN, PlanLexer.AFTER, PlanLexer.MEMBERS, PlanLexer.MILESTONES:
                    return true;
                case PlanLexer.COMMA, PlanLexer.COLON, PlanLexer.DOT, PlanLexer.NUMBER, PlanLexer.PERCENT,
                        PlanLexer.PLUS, PlanLexer.MINUS, PlanLexer.DURATION_LIT:
                    continue;
                default:
                    if (!isName(t)) {
                        return false;
                    }
            }
        }
        return false;
    }

    private static boolean sameLine(Token a, Token b) {
        return a.getLine() == b.getLine();
    }

    private void emit(Diagnostic d, Token at) {
        if (lastReported != null && lastReported.getTokenIndex() == at.getTokenIndex() && at.getTokenIndex() >= 0) {
            return; // one error per token: never cascade on the same spot
        }
        lastReported = at;
        if (reported >= Limits.MAX_SYNTAX_ERRORS) {
            suppressed++;
            return;
        }
        reported++;
        diagnostics.report(d);
    }

    private Span span(Token t) {
        if (t.getType() == Token.EOF || t.getStartIndex() < 0) {
            int end = source.text().length();
            return new Span(source, end, end);
        }
        int start = offsets.utf16(t.getStartIndex());
        int end = offsets.utf16(t.getStopIndex() + 1);
        return new Span(source, start, Math.max(start, end));
    }

    private static @Nullable Token previousToken(Parser recognizer, Token t) {
        int i = t.getTokenIndex() - 1;
        while (i >= 0) {
            Token p = recognizer.getTokenStream().get(i);
            if (p.getChannel() == Token.DEFAULT_CHANNEL) {
                return p;
            }
            i--;
        }
        return null;
    }

    /** "task `design`": the innermost declaration being parsed, or "" at top level. */
    private static String context(Parser recognizer) {
        return inWhat(recognizer.getContext(), "");
    }

    /** {@code prefix} + the innermost declaration around {@code from}, or "" at top level. */
    private static String inWhat(@Nullable ParserRuleContext from, String prefix) {
        for (ParserRuleContext c = from; c != null; c = c.getParent()) {
            String d = describe(c);
            if (d != null) {
                return prefix + d;
            }
        }
        return "";
    }

    /** "task `design`" for a declaration's context; null for any other rule. */
    private static @Nullable String describe(ParserRuleContext c) {
        String kind = switch (c.getRuleIndex()) {
            case PlanParser.RULE_planDecl -> "the plan block";
            case PlanParser.RULE_calendarDecl -> "calendar";
            case PlanParser.RULE_resourceDecl -> "resource";
            case PlanParser.RULE_teamDecl -> "team";
            case PlanParser.RULE_taskDecl -> "task";
            case PlanParser.RULE_milestoneDecl -> "milestone";
            case PlanParser.RULE_goalDecl -> "goal";
            case PlanParser.RULE_metricDecl -> "metric";
            case PlanParser.RULE_contingencyDecl -> "contingency";
            default -> null;
        };
        if (kind == null || c.getRuleIndex() == PlanParser.RULE_planDecl) {
            return kind;
        }
        PlanParser.NameContext name = c.getRuleContext(PlanParser.NameContext.class, 0);
        if (name != null && name.getStart() != null && name.getStart().getTokenIndex() >= 0
                && name.getStart().getType() != Token.EOF) {
            return kind + " `" + name.getText() + "`";
        }
        return kind;
    }

    static String describeToken(Token t) {
        return switch (t.getType()) {
            case Token.EOF -> "end of file";
            case PlanLexer.STRING -> "string " + abbreviate(t.getText());
            case PlanLexer.ID -> "`" + abbreviate(t.getText()) + "`";
            default -> "`" + abbreviate(t.getText()) + "`";
        };
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    /**
     * Expected tokens in words: names and values first, then symbols, then keywords (inside a
     * block, a long list of attribute keywords is summed up as "an attribute"), end of file last.
     * {@code ;} is never required, so it is not offered.
     */
    static String describeSet(IntervalSet set, Vocabulary vocab, boolean inBlock) {
        List<String> words = new ArrayList<>();
        List<String> keywords = new ArrayList<>();
        boolean name = set.contains(PlanLexer.ID);
        if (name) {
            words.add("a name");
        }
        for (int type : set.toArray()) {
            if (type == PlanLexer.ID || type == Token.EOF || (type == PlanLexer.SEMI && set.size() > 1)) {
                continue;
            }
            String literal = vocab.getLiteralName(type);
            if (literal != null) {
                String word = "`" + literal.substring(1, literal.length() - 1) + "`";
                if (Character.isLetter(literal.charAt(1))) {
                    if (!name) {
                        keywords.add(word); // keywords are names too; "a name" covers them
                    }
                } else {
                    words.add(word);
                }
                continue;
            }
            boolean duration = set.contains(PlanLexer.DURATION_LIT);
            String w = switch (type) {
                case PlanLexer.STRING -> "a string";
                case PlanLexer.NUMBER -> duration ? null : "a number";
                case PlanLexer.PERCENT -> "a percentage";
                case PlanLexer.DURATION_LIT -> "a duration such as `3d`";
                case PlanLexer.DATE -> "a date such as `2027-01-04`";
                case PlanLexer.DATETIME -> set.contains(PlanLexer.DATE) ? null : "a date-time";
                case PlanLexer.TIME -> "a time such as `09:00`";
                default -> null;
            };
            if (w != null && !words.contains(w)) {
                words.add(w);
            }
        }
        if (inBlock && keywords.size() > 8) {
            words.add("an attribute");
        } else {
            words.addAll(keywords);
        }
        if (set.contains(Token.EOF)) {
            words.add("end of file");
        }
        if (words.isEmpty()) {
            return "something else";
        }
        if (words.size() == 1) {
            return words.get(0);
        }
        if (words.size() > 12) {
            List<String> head = words.subList(0, 12);
            return String.join(", ", head) + ", ...";
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    /** Never delete a brace to make the parse fit: braces are the structure the rest relies on. */
    @Override
    protected @Nullable Token singleTokenDeletion(Parser recognizer) {
        int la = recognizer.getInputStream().LA(1);
        if (la == PlanLexer.LBRACE || la == PlanLexer.RBRACE) {
            return null;
        }
        return super.singleTokenDeletion(recognizer);
    }

    /** Skips like ANTLR does, but a {@code { ... }} block as a whole, so its inside cannot cascade. */
    @Override
    protected void consumeUntil(Parser recognizer, IntervalSet set) {
        int ttype = recognizer.getInputStream().LA(1);
        while (ttype != Token.EOF && !set.contains(ttype)) {
            if (ttype == PlanLexer.LBRACE) {
                int depth = 0;
                do {
                    if (ttype == PlanLexer.LBRACE) {
                        depth++;
                    } else if (ttype == PlanLexer.RBRACE) {
                        depth--;
                    }
                    recognizer.consume();
                    ttype = recognizer.getInputStream().LA(1);
                } while (depth > 0 && ttype != Token.EOF);
                continue;
            }
            recognizer.consume();
            ttype = recognizer.getInputStream().LA(1);
        }
    }

    private static @Nullable String suggestKeyword(Token found, IntervalSet expected, Vocabulary vocab) {
        if (found.getType() != PlanLexer.ID && found.getType() != PlanLexer.BAD_UNIT) {
            if (vocab.getLiteralName(found.getType()) == null) {
                return null;
            }
        }
        List<String> keywords = new ArrayList<>();
        for (int type : expected.toArray()) {
            String literal = vocab.getLiteralName(type);
            if (literal != null && Character.isLetter(literal.charAt(1))) {
                keywords.add(literal.substring(1, literal.length() - 1));
            }
        }
        if (keywords.isEmpty() || keywords.size() > 30) {
            return null;
        }
        return Suggest.closest(found.getText(), keywords);
    }
}
