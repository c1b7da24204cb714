package dev.planc.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.planc.compiler.source.Source;
import org.eclipse.lsp4j.Position;
import org.junit.jupiter.api.Test;

/** Offsets ↔ LSP positions: 0-based lines ending at LF, CRLF or a lone CR; columns in UTF-16 units. */
class PositionsTest {
    @Test
    void columnsCountUtf16UnitsSoAnEmojiCountsTwo() {
        Source s = new Source("p.plan", "a \"🚀\" b\nc");
        int b = s.text().indexOf('b');
        assertEquals(new Position(0, 7), Positions.position(s, b));
        assertEquals(b, Positions.offset(s, new Position(0, 7)));
        assertEquals(new Position(1, 0), Positions.position(s, s.text().indexOf('c')));
    }

    @Test
    void everyLineEndingOfTheProtocol() {
        Source s = new Source("p.plan", "a\r\nb\rc\nd");
        for (char ch : new char[] {'a', 'b', 'c', 'd'}) {
            int at = s.text().indexOf(ch);
            Position p = Positions.position(s, at);
            assertEquals(ch - 'a', p.getLine());
            assertEquals(0, p.getCharacter());
            assertEquals(at, Positions.offset(s, p));
        }
    }

    @Test
    void positionsPastTheEndClamp() {
        String text = "ab\ncd";
        assertEquals(2, Positions.offset(text, new Position(0, 99)));
        assertEquals(text.length(), Positions.offset(text, new Position(7, 0)));
        assertEquals(new Position(1, 2), Positions.position(new Source("p", text), 99));
    }
}
