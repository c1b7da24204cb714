package dev.planc.cli;

import dev.planc.testing.Repository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real packaged CLI ({@code cli/target/planc.jar}) as a separate process. */
final class PlancProcess {
    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }


    static Path jar() {
        return Repository.root().resolve("cli/target/planc.jar");
    }

    static Run run(Path workDir, String... args) throws IOException, InterruptedException {
        return runAt(null, workDir, args);
    }

    /** Runs with the runtime's clock fixed at {@code now} (PLANC_NOW, an ISO instant), or the real clock when null. */
    static Run runAt(@org.jspecify.annotations.Nullable String now, Path workDir, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-jar");
        cmd.add(jar().toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().remove("NO_COLOR");
        pb.environment().remove("PLANC_NOW");
        if (now != null) {
            pb.environment().put("PLANC_NOW", now);
        }
        Path out = Files.createTempFile("planc-out", ".txt");
        Path err = Files.createTempFile("planc-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("planc timed out: " + cmd);
        }
        Run r = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return r;
    }
}
