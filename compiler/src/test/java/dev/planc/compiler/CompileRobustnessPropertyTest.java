package dev.planc.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.JsonRenderer;
import dev.planc.compiler.diag.TextRenderer;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.SourceLoader;
import dev.planc.testing.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;

/**
 * The whole entry point, not just the parser, survives mutated input: no exception escapes,
 * every diagnostic points inside its source, and both renderers accept every diagnostic.
 * Mutations cut, duplicate and swap token-sized chunks and splice in keywords and junk, so the
 * resolver and rules see half-valid plans as well as broken ones.
 */
class CompileRobustnessPropertyTest {
    private static final List<String> SNIPPETS = List.of("{", "}", "(", ")", "\"", "/*", "#", "task x {", "after ",
            "assign ", ".start", " + 2d", " - 1ed", "contingent", "duration 3", "effort 2d", "10%", "2027-02-30",
            "..", ":", ",", "not ", " or ", " == ", "include \"main.plan\"", "include \"nope.plan\"", "plan \"P\" {",
            "milestone m {", "when ", "then {", "activate ", "\u00e9", "\ud83d\ude80", "\t", "\\u{ZZ}", "\u0007");

    private static final Map<String, String> FILES = load();

    private static Map<String, String> load() {
        Path ex = Repository.root().resolve("examples");
        try {
            return Map.of("release.plan", Files.readString(ex.resolve("release.plan"), StandardCharsets.UTF_8),
                    "launch.plan", Files.readString(ex.resolve("launch.plan"), StandardCharsets.UTF_8),
                    "launch/holidays.plan", Files.readString(ex.resolve("launch/holidays.plan"), StandardCharsets.UTF_8),
                    "construction.plan", Files.readString(ex.resolve("construction.plan"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> base = Arbitraries.of("release.plan", "launch.plan", "construction.plan").map(FILES::get);
        Arbitrary<Long> seeds = Arbitraries.longs();
        Arbitrary<Integer> edits = Arbitraries.integers().between(1, 12);
        return Combinators.combine(base, seeds, edits).as(CompileRobustnessPropertyTest::mutate);
    }

    static String mutate(String text, long seed, int edits) {
        Random r = new Random(seed);
        StringBuilder s = new StringBuilder(text);
        for (int i = 0; i < edits && s.length() > 0; i++) {
            int at = r.nextInt(s.length());
            int len = Math.min(s.length() - at, 1 + r.nextInt(12));
            switch (r.nextInt(5)) {
                case 0 -> s.delete(at, at + len);
                case 1 -> s.insert(at, s.substring(at, at + len));
                case 2 -> {
                    int other = r.nextInt(s.length());
                    int olen = Math.min(s.length() - other, len);
                    String a = s.substring(at, at + len);
                    String b = s.substring(other, other + olen);
                    if (other >= at + len) {
                        s.replace(other, other + olen, a).replace(at, at + len, b);
                    }
                }
                case 3 -> s.insert(at, SNIPPETS.get(r.nextInt(SNIPPETS.size())));
                default -> s.insert(at, (char) r.nextInt(0x3000));
            }
        }
        return s.toString();
    }

    @Property(tries = 1000, seed = "20270104")
    void compileNeverThrowsAndSpansStayInside(@ForAll("mutated") String text) {
        Source root = new Source("main.plan", text);
        SourceLoader loader = path -> {
            String key = path.toString().replace('\\', '/');
            String body = key.equals("main.plan") ? text : FILES.get(key);
            return body == null ? new SourceLoader.LoadResult.Failed("no such file", true)
                    : new SourceLoader.LoadResult.Loaded(new Source(key, body));
        };
        Result<CompiledPlan> result = Compiler.compile(root, loader);
        for (Diagnostic d : result.diagnostics()) {
            int len = d.span().source().text().length();
            assertTrue(d.span().start() >= 0 && d.span().end() <= len, d + " outside 0.." + len);
            assertTrue(d.span().line() >= 1 && d.span().column() >= 1, d.toString());
        }
        new TextRenderer(true).render(result.diagnostics());
        JsonRenderer.render(result.diagnostics());
    }
}
