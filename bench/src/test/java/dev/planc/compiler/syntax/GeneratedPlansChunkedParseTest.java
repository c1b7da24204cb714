package dev.planc.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planc.bench.PlanGenerator;
import dev.planc.bench.tj.ContentionPlans;
import dev.planc.compiler.ast.AstDump;
import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.ast.PlanFile;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;
import dev.planc.compiler.source.Source;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The parse in chunks of the benchmark generators' plans, on both sides of
 * {@link SyntaxParser#CHUNKED_FROM}: the same trees (spans included), comments and diagnostics as
 * the whole-file parse, and clean plans really are parsed in chunks. In the syntax package (a
 * package of the compiler, from this module's tests) for the package-private entries; here
 * because the generators live in this module. The repository's own plans are checked in the
 * compiler's {@code ChunkedParseTest}.
 */
class GeneratedPlansChunkedParseTest {

    private static PlanFile parse(Source source, int chunks, Diagnostics diagnostics) {
        return SyntaxParser.parse(source, diagnostics, chunks);
    }

    /** Whole and in 2, 3 and 4 chunks: the same; returns how many chunked parses were used. */
    private static int assertSameInChunks(String name, String text) {
        Source source = new Source(name, text);
        Diagnostics wholeDiagnostics = new Diagnostics();
        PlanFile whole = parse(source, 1, wholeDiagnostics);
        String dump = AstDump.dump(whole);
        int used = 0;
        for (int chunks = 2; chunks <= 4; chunks++) {
            String what = name + " in " + chunks + " chunks";
            Diagnostics d = new Diagnostics();
            PlanFile split = parse(source, chunks, d);
            assertEquals(dump, AstDump.dump(split), what);
            assertEquals(whole.comments(), split.comments(), what);
            assertEquals(describe(wholeDiagnostics.all()), describe(d.all()), what);
            assertEquals(wholeDiagnostics.all(), d.all(), what);
            assertEquals(whole, split, what + ": spans");
            PlanFile alone = SyntaxParser.chunked(source, chunks);
            if (alone != null) {
                used++;
                assertEquals(0, wholeDiagnostics.size(), what);
                assertEquals(whole, alone, what);
                int lastCut = SplitPoints.find(text, chunks).get(chunks - 2).offset();
                for (Decl decl : alone.decls()) {
                    if (decl.span().start() >= lastCut && decl instanceof Decl.TaskDecl t) {
                        assertTrue(decl.span().text().startsWith("task " + t.id().name()), what);
                        assertEquals(t.id().name(), t.id().span().text(), what);
                    }
                }
            }
        }
        return used;
    }

    private static List<String> describe(List<Diagnostic> list) {
        return list.stream().map(d -> d.code().id() + " " + d.span().start() + ".." + d.span().end() + " "
                + d.message()).toList();
    }

    @ParameterizedTest(name = "PlanGenerator {0} tasks, seed {1}")
    @CsvSource({"300, 1", "1000, 7", "3000, 3", "4000, 20270104", "5000, 11", "20000, 20270104"})
    void planGeneratorPlans(int tasks, long seed) {
        String text = PlanGenerator.generate(tasks, seed);
        assertEquals(3, assertSameInChunks("generated.plan", text), tasks + " tasks: parsed in 2, 3 and 4 chunks");
    }

    @ParameterizedTest(name = "ContentionPlans {0} tasks, {1} resources, seed {2}")
    @CsvSource({"500, 10, 1", "5000, 50, 20270104", "5000, 50, 5", "10000, 50, 2"})
    void contentionPlans(int tasks, int resources, long seed) {
        String text = ContentionPlans.generate(tasks, resources, seed)[0];
        assertEquals(3, assertSameInChunks("contention.plan", text), tasks + " tasks: parsed in 2, 3 and 4 chunks");
    }

    @Test
    void theSizesCrossTheThreshold() {
        assertTrue(PlanGenerator.generate(3000, 3).length() < SyntaxParser.CHUNKED_FROM);
        assertTrue(ContentionPlans.generate(5000, 50, 5)[0].length() < SyntaxParser.CHUNKED_FROM);
        assertTrue(PlanGenerator.generate(4000, 20270104).length() > SyntaxParser.CHUNKED_FROM);
        assertTrue(ContentionPlans.generate(10000, 50, 2)[0].length() > SyntaxParser.CHUNKED_FROM);
    }

    /** Openers inserted at random places: the results stay the same, and most fall back to the whole-file parse. */
    @Test
    void mutantsOfGeneratedPlans() {
        List<String> inserts = List.of("{", "}", "\"", "/*", "#", "\\", "\\q", "é", "(", "@", "10 d");
        Random random = new Random(20270104);
        String[] bases = {PlanGenerator.generate(1500, 5), ContentionPlans.generate(1500, 20, 9)[0]};
        int mutants = 0;
        int fellBack = 0;
        for (String base : bases) {
            for (int m = 0; m < 12; m++) {
                int at = random.nextInt(base.length());
                String insert = inserts.get(random.nextInt(inserts.size()));
                String text = base.substring(0, at) + insert + base.substring(at);
                if (assertSameInChunks("mutant.plan (" + insert + " at " + at + ")", text) == 0) {
                    fellBack++;
                }
                mutants++;
            }
        }
        assertTrue(fellBack * 2 > mutants, fellBack + " of " + mutants + " fell back");
    }

    @Test
    void anUnterminatedStringInTheSecondHalfSendsTheFileDownTheOldPath() {
        String text = PlanGenerator.generate(5000, PlanGenerator.DEFAULT_SEED);
        Source source = new Source("g.plan", text);
        assertNotNull(SyntaxParser.chunked(source, 2));
        int middle = text.indexOf("\ntask ", text.length() / 2) + 1;
        String broken = text.substring(0, middle) + "task x \"open {\n" + text.substring(middle);
        Diagnostics d = new Diagnostics();
        parse(new Source("g.plan", broken), 2, d);
        assertFalse(d.all().isEmpty());
        assertNull(SyntaxParser.chunked(new Source("g.plan", broken), 2));
        assertSameInChunks("g.plan", broken);
    }
}
