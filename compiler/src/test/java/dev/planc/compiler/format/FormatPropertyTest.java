package dev.planc.compiler.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.planc.compiler.ast.AstDump;
import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.ast.PlanFile;
import dev.planc.compiler.ast.Str;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;


/**
 * Properties of the formatter over random valid plans (see {@link PlanTextGenerator}): the input
 * parses cleanly, formatting is idempotent, keeps the AST and keeps every comment.
 */
class FormatPropertyTest {

    @Provide
    Arbitrary<String> plans() {
        return PlanTextGenerator.plans();
    }

    @Property(tries = 200)
    void generatedPlansParseWithoutDiagnostics(@ForAll("plans") String text) {
        PlanFile file = FormatCheck.parseClean("generated.plan", text);
        Statistics.label("declarations").collect(Math.min(file.decls().size(), 4));
        Statistics.label("comments").collect(file.comments().isEmpty() ? "none" : file.comments().size() < 5 ? "few" : "many");
    }

    @Property(tries = 200)
    void formattingIsIdempotent(@ForAll("plans") String text) {
        String once = Formatter.format(FormatCheck.parseClean("generated.plan", text));
        String twice = Formatter.format(FormatCheck.parseClean("formatted.plan", once));
        assertEquals(once, twice, () -> "not idempotent for\n" + text + "\n" + TextDiff.diff(once, twice));
        FormatCheck.layout("formatted.plan", once, FormatCheck.parseClean("formatted.plan", once));
    }

    @Property(tries = 200)
    void formattingKeepsTheAst(@ForAll("plans") String text) {
        PlanFile original = FormatCheck.parseClean("generated.plan", text);
        String formatted = Formatter.format(original);
        String before = AstDump.dump(original);
        String after = AstDump.dump(FormatCheck.parseClean("formatted.plan", formatted));
        assertEquals(before, after, () -> "AST changed for\n" + text + "\nformatted:\n" + formatted + "\n"
                + TextDiff.diff(before, after));
    }

    @Property(tries = 200)
    void everyCommentSurvivesOnceInOrder(@ForAll("plans") String text) {
        PlanFile original = FormatCheck.parseClean("generated.plan", text);
        String formatted = Formatter.format(original);
        PlanFile reparsed = FormatCheck.parseClean("formatted.plan", formatted);
        assertEquals(original.comments().size(), reparsed.comments().size(), () -> "comment count changed:\n" + formatted);
        assertEquals(FormatCheck.comments(original), FormatCheck.comments(reparsed),
                () -> "comment text or order changed:\n" + formatted);
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings()
                .withCharRange('\u0000', '\ud7ff')
                .withCharRange('\ue000', '\uffff')
                .withChars('\n', '\r', '\t', '"', '\\', '{', '}')
                .ofMaxLength(30)
                .injectDuplicates(0.1)
                .edgeCases(c -> c.add("\u0000\u007f\u0085\u009f\r\n\"\\"))
                .map(s -> s + "🚀");
    }

    /** A string literal printed from any decoded value reads back as that value. */
    @Property(tries = 500)
    void stringLiteralsRoundTrip(@ForAll("anyText") String value) {
        String text = "task a " + Printer.quote(value) + " { }\n";
        PlanFile file = FormatCheck.parseClean("string.plan", text);
        Str title = ((Decl.TaskDecl) file.decls().get(0)).title();
        assertEquals(value, title == null ? null : title.value());
    }
}
