package dev.planc.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file comparison. Set {@code -Dplanc.updateGolden=true} or {@code PLANC_UPDATE_GOLDEN=1}
 * to rewrite expectations instead of comparing (then review the diff in Git).
 */
public final class Golden {
    private Golden() {}

    public static boolean updating() {
        return Boolean.getBoolean("planc.updateGolden") || "1".equals(System.getenv("PLANC_UPDATE_GOLDEN"));
    }

    public static void check(Path expectedFile, String actual) throws IOException {
        if (updating()) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(expectedFile)) {
            throw new AssertionError("missing golden file " + expectedFile + "; run with -Dplanc.updateGolden=true\n"
                    + "actual:\n" + actual);
        }
        assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual, "golden file " + expectedFile);
    }

}
