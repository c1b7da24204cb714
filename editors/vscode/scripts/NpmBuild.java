import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Builds the VS Code extension from Maven (editors/vscode/pom.xml runs it with `java NpmBuild.java`,
 * a single-file program, so the module needs no plugin beyond exec-maven-plugin):
 * {@code npm ci}, {@code npm test} (grammar, snapshot and unit tests) and {@code npm run package}
 * (the .vsix in target/).
 *
 * <p>Without npm (or with a Node.js older than 20, which vsce needs) the extension is skipped with a
 * message, so a Java-only machine still builds the rest; with the environment variable
 * {@code PLANC_REQUIRE_NPM=1} (set by .ci/run where npm exists) that is an error instead.
 *
 * <p>Arguments: {@code skipTests} ({@code true} leaves out {@code npm test}).
 */
public final class NpmBuild {

    private static final int NODE_MAJOR_MIN = 20;

    private NpmBuild() {
    }

    public static void main(String[] args) throws Exception {
        boolean skipTests = args.length > 0 && Boolean.parseBoolean(args[0]);
        boolean required = "1".equals(System.getenv("PLANC_REQUIRE_NPM"));
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

        String problem = null;
        File npm = onPath(windows ? "npm.cmd" : "npm");
        File node = onPath(windows ? "node.exe" : "node");
        if (npm == null || node == null) {
            problem = (npm == null ? "npm" : "node") + " is not on the PATH";
        } else {
            String version = output(List.of(node.getPath(), "--version"));
            int major = nodeMajor(version);
            if (major < NODE_MAJOR_MIN) {
                problem = "Node.js " + version.strip() + " is older than " + NODE_MAJOR_MIN + " (needed by @vscode/vsce)";
            }
        }
        if (problem != null) {
            if (required) {
                System.err.println("[planc-vscode] ERROR: " + problem
                        + ", and PLANC_REQUIRE_NPM=1 asks for the VS Code extension to be built and tested.");
                System.exit(1);
            }
            System.out.println("[planc-vscode] SKIPPED: " + problem + ", so the VS Code extension (editors/vscode:"
                    + " grammar tests and .vsix) is not built. Install Node.js " + NODE_MAJOR_MIN
                    + "+ with npm to build it; PLANC_REQUIRE_NPM=1 makes this an error.");
            return;
        }

        run(windows, npm, "ci");
        if (skipTests) {
            System.out.println("[planc-vscode] npm test skipped (skipTests)");
        } else {
            run(windows, npm, "test");
        }
        run(windows, npm, "run", "package");
    }

    private static void run(boolean windows, File npm, String... npmArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (windows) {
            // npm.cmd is a batch file: only cmd.exe runs it.
            command.add("cmd.exe");
            command.add("/c");
        }
        command.add(npm.getPath());
        command.addAll(List.of(npmArgs));
        System.out.println("[planc-vscode] npm " + String.join(" ", npmArgs));
        Process process = new ProcessBuilder(command).inheritIO().start();
        int status = process.waitFor();
        if (status != 0) {
            System.err.println("[planc-vscode] ERROR: npm " + String.join(" ", npmArgs) + " exited with " + status);
            System.exit(status);
        }
    }

    private static File onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            File candidate = new File(dir, name);
            if (candidate.isFile() && candidate.canExecute()) {
                return candidate;
            }
        }
        return null;
    }

    private static String output(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroy();
        }
        return text;
    }

    /** The major version in `v20.11.1`; 0 when the text is no version. */
    private static int nodeMajor(String version) {
        String v = version.strip();
        if (v.startsWith("v")) {
            v = v.substring(1);
        }
        int dot = v.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? v : v.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
