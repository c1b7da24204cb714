package dev.planc.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.planc.compiler.Compiler;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.source.Source;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticLinesTest {

    @Test
    void aDiagnosticIsPathLineColumnCodeMessageThenItsLabelAndHelp() {
        // Columns count code points: the emoji before the typo is one column, two UTF-16 units.
        Source src = new Source("/p/site.plan", """
                plan "Site" {
                  start 2027-01-04
                }

                task design "Design" { duration 10d }
                task build "🎨 Build" { duration 5d  after desgin }
                """);
        List<Diagnostic> ds = Compiler.compile(src, p -> fail(p)).diagnostics();
        assertEquals(1, ds.size(), ds::toString);
        assertEquals("/p/site.plan:[6,43] E0201 unknown task `desgin` in `after` of task `build`\n"
                + "  did you mean `design`?", DiagnosticLines.format(ds.get(0)));
    }

    @Test
    void helpLinesFollowIndented() {
        Source src = new Source("/p/late.plan", """
                plan "Late" {
                  start 2027-01-04
                }

                task build "Build" { duration 15d }
                milestone beta "Beta" { after build  deadline 2027-01-08 }
                """);
        List<Diagnostic> ds = Compiler.compile(src, p -> fail(p)).diagnostics();
        assertEquals(1, ds.size(), ds::toString);
        String[] lines = DiagnosticLines.format(ds.get(0)).split("\n");
        assertEquals("/p/late.plan:[6,1] E0307 `beta` finishes 2027-01-22T17:00, 10 working days after its deadline "
                + "2027-01-08", lines[0]);
        assertEquals(3, lines.length);
        assertEquals("  help: shorten or parallelise that chain, add people to it, or move the deadline", lines[2]);
    }

    @Test
    void countsSayHowManyInHowManyFiles() {
        assertEquals("1 error in 1 file", DiagnosticLines.count(1, "error", 1));
        assertEquals("3 errors in 2 files", DiagnosticLines.count(3, "error", 2));
    }

    private static dev.planc.compiler.source.SourceLoader.LoadResult fail(Path p) {
        return new dev.planc.compiler.source.SourceLoader.LoadResult.Failed("no includes in this test", true);
    }
}
