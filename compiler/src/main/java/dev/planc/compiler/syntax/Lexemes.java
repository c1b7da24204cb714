package dev.planc.compiler.syntax;

import dev.planc.grammar.PlanLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * The language's tokens of any text, complete or not, with no diagnostics: the lexer the parser
 * uses, with comments kept and whitespace dropped. For editors; the compiler itself lexes
 * through {@link SyntaxParser}.
 */
public final class Lexemes {
    private Lexemes() {}

    public static List<Lexeme> of(String text) {
        OffsetMap offsets = new OffsetMap(text);
        PlanLexer lexer = new PlanLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<Lexeme> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            int start = offsets.utf16(t.getStartIndex());
            int end = offsets.utf16(t.getStopIndex() + 1);
            out.add(new Lexeme(kind(t.getType()), text.substring(start, end), start, end));
        }
        return out;
    }

    private static Lexeme.Kind kind(int type) {
        if (type == PlanLexer.ID || (type >= PlanLexer.PLAN && type <= PlanLexer.FALSE)) {
            return Lexeme.Kind.WORD;
        }
        switch (type) {
            case PlanLexer.STRING:
            case PlanLexer.UNTERMINATED_STRING:
                return Lexeme.Kind.STRING;
            case PlanLexer.DATETIME:
            case PlanLexer.DATE:
            case PlanLexer.TIME:
            case PlanLexer.PERCENT:
            case PlanLexer.DURATION_LIT:
            case PlanLexer.BAD_UNIT:
            case PlanLexer.NUMBER:
                return Lexeme.Kind.LITERAL;
            case PlanLexer.LINE_COMMENT:
            case PlanLexer.BLOCK_COMMENT:
            case PlanLexer.UNTERMINATED_COMMENT:
                return Lexeme.Kind.COMMENT;
            case PlanLexer.ERROR_CHAR:
                return Lexeme.Kind.OTHER;
            default:
                return Lexeme.Kind.SYMBOL;
        }
    }
}
