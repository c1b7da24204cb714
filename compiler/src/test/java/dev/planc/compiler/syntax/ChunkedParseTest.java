package dev.planc.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planc.compiler.ast.AstDump;
import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.ast.Ident;
import dev.planc.compiler.ast.PlanFile;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;
import dev.planc.compiler.format.PlanTextGenerator;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.Span;
import dev.planc.testing.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;

/**
 * The parse in chunks ({@link SyntaxParser#parse(Source, Diagnostics, int)} with 2 to 4 chunks,
 * forced whatever the size) gives what the parse of the whole file gives (1 chunk): the same tree
 * with the same spans ({@code equals} of the records and {@link AstDump}), the same comments, and
 * the same diagnostics in the same order; for every plan in the repository, for mutants of them
 * (most of which must fall back to the whole-file parse), and for random valid plans. Plans from
 * the benchmark generators, above the size threshold, are checked in the bench module
 * ({@code GeneratedPlansChunkedParseTest}).
 */
class ChunkedParseTest {
    private static final int[] CHUNKS = {2, 3, 4};

    /** Every .plan file of the repository (examples, test resources, the Maven plugin's ITs, ...). */
    static List<Path> repositoryPlans() {
        Path root = Repository.root();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".plan"))
                    .filter(p -> {
                        String rel = root.relativize(p).toString().replace('\\', '/');
                        return !rel.startsWith(".git/") && !rel.contains("/target/") && !rel.startsWith("target/")
                                && !rel.contains("node_modules/");
                    })
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a parse gave, with the diagnostics written out for a readable failure. */
    record Parsed(PlanFile file, List<Diagnostic> diagnostics) {
        List<String> described() {
            return diagnostics.stream().map(d -> d.code().id() + " " + d.span().start() + ".." + d.span().end() + " "
                    + d.message()).collect(Collectors.toList());
        }
    }

    static Parsed parse(Source source, int chunks) {
        Diagnostics d = new Diagnostics();
        PlanFile file = SyntaxParser.parse(source, d, chunks);
        return new Parsed(file, d.all());
    }

    /**
     * Parses {@code text} whole and in 2, 3 and 4 chunks and asserts the results are the same.
     * Returns how many of the chunked parses were used (not dropped for the whole-file parse).
     */
    static int assertSameInChunks(String name, String text) {
        Source source = new Source(name, text);
        Parsed whole = parse(source, 1);
        String dump = AstDump.dump(whole.file());
        int used = 0;
        for (int chunks : CHUNKS) {
            String what = name + " in " + chunks + " chunks";
            PlanFile alone = SyntaxParser.chunked(source, chunks);
            Parsed split = parse(source, chunks);
            assertEquals(dump, AstDump.dump(split.file()), what + ": AST");
            assertEquals(whole.file().comments(), split.file().comments(), what + ": comments");
            assertEquals(whole.described(), split.described(), what + ": diagnostics");
            assertEquals(whole.diagnostics(), split.diagnostics(), what + ": diagnostics (labels and help too)");
            assertEquals(whole.file(), split.file(), what + ": the trees with their spans");
            if (alone != null) {
                used++;
                assertTrue(whole.diagnostics().isEmpty(), what + ": chunks used although the file has diagnostics");
                assertEquals(whole.file(), alone, what + ": the chunked parse alone");
                spansPointAtTheirText(alone, text, what);
            }
        }
        return used;
    }

    /** Each declaration's span covers its keyword to its closing brace, and its name's span the name. */
    static void spansPointAtTheirText(PlanFile file, String text, String what) {
        for (Decl d : file.decls()) {
            String keyword = keyword(d);
            Span s = d.span();
            assertTrue(text.startsWith(keyword, s.start()), what + ": " + keyword + " at " + s.start() + " begins "
                    + s.text().substring(0, Math.min(20, s.text().length())));
            if (!(d instanceof Decl.IncludeDecl)) {
                assertTrue(s.text().endsWith("}"), what + ": " + keyword + " at " + s.start() + " ends with }");
            }
            assertEquals(line(text, s.start()), s.line(), what);
            Ident id = id(d);
            if (id != null) {
                assertEquals(id.name(), id.span().text(), what + ": the span of " + keyword + " " + id.name());
            }
        }
    }

    /** The 1-based line of {@code offset}, counted by hand: lines end at LF, CRLF or a lone CR. */
    static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }

    private static String keyword(Decl d) {
        String kind = d.getClass().getSimpleName(); // PlanDecl, TaskDecl, ...
        return kind.substring(0, kind.length() - "Decl".length()).toLowerCase(Locale.ROOT);
    }

    private static @Nullable Ident id(Decl d) {
        for (RecordComponent c : d.getClass().getRecordComponents()) {
            if (c.getName().equals("id")) {
                try {
                    return (Ident) c.getAccessor().invoke(d);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ the repository's plans

    @Example
    void everyPlanOfTheRepositoryParsesTheSameInChunks() {
        List<Path> plans = repositoryPlans();
        assertTrue(plans.size() > 100, "found " + plans.size() + " plans");
        int clean = 0;
        for (Path p : plans) {
            String text = read(p);
            int used = assertSameInChunks(p.toString(), text);
            boolean cleanFile = parse(new Source(p.toString(), text), 1).diagnostics().isEmpty();
            boolean surrogates = text.chars().anyMatch(c -> Character.isSurrogate((char) c));
            if (cleanFile && !surrogates && !SplitPoints.find(text, 2).isEmpty()) {
                clean++;
                // A clean file with a place to cut is parsed in chunks, at least in two.
                assertTrue(used > 0, p + ": clean, with a cut at " + SplitPoints.find(text, 2)
                        + ", but never parsed in chunks");
            }
        }
        assertTrue(clean >= 20, "only " + clean + " clean plans to cut");
    }

    /** Openers and closers of blocks, strings and comments, bad characters and escapes, inserted anywhere. */
    private static final List<String> INSERTS = List.of("{", "}", "\"", "/*", "*/", "#", "\\", "\\q", "\\u{zz}", "é",
            "(", ")", "\n", "task", "\ntask x {", "\n}\n", "10 d", "@", "“");

    @Example
    void mutantsOfTheRepositoryPlansParseTheSameInChunksAndMostFallBack() {
        Random random = new Random(20270104);
        int mutants = 0;
        int fellBack = 0;
        for (Path p : repositoryPlans()) {
            String text = read(p);
            if (text.length() < 200) {
                continue;
            }
            for (int m = 0; m < 6; m++) {
                int at = random.nextInt(text.length() + 1);
                String insert = INSERTS.get(random.nextInt(INSERTS.size()));
                String mutant = text.substring(0, at) + insert + text.substring(at);
                int used = assertSameInChunks(p + " with " + visible(insert) + " at " + at, mutant);
                mutants++;
                if (used == 0) {
                    fellBack++;
                }
            }
        }
        assertTrue(mutants > 300, mutants + " mutants");
        assertTrue(fellBack * 2 > mutants, "only " + fellBack + " of " + mutants + " mutants fell back");
        assertTrue(fellBack < mutants, "every mutant fell back: is the chunked parse ever used?");
    }

    private static String visible(String s) {
        return s.replace("\n", "\\n");
    }

    // ------------------------------------------------------------------ cuts anywhere

    /** The starts of the lines of {@code text} after the first, as cuts. */
    static List<SplitPoints.Cut> lineStarts(String text) {
        List<SplitPoints.Cut> starts = new ArrayList<>();
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                if (i + 1 < text.length()) {
                    starts.add(new SplitPoints.Cut(i + 1, line));
                }
            }
        }
        return starts;
    }

    /**
     * Whatever the cuts (any line starts: inside blocks, comments, declarations), the parse in
     * chunks is either dropped or gives exactly the whole-file result: the checks of the chunks do
     * not rely on {@link SplitPoints} having chosen well.
     */
    @Example
    void cutsAtAnyLineStartAreEitherDroppedOrRight() {
        Random random = new Random(4711);
        int tried = 0;
        int used = 0;
        for (Path p : repositoryPlans()) {
            String text = read(p);
            Source source = new Source(p.toString(), text);
            Parsed whole = parse(source, 1);
            List<SplitPoints.Cut> starts = lineStarts(text);
            if (starts.isEmpty()) {
                continue;
            }
            for (int t = 0; t < 30; t++) {
                List<SplitPoints.Cut> cuts = new ArrayList<>();
                int n = 1 + random.nextInt(3);
                for (int k = 0; k < n; k++) {
                    cuts.add(starts.get(random.nextInt(starts.size())));
                }
                cuts = cuts.stream().distinct().sorted((a, b) -> a.offset() - b.offset()).toList();
                PlanFile file = SyntaxParser.chunked(source, cuts);
                tried++;
                if (file != null) {
                    used++;
                    String what = p + " cut at " + cuts;
                    assertTrue(whole.diagnostics().isEmpty(), what + ": chunks used although the file has diagnostics");
                    assertEquals(whole.file(), file, what);
                    assertEquals(AstDump.dump(whole.file()), AstDump.dump(file), what);
                }
            }
        }
        assertTrue(used > tried / 10 && used < tried, used + " of " + tried + " cuts used");
    }

    @Example
    void cutsThatSplitATokenOrADeclarationAreDropped() {
        String text = "task a { }\n/* x\ntask b { } */\ntask\ntask { }\ntask c {\n  duration 1d\n}\ntask e { }\n";
        Source source = new Source("t.plan", text);
        assertNotNull(SyntaxParser.chunked(source, List.of(cutBefore(text, "task e"))));
        assertNull(SyntaxParser.chunked(source, List.of(cutBefore(text, "task b"))), "in a comment");
        assertNull(SyntaxParser.chunked(source, List.of(cutBefore(text, "task {"))), "task named task");
        assertNull(SyntaxParser.chunked(source, List.of(cutBefore(text, "  duration"))), "in a block");
        assertNull(SyntaxParser.chunked(source, List.of(cutBefore(text, "task c"), cutBefore(text, "  duration"))));
        assertSameInChunks("t.plan", text);

        // A task named `plan`: what follows the cut parses alone, as a plan block.
        String named = "task a { }\ntask\nplan \"x\" { }\n";
        assertNull(SyntaxParser.chunked(new Source("t.plan", named), List.of(cutBefore(named, "plan"))));
        assertEquals(List.of(cutBefore(named, "plan")), SplitPoints.find(named, 2), "the scan cuts there too");
        assertSameInChunks("t.plan", named);

        // A cut in a block comment, where what follows parses alone: `"*/ ... # "` is a string.
        String comment = "task a { }\n/*\ntask b \"*/ task c { } # \" { }\n";
        assertEquals(List.of(), parse(new Source("t.plan", comment), 1).diagnostics());
        assertNull(SyntaxParser.chunked(new Source("t.plan", comment), List.of(cutBefore(comment, "task b"))));
        assertSameInChunks("t.plan", comment);
    }

    private static SplitPoints.Cut cutBefore(String text, String what) {
        int at = text.indexOf(what);
        return new SplitPoints.Cut(at, 1 + (int) text.substring(0, at).chars().filter(c -> c == '\n').count());
    }

    // ------------------------------------------------------------------ particular texts

    @Example
    void cutsAreAtDeclarationsOutsideBlocksStringsAndComments() {
        String text = "task a {\ntask b { }\n}\n"          // nested: depth 1
                + "task c \"x\n"                           // unterminated string: ends at the line end
                + "/* \ntask d { }\n*/\n"                  // in a comment
                + "# task e\n"
                + "   task f { note \"\\\"{\" }\n"        // a cut (spaces before the keyword)
                + "tasks g\n"                              // not a keyword
                + "milestone h { }\n";
        List<SplitPoints.Cut> cuts = SplitPoints.find(text, 2);
        assertEquals(1, cuts.size(), cuts.toString());
        int f = text.indexOf("   task f");
        assertEquals(f, cuts.get(0).offset());
        assertEquals(1 + text.substring(0, f).chars().filter(c -> c == '\n').count(), cuts.get(0).line());
        // after f's string, with its escaped quote and brace, the depth is 0 again
        List<SplitPoints.Cut> more = SplitPoints.find(text, 8);
        assertEquals(List.of(text.indexOf("task c"), f, text.indexOf("milestone h")),
                more.stream().map(SplitPoints.Cut::offset).toList());
        assertTrue(SplitPoints.find("task a { }\n/* task b { }\ntask c { }\n", 2).isEmpty(), "unclosed comment");
        assertTrue(SplitPoints.find("task a { }\ntask b { }\n", 1).isEmpty());
    }

    @Example
    void aCleanFileIsParsedInChunksAndItsSecondChunkHasTheRightSpans() {
        StringBuilder b = new StringBuilder("plan \"p\" { start 2027-01-04 }\n");
        for (int i = 0; i < 200; i++) {
            b.append("# task ").append(i).append("\n/* block\n   comment */\ntask t").append(i).append(" \"T").append(i)
                    .append("\" {\n  duration ").append(i % 9 + 1).append("d\n  after t").append(Math.max(0, i - 1))
                    .append("\n}\n");
        }
        String text = b.toString();
        Source source = new Source("big.plan", text);
        for (int chunks : CHUNKS) {
            PlanFile file = SyntaxParser.chunked(source, chunks);
            assertNotNull(file, chunks + " chunks");
            assertEquals(201, file.decls().size());
            assertEquals(400, file.comments().size());
            List<SplitPoints.Cut> cuts = SplitPoints.find(text, chunks);
            assertEquals(chunks - 1, cuts.size());
            int last = cuts.get(cuts.size() - 1).offset();
            Decl.TaskDecl after = (Decl.TaskDecl) file.decls().stream().filter(d -> d.span().start() >= last)
                    .findFirst().orElseThrow();
            int at = text.indexOf("task " + after.id().name() + " ");
            assertEquals(at, after.span().start());
            assertEquals(text.indexOf("\n}\n", at) + 2, after.span().end());
            assertEquals(text.indexOf(after.id().name() + " ", at), after.id().span().start());
            assertEquals(line(text, at), after.span().line());
            assertEquals(text.substring(0, at).length() - text.lastIndexOf('\n', at - 1), after.span().column());
        }
        assertSameInChunks("big.plan", text);
    }

    @Example
    void aProblemInAnyChunkSendsTheWholeFileDownTheOldPath() {
        String clean = "task a { duration 1d }\ntask b { duration 2d }\ntask c { duration 3d }\ntask d { }\n";
        assertNotNull(SyntaxParser.chunked(new Source("t.plan", clean), 4));
        List<String> broken = List.of(
                clean.replace("task c {", "task c \"open {"),          // unterminated string (repaired)
                clean.replace("task b {", "task b /* {"),               // comment never closed
                clean.replace("task d { }", "task d { note \"\\q\" }"), // bad escape (a lowering diagnostic)
                clean.replace("task d { }", "task d { duration 10 d }"), // a repaired duration
                clean.replace("task b {", "task b ¤ {"),                 // a bad character
                clean.replace("task c {", "task c {{"),                 // SLL fails
                clean.replace("task a { duration 1d }", "task a { duration 1d"), // a declaration runs on
                clean.replace("task d { }", "task d { when " + "(".repeat(201) + " }")); // too deep
        for (String text : broken) {
            Source source = new Source("t.plan", text);
            assertNull(SyntaxParser.chunked(source, 4), visible(text));
            assertSameInChunks("t.plan", text);
        }
    }

    @Example
    void aVeryLongUnaryChainIsNotTrustedToAChunk() {
        // Pool threads have 16 MB stacks; the caller's may not parse this (see SyntaxParser).
        String text = "task a { }\ncontingency c { when " + "not ".repeat(3000) + "x }\ntask b { }\n";
        Source source = new Source("t.plan", text);
        assertNull(SyntaxParser.chunked(source, 3));
        String shorter = "task a { }\ncontingency c { when " + "not ".repeat(100) + "x }\ntask b { }\n";
        assertNotNull(SyntaxParser.chunked(new Source("t.plan", shorter), 3));
    }

    @Example
    void surrogatesAreNotChunked() {
        String text = "task a \"🚀\" { }\ntask b { }\ntask c { }\n";
        assertFalse(SplitPoints.find(text, 2).isEmpty());
        assertNull(SyntaxParser.chunked(new Source("t.plan", text), 2));
        assertSameInChunks("t.plan", text);
    }

    @Example
    void crlfLineEndsAndTrailingTriviaParseTheSame() {
        String text = "task a {\r\n}\r\n# c\r\ntask b { }\r\n\r\n  /* end */\r\ntask c {\r\n}\r\n"
                + "task d { }\r\n# last";
        assertNotNull(SyntaxParser.chunked(new Source("t.plan", text), 2));
        assertSameInChunks("t.plan", text);
    }

    // ------------------------------------------------------------------ random valid plans

    @Provide
    Arbitrary<String> plans() {
        return PlanTextGenerator.plans();
    }

    @Property(tries = 200, seed = "20270104")
    void randomValidPlansParseTheSameInChunks(@ForAll("plans") String text) {
        assertSameInChunks("random.plan", text);
    }
}
