package dev.planc.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for the tests: Debian's binaries ({@code apt-get install postgresql};
 * {@code .ci/run} does it), a fresh cluster in a temporary directory, listening on a free
 * loopback port, stopped when the test JVM exits. Started once per JVM; each test takes a fresh
 * database. Missing binaries skip the test with a message — unless {@code PLANC_REQUIRE_POSTGRES=1}
 * (set by {@code .ci/run}), which fails it instead.
 *
 * <p>PostgreSQL refuses to run as root, so as root the cluster belongs to the {@code postgres}
 * user that Debian's package creates, and its commands run through {@code runuser}.
 */
public final class PostgresServer {
    private static PostgresServer shared;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresServer(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The shared server, started on first use; skips (or fails, in CI) when PostgreSQL is missing. */
    public static synchronized PostgresServer get() {
        if (shared == null) {
            Path bin = findBin();
            if (bin == null) {
                String why = "PostgreSQL server binaries (initdb, pg_ctl) not found: apt-get install postgresql";
                if ("1".equals(System.getenv("PLANC_REQUIRE_POSTGRES"))) {
                    throw new AssertionError(why + " (PLANC_REQUIRE_POSTGRES=1)");
                }
                Assumptions.abort(why);
            }
            try {
                shared = start(bin);
            } catch (IOException | InterruptedException e) {
                throw new AssertionError("cannot start PostgreSQL from " + bin + ": " + e.getMessage(), e);
            }
            PostgresServer s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
        }
        return shared;
    }

    /** A JDBC URL of a new, empty database on the shared server. */
    public static String newDatabase() {
        PostgresServer s = get();
        String name = "planc_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(s.url("postgres"), props());
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new AssertionError("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return s.url(name);
    }

    /** Connection properties for the test cluster's superuser. */
    public static Properties props() {
        Properties p = new Properties();
        p.setProperty("user", "planc");
        return p;
    }

    public int port() {
        return port;
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static Path findBin() {
        List<Path> candidates = new ArrayList<>();
        Path lib = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> versions = Files.list(lib)) {
                versions.map(v -> v.resolve("bin")).sorted(Comparator.reverseOrder()).forEach(candidates::add);
            } catch (IOException ignored) {
                // fall back to PATH
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String p : path.split(File.pathSeparator)) {
                candidates.add(Path.of(p));
            }
        }
        for (Path c : candidates) {
            if (Files.isExecutable(c.resolve("initdb")) && Files.isExecutable(c.resolve("pg_ctl"))) {
                return c;
            }
        }
        return null;
    }

    private static PostgresServer start(Path bin) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("planc-pg");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        PostgresServer server = new PostgresServer(bin, dir, port, root);
        if (root) {
            server.run(List.of("chown", "postgres:postgres", dir.toString()), false);
        }
        Path data = dir.resolve("data");
        server.run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "planc", "-A", "trust",
                "-E", "UTF8", "--no-locale", "--no-sync"), true);
        server.run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60",
                "-l", dir.resolve("server.log").toString(),
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir
                        + " -c max_connections=200", "start"), true);
        return server;
    }

    private void run(List<String> command, boolean asOwner) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asOwner && asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            String log = "";
            Path serverLog = dir.resolve("server.log");
            if (Files.exists(serverLog)) {
                log = "\nserver log:\n" + Files.readString(serverLog);
            }
            throw new IOException(String.join(" ", full) + " failed:\n" + out + log);
        }
    }

    private void stop() {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                    "-w", "stop"), true);
        } catch (IOException | InterruptedException ignored) {
            // the JVM is exiting; the directory is temporary
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
