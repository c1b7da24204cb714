package dev.planc.compiler.format;

import dev.planc.compiler.Golden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.planc.testing.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden tests: each {@code src/test/resources/format/NAME.plan} formats to the
 * {@code NAME.formatted} beside it. Run with {@code -Dplanc.updateGolden=true} (or
 * {@code PLANC_UPDATE_GOLDEN=1}) to rewrite the expectations, then review the diff.
 * Also formats every example plan and checks idempotence and AST preservation.
 */
class GoldenFormatTest {

    private static final Path FIXTURES = Repository.root().resolve("compiler/src/test/resources/format");

    static boolean updating() {
        return Boolean.parseBoolean(System.getProperty("planc.updateGolden", "false"))
                || "1".equals(System.getenv("PLANC_UPDATE_GOLDEN"));
    }

    @TestFactory
    Stream<DynamicTest> goldenSnippets() {
        return fixtures().stream().map(plan -> DynamicTest.dynamicTest(plan.getFileName().toString(), () -> {
            String name = plan.getFileName().toString();
            String actual = FormatCheck.check(name, read(plan));
            Path expectedFile = plan.resolveSibling(name.replaceFirst("\\.plan$", ".formatted"));
            if (updating()) {
                if (!Files.exists(expectedFile) || !read(expectedFile).equals(actual)) {
                    Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
                }
                return;
            }
            if (!Files.exists(expectedFile)) {
                fail("missing " + expectedFile + ": run the tests with -Dplanc.updateGolden=true to create it, "
                        + "then review it. The formatter printed:\n" + actual);
            }
            String expected = read(expectedFile);
            if (!expected.equals(actual)) {
                fail(name + " does not format to " + expectedFile.getFileName()
                        + " (rerun with -Dplanc.updateGolden=true if the change is intended)\n"
                        + TextDiff.diff(expected, actual));
            }
            // An expectation is itself canonical.
            assertEquals(expected, FormatCheck.check(expectedFile.getFileName().toString(), expected));
        }));
    }

    @Test
    void everyExpectationHasItsInput() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            List<String> orphans = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".formatted"))
                    .filter(n -> !Files.exists(FIXTURES.resolve(n.replaceFirst("\\.formatted$", ".plan"))))
                    .collect(Collectors.toList());
            assertEquals(List.of(), orphans, "expectations without a .plan input");
        }
        assertTrue(fixtures().size() >= 15, "at least 15 golden cases, found " + fixtures().size());
    }

    @TestFactory
    Stream<DynamicTest> examplesAreStableUnderFormatting() throws IOException {
        Path examples = Repository.root().resolve("examples");
        List<Path> plans;
        try (Stream<Path> walk = Files.walk(examples)) {
            plans = walk.filter(p -> p.toString().endsWith(".plan")).sorted().collect(Collectors.toList());
        }
        assertTrue(plans.size() >= 3, "expected the example plans in " + examples);
        return plans.stream().map(p -> DynamicTest.dynamicTest(examples.relativize(p).toString(),
                () -> FormatCheck.check(p.toString(), read(p))));
    }

    private static List<Path> fixtures() {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".plan")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
