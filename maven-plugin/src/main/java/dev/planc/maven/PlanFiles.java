package dev.planc.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The plans a goal works on: the files under the source directory that the patterns select. */
final class PlanFiles {
    static final List<String> DEFAULT_INCLUDES = List.of("**/*.plan");

    private PlanFiles() {}

    /**
     * Regular files under {@code dir} matched by an include and by no exclude, sorted by path
     * (so the build log and the outputs come in the same order on every machine).
     *
     * @param includes patterns relative to {@code dir}; empty means {@link #DEFAULT_INCLUDES}
     */
    static List<Path> find(Path dir, List<String> includes, List<String> excludes) throws IOException {
        PathPatterns in = PathPatterns.of(includes.isEmpty() ? DEFAULT_INCLUDES : includes);
        PathPatterns out = PathPatterns.of(excludes);
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> {
                        String relative = relative(dir, f);
                        return in.matches(relative) && !out.matches(relative);
                    })
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** {@code f} relative to {@code dir}, names separated by {@code /} on every OS. */
    static String relative(Path dir, Path f) {
        Path r = dir.relativize(f);
        StringBuilder s = new StringBuilder();
        for (Path name : r) {
            if (s.length() > 0) {
                s.append('/');
            }
            s.append(name);
        }
        return s.toString();
    }
}
