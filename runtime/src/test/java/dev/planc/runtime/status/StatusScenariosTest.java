package dev.planc.runtime.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden scenarios: shop.plan + NAME.journal + NAME.at → NAME.status.json. The figures that
 * matter are also worked out by hand in {@link HandWorkedStatusTest}. Regenerate the files with
 * {@code -Dplanc.updateGolden=true} (or PLANC_UPDATE_GOLDEN=1) and review the diff.
 */
class StatusScenariosTest {
    private static final boolean UPDATE = Boolean.getBoolean("planc.updateGolden")
            || "1".equals(System.getenv("PLANC_UPDATE_GOLDEN"));

    @TestFactory
    Stream<DynamicTest> scenarios() throws IOException {
        List<Path> journals;
        try (Stream<Path> s = Files.list(Scenarios.DIR)) {
            journals = s.filter(p -> p.toString().endsWith(".journal")).sorted().toList();
        }
        return journals.stream().map(j -> DynamicTest.dynamicTest(j.getFileName().toString(), () -> {
            String name = j.getFileName().toString().replaceFirst("\\.journal$", "");
            String actual = StatusJson.write(Scenarios.status(name));
            Path golden = Scenarios.DIR.resolve(name + ".status.json");
            if (UPDATE || !Files.exists(golden)) {
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
            }
            assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, "golden file " + golden);
        }));
    }
}
