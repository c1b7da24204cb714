package dev.planc.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is, for tests that read its examples or run its packaged jar. */
public final class Repository {
    private Repository() {}

    /** The repository root: {@code planc.repoRoot}, else the nearest parent holding {@code mvnw}. */
    public static Path root() {
        String prop = System.getProperty("planc.repoRoot");
        if (prop != null && Files.exists(Path.of(prop, "mvnw"))) {
            return Path.of(prop);
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("mvnw"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository root");
        }
        return p;
    }
}
