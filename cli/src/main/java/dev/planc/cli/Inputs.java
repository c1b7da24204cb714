package dev.planc.cli;

import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.SourceLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands command-line paths: a directory stands for every {@code *.plan} under it, sorted. */
final class Inputs {
    private Inputs() {}

    record Input(Path path, boolean fromDirectory) {}

    /** Reads one root file; when it cannot be read, says why in {@code problems} and returns null. */
    static @org.jspecify.annotations.Nullable Source load(Path path, SourceLoader loader, List<String> problems) {
        SourceLoader.LoadResult loaded = loader.load(path);
        if (loaded instanceof SourceLoader.LoadResult.Failed f) {
            problems.add("cannot read `" + path + "`: " + f.reason());
            return null;
        }
        return ((SourceLoader.LoadResult.Loaded) loaded).source();
    }

    static List<Input> expand(List<Path> args, List<String> problems) {
        List<Input> out = new ArrayList<>();
        for (Path p : args) {
            if (Files.isDirectory(p)) {
                List<Path> found;
                try (Stream<Path> walk = Files.walk(p)) {
                    found = walk.filter(f -> f.getFileName() != null && f.getFileName().toString().endsWith(".plan")
                            && Files.isRegularFile(f)).sorted().toList();
                } catch (IOException | UncheckedIOException e) {
                    problems.add("cannot read directory `" + p + "`: " + e.getMessage());
                    continue;
                }
                if (found.isEmpty()) {
                    problems.add("no .plan files under `" + p + "`");
                }
                for (Path f : found) {
                    out.add(new Input(f, true));
                }
            } else {
                out.add(new Input(p, false));
            }
        }
        return out;
    }
}
