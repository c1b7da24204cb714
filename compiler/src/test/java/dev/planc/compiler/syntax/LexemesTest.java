package dev.planc.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tokens of incomplete text, with UTF-16 offsets. */
class LexemesTest {
    static String show(List<Lexeme> ls) {
        StringBuilder b = new StringBuilder();
        for (Lexeme l : ls) {
            b.append(l.kind()).append('(').append(l.text()).append(')').append(l.start()).append(' ');
        }
        return b.toString().trim();
    }

    @Test
    void incompleteTextLexesUpToTheEnd() {
        // an unclosed string ends with its line
        assertEquals("WORD(task)0 WORD(a)5 STRING(\"x)7 SYMBOL({)10 WORD(after)12 WORD(b)18 SYMBOL(.)19",
                show(Lexemes.of("task a \"x\n{ after b.")));
    }

    @Test
    void commentsAreKeptAndUnclosedStringsAreStrings() {
        assertEquals("COMMENT(# hi)0 WORD(note)5 STRING(\"open)10", show(Lexemes.of("# hi\nnote \"open")));
        assertEquals("LITERAL(5d)0 LITERAL(2027-01-04)3 LITERAL(50%)14 SYMBOL(>=)18 OTHER(@)21",
                show(Lexemes.of("5d 2027-01-04 50% >= @")));
    }

    @Test
    void offsetsCountUtf16UnitsAfterAnEmoji() {
        // the emoji is one code point (ANTLR's index) but two UTF-16 units (the offsets)
        List<Lexeme> ls = Lexemes.of("task a \"🚀 go\" { }");
        assertEquals("STRING(\"🚀 go\")7 SYMBOL({)15 SYMBOL(})17", show(ls.subList(2, 5)));
    }
}
