package dev.planc.compiler.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Edge cases of the layout that the golden files do not show well. */
class FormatterTest {

    private static String fmt(String text) {
        return FormatCheck.check("test.plan", text);
    }

    @Test
    void emptyAndBlankFilesStayEmpty() {
        assertEquals("", fmt(""));
        assertEquals("", fmt("  \n\n\t \r\n"));
        assertEquals("", fmt("\uFEFF"));
    }

    @Test
    void byteOrderMarkIsDropped() {
        assertEquals("task a { }\n", fmt("\uFEFFtask a {}"));
    }

    @Test
    void lineCommentAtEndOfFileWithoutNewline() {
        assertEquals("task a { }\n\n# last\n", fmt("task a {}\n# last"));
        assertEquals("task a { } # last\n", fmt("task a {} # last"));
    }

    @Test
    void outputEndsWithOneNewline() {
        assertEquals("task a { }\n", fmt("task a { }\n\n\n\n"));
        assertEquals("# only\n", fmt("# only\n\n\n"));
    }

    @Test
    void numbersKeepTheirScale() {
        assertEquals("metric m { baseline 3.0  target 3.10 by 2027-01-01 }\n",
                fmt("metric m { baseline 3.0 target 003.10 by 2027-01-01 }"));
    }

    @Test
    void durationWithoutOrWithUnknownUnitIsKeptAsWritten() {
        assertEquals("task a { duration 3  effort 3days }\n", fmt("task a { duration 3 effort 3days }"));
    }

    @Test
    void stringsAreReEscapedFromTheirValue() {
        assertEquals("task a \"\\u{1}\\t\\\"é🚀\" { }\n", fmt("task a \"\\u{0001}\\u{9}\\\"\\u{E9}\\u{1F680}\" { }"));
        assertEquals("task a \"tab\\tnl\\n\" { }\n", fmt("task a \"tab\tnl\\n\" { }"));
    }

    @Test
    void commentInsideEmptyThenKeepsTheBlockOpen() {
        assertEquals("contingency c {\n  then {\n    # nothing yet\n  }\n}\n",
                fmt("contingency c { then {\n # nothing yet\n } }"));
    }

    @Test
    void commentBetweenBraceAndBlockBecomesTrailing() {
        assertEquals("task a { # why\n}\n", fmt("task a {   # why\n\n\n}"));
    }

    @Test
    void commentsInAMultiLineWhenMoveAboveIt() {
        String in = "contingency c {\n  when a # one\n    and b /* two */\n    or c\n}\n";
        assertEquals("contingency c {\n  # one\n  /* two */\n  when a and b or c\n}\n", fmt(in));
    }

    @Test
    void blankLineBeforeACommentThatMovesIsKeptBeforeTheGroup() {
        String in = "task a {\n  duration 1d\n\n  after x, # why x\n    y\n}\n";
        assertEquals("task a {\n  duration 1d\n\n  # why x\n  after x, y\n}\n", fmt(in));
    }

    @Test
    void blockCommentKeepsItsInnerLinesAndLosesTrailingSpaces() {
        String in = "task a {\n        /* first   \n     second  \n   */\n  duration 1d\n}\n";
        assertEquals("task a {\n  /* first\n     second\n   */\n  duration 1d\n}\n", fmt(in));
    }

    @Test
    void carriageReturnsBecomeNewlines() {
        assertEquals("task a { duration 1d }\n", fmt("task a {\r  duration 1d\r}\r"));
        assertEquals("task a {\n  duration 1d\n  # why\n}\n", fmt("task a {\r  duration 1d\r  # why\r}\r"));
        assertEquals("/* a\nb */\n", fmt("/* a\r\nb */"));
    }

    @Test
    void keywordsAsNamesRoundTrip() {
        assertEquals("task start { after start.start + 1d }\n", fmt("task start { after start.start+1d }"));
    }

    @Test
    void smallDeclarationsStayOnOneLineWhenTheyFit() {
        assertEquals("resource bob \"Bob Roe\" { capacity 50%  rate 80 EUR/h }\n",
                fmt("resource bob \"Bob Roe\" {\n  capacity 50%\n  rate 80 EUR/h\n}\n"));
        // four attributes, or a line past 100 columns, or a comment inside: one attribute per line
        assertEquals("task t {\n  duration 1d\n  assign a\n  after b\n  priority 9\n}\n",
                fmt("task t { duration 1d assign a after b priority 9 }"));
        String longTitle = "x".repeat(80);
        assertEquals("task t \"" + longTitle + "\" {\n  duration 1d\n}\n", fmt("task t \"" + longTitle + "\" { duration 1d }"));
        // a run of one-liners keeps its grouping; a multi-line block is set apart
        assertEquals("resource a { }\nresource b { }\n\ntask t {\n  task u { duration 1d }\n}\n",
                fmt("resource a { }\nresource b { }\ntask t { task u { duration 1d } }"));
    }

    @Test
    void largeFilesFormatInLinearTime() {
        StringBuilder in = new StringBuilder("plan \"Big\" { start 2027-01-04 }\n");
        for (int i = 0; i < 3000; i++) {
            in.append("# task ").append(i).append('\n')
                    .append("task t").append(i).append(" \"T\" { /* c */ duration 1d after t").append(Math.max(0, i - 1))
                    .append(" # why\n task sub { } }\n");
        }
        String text = in.toString();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> fmt(text));
    }

    @Test
    void unaryOperatorsAndParentheses() {
        assertEquals("contingency c {\n  when not (-a < --2) and not not b\n}\n",
                fmt("contingency c { when not(- a<- -2)and not not b }"));
    }
}
