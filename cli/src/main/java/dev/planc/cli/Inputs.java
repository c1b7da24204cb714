package dev.planc.cli;

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
