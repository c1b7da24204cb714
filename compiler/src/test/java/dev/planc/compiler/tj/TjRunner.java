package dev.planc.compiler.tj;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs TaskJuggler's {@code tj3} on a .tjp text and reads back the CSV task report. */
final class TjRunner {
    private TjRunner() {}

    /** One task as TJ scheduled it. */
    record Span(LocalDateTime start, LocalDateTime end) {}

    /** tj3 on the PATH, if any. */
    static Optional<Path> tj3() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, "tj3");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Schedules the project; throws with TJ's own messages when it does not succeed. */
    static Map<String, Span> schedule(Path tj3, String tjp) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("planc-tj");
        try {
            Path file = dir.resolve("plan.tjp");
            Files.writeString(file, tjp, StandardCharsets.UTF_8);
            Path log = dir.resolve("tj3.log");
            Process p = new ProcessBuilder(tj3.toString(), "--silent", "--no-color", "-o", dir.toString(),
                    file.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("tj3 did not finish within 300 s");
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            Path csv = dir.resolve("tjout.csv");
            if (p.exitValue() != 0 || !Files.exists(csv) || out.contains("Error")) {
                throw new IllegalStateException("tj3 failed (exit " + p.exitValue() + "):\n" + out);
            }
            return parse(Files.readAllLines(csv, StandardCharsets.UTF_8));
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    static Map<String, Span> parse(List<String> lines) {
        Map<String, Span> out = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(";");
            if (f.length < 3) {
                throw new IllegalStateException("unexpected line in TJ's CSV: " + line);
            }
            out.put(unquote(f[0]), new Span(LocalDateTime.parse(unquote(f[1])), LocalDateTime.parse(unquote(f[2]))));
        }
        return out;
    }

    private static String unquote(String s) {
        String t = s.trim();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }
}
