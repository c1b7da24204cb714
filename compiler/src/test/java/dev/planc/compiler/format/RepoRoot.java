package dev.planc.compiler.format;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root: system property {@code planc.repoRoot}, else the nearest directory up holding {@code mvnw}. */
public final class RepoRoot {
    private RepoRoot() {}

    public static Path get() {
        String prop = System.getProperty("planc.repoRoot");
        if (prop != null && !prop.isBlank() && Files.isRegularFile(Path.of(prop).resolve("mvnw"))) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root: set -Dplanc.repoRoot or run below the "
                + "directory that holds mvnw (working directory " + Path.of("").toAbsolutePath() + ")");
    }
}
