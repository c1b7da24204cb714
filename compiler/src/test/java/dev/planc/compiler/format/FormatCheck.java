package dev.planc.compiler.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.planc.compiler.ast.AstDump;
import dev.planc.compiler.ast.Comment;
import dev.planc.compiler.ast.PlanFile;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.syntax.SyntaxParser;
import java.util.List;
import java.util.stream.Collectors;

/** The properties every formatted file must have, shared by the golden, example and property tests. */
public final class FormatCheck {
    private FormatCheck() {}

    /** Parses {@code text}, failing when the parser reports anything. */
    static PlanFile parseClean(String name, String text) {
        Diagnostics diagnostics = new Diagnostics();
        PlanFile file = SyntaxParser.parse(new Source(name, text), diagnostics);
        if (diagnostics.size() > 0) {
            fail(name + ": the parser reported\n" + describe(diagnostics.all()) + "\nfor\n" + text);
        }
        return file;
    }

    static String describe(List<Diagnostic> all) {
        return all.stream()
                .map(d -> "  " + d.code() + " " + d.span().location() + ": " + d.message())
                .collect(Collectors.joining("\n"));
    }

    /**
     * Formats {@code text} and checks: the output parses cleanly to the same AST, formatting it
     * again changes nothing, every comment survives in order, and the layout invariants hold.
     * Returns the formatted text.
     */
    public static String check(String name, String text) {
        PlanFile original = parseClean(name, text);
        String once = Formatter.format(original);
        PlanFile reparsed = parseClean(name + " (formatted)", once);
        String before = AstDump.dump(original);
        String after = AstDump.dump(reparsed);
        if (!before.equals(after)) {
            fail(name + ": formatting changed the AST\n" + TextDiff.diff(before, after) + "\nformatted text:\n" + once);
        }
        String twice = Formatter.format(reparsed);
        if (!once.equals(twice)) {
            fail(name + ": formatting is not idempotent\n" + TextDiff.diff(once, twice));
        }
        assertEquals(comments(original), comments(reparsed), name + ": comments changed; formatted text:\n" + once);
        layout(name, once, reparsed);
        return once;
    }

    /** Comment texts in source order, normalized the way the formatter prints them. */
    static List<String> comments(PlanFile file) {
        return file.comments().stream().map(FormatCheck::normalized).collect(Collectors.toList());
    }

    static String normalized(Comment c) {
        return String.join("\n", Layout.commentLines(c));
    }

    /** Invariants of any formatted text; {@code parsed} is its parse, for the comment spans. */
    static void layout(String name, String out, PlanFile parsed) {
        if (out.isEmpty()) {
            return;
        }
        if (!out.endsWith("\n") || out.endsWith("\n\n")) {
            fail(name + ": output must end with exactly one newline:\n" + out);
        }
        if (out.indexOf('\r') >= 0) {
            fail(name + ": output contains a carriage return");
        }
        String[] lines = out.substring(0, out.length() - 1).split("\n", -1);
        int[] starts = new int[lines.length];
        for (int i = 1; i < lines.length; i++) {
            starts[i] = starts[i - 1] + lines[i - 1].length() + 1;
        }
        // Which lines start inside a (multi-line) comment, and which offsets are comment text.
        boolean[] commentText = new boolean[out.length() + 1];
        for (Comment c : parsed.comments()) {
            for (int k = c.span().start(); k < c.span().end(); k++) {
                commentText[k] = true;
            }
        }
        boolean[] inComment = new boolean[lines.length];
        for (int i = 0; i < lines.length; i++) {
            inComment[i] = starts[i] > 0 && commentText[starts[i] - 1]; // the line break before it is comment text
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!line.isEmpty() && Character.isWhitespace(line.charAt(line.length() - 1))) {
                fail(name + ": trailing whitespace on line " + (i + 1) + ": [" + line + "]\n" + out);
            }
            if (!line.isEmpty() || inComment[i]) {
                continue;
            }
            if (i == 0) {
                fail(name + ": output starts with a blank line");
            }
            if (lines[i - 1].isEmpty() && !inComment[i - 1]) {
                fail(name + ": two blank lines in a row at line " + (i + 1) + "\n" + out);
            }
            int prevEnd = starts[i - 1] + lines[i - 1].length();
            if (lines[i - 1].endsWith("{") && !commentText[prevEnd - 1]) {
                fail(name + ": blank line right after `{` at line " + (i + 1) + "\n" + out);
            }
            if (i + 1 < lines.length && lines[i + 1].strip().equals("}") && !inComment[i + 1]) {
                fail(name + ": blank line right before `}` at line " + (i + 1) + "\n" + out);
            }
        }
    }
}
