package dev.planc.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.TextRenderer;
import dev.planc.compiler.source.FileSourceLoader;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.SourceLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden diagnostics: every {@code errorfiles/NAME.plan} is compiled and its rendered diagnostics
 * compared with {@code NAME.errors} beside it. Files under {@code errorfiles/lib/} are only
 * included by others.
 */
class ErrorFilesTest {
    static final Path DIR = Path.of("src/test/resources/errorfiles");

    static List<Path> fixtures() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".plan")).sorted().toList();
        }
    }

    /**
     * Files are named relative to {@link #DIR}, as a user who runs {@code planc check} there sees
     * them, so the examples in the docs read {@code E0201_unknown_task.plan:8:39}.
     */
    static String render(Path plan) {
        SourceLoader disk = new FileSourceLoader();
        SourceLoader loader = p -> {
            SourceLoader.LoadResult r = disk.load(p.isAbsolute() ? p : DIR.resolve(p));
            return r instanceof SourceLoader.LoadResult.Loaded l
                    ? new SourceLoader.LoadResult.Loaded(new Source(p.toString(), l.source().text())) : r;
        };
        SourceLoader.LoadResult loaded = loader.load(DIR.relativize(plan));
        if (loaded instanceof SourceLoader.LoadResult.Failed f) {
            return "cannot read: " + f.reason() + "\n";
        }
        Result<CompiledPlan> r = Compiler.compile(((SourceLoader.LoadResult.Loaded) loaded).source(), loader);
        return new TextRenderer(false).render(r.diagnostics());
    }

    @TestFactory
    Stream<DynamicTest> errorFiles() throws IOException {
        return fixtures().stream().map(plan -> DynamicTest.dynamicTest(plan.getFileName().toString(), () -> {
            String name = plan.getFileName().toString().replaceFirst("\\.plan$", ".errors");
            Golden.check(plan.resolveSibling(name), render(plan));
        }));
    }

    /** Every code in the catalogue has a fixture that makes the compiler report it. */
    @Test
    void everyCodeHasAFailingFixture() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path plan : fixtures()) {
            Path expected = plan.resolveSibling(plan.getFileName().toString().replaceFirst("\\.plan$", ".errors"));
            if (Files.exists(expected)) {
                all.append(Files.readString(expected, StandardCharsets.UTF_8));
            }
        }
        List<String> missing = new ArrayList<>();
        for (Code c : Code.values()) {
            String tag = c.severity().label() + "[" + c.id() + "]";
            if (!all.toString().contains(tag)) {
                missing.add(c.id());
            }
        }
        assertTrue(missing.isEmpty(), "codes without a failing fixture: " + missing);
    }
}
