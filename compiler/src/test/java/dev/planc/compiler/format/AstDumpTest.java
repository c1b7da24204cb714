package dev.planc.compiler.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planc.compiler.ast.AstDump;
import org.junit.jupiter.api.Test;

/** {@link AstDump}: structure only, no spans, no comments, every value exact. */
class AstDumpTest {

    private static String dump(String text) {
        return AstDump.dump(FormatCheck.parseClean("dump.plan", text));
    }

    @Test
    void spacingSpansAndCommentsDoNotShow() {
        assertEquals(dump("task a \"A\" { duration 1d after b + 2d }"),
                dump("# lead\n\n  task   a\n\"A\"{duration 1d;/* x */after b+2d}  # end"));
    }

    @Test
    void valuesShowExactly() {
        assertNotEquals(dump("metric m { baseline 3.0 }"), dump("metric m { baseline 3 }"));
        assertNotEquals(dump("task a \"A\" { }"), dump("task a \"a\" { }"));
        assertNotEquals(dump("task a { after b.start }"), dump("task a { after b }"));
        assertNotEquals(dump("contingency c { when (a) }"), dump("contingency c { when a }"));
        assertNotEquals(dump("task a { after b - 1d }"), dump("task a { after b + 1d }"));
    }

    @Test
    void readableShape() {
        String d = dump("task a { duration 1.50d }");
        assertTrue(d.startsWith("PlanFile(\n  decls=[\n    Decl.TaskDecl("), d);
        assertTrue(d.contains("Dur(amount=1.50, unit=D, unitText=\"d\")"), d);
        assertTrue(d.contains("title=null"), d);
        assertFalse(d.contains("span"), d);
        assertFalse(d.contains("comments"), d);
    }
}
