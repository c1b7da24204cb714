package dev.planc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load and fault test of {@code planc serve} (issue 5; run by {@code bench/serve-load.sh}).
 *
 * <p>Starts the real server ({@code java -jar cli/target/planc.jar serve}) on a plan, then for
 * {@code --seconds}: {@code --readers} threads loop on {@code GET /api/status} and
 * {@code --writers} threads loop on {@code POST /api/events} (a note on a random task, each
 * answer's stored ids kept). Reports every non-2xx answer or failed request, p50/p99/max latency
 * of both, and then counts: every acknowledged event must be in {@code GET /api/events}.
 *
 * <p>With {@code --kill-after S}, the server is killed with SIGKILL S seconds into the writes
 * (requests in flight then fail, and are not acknowledged), restarted on the same store, and the
 * count is made against the restarted server: nothing acknowledged may be lost.
 *
 * <pre>java -cp bench/target/planc-bench.jar dev.planc.bench.ServeLoad --plan P --jar cli/target/planc.jar
 *     [--store JDBC_URL] [--seconds 60] [--readers 200] [--writers 50] [--kill-after S]</pre>
 * Exit 0 when nothing failed (outside the kill window) and nothing acknowledged was lost.
 */
public final class ServeLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "load-test-token";
    private static final String NOW = "2027-02-01T10:00:00Z";

    private final Path plan;
    private final Path jar;
    private final String store;
    private final int seconds;
    private final int readers;
    private final int writers;
    private final int killAfter;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Process server;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicBoolean killWindow = new AtomicBoolean(); // the server is being killed and restarted
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong failedDuringKill = new AtomicLong();
    private final List<String> firstErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

    private ServeLoad(Map<String, String> a) throws IOException {
        plan = Path.of(a.get("--plan"));
        jar = Path.of(a.getOrDefault("--jar", "cli/target/planc.jar"));
        store = a.get("--store");
        seconds = Integer.parseInt(a.getOrDefault("--seconds", "60"));
        readers = Integer.parseInt(a.getOrDefault("--readers", "200"));
        writers = Integer.parseInt(a.getOrDefault("--writers", "50"));
        killAfter = Integer.parseInt(a.getOrDefault("--kill-after", "-1"));
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i], args[i + 1]);
        }
        if (!a.containsKey("--plan")) {
            System.err.println("usage: ServeLoad --plan PLAN [--jar JAR] [--store JDBC_URL] [--seconds 60] "
                    + "[--readers 200] [--writers 50] [--kill-after S]");
            System.exit(2);
        }
        System.exit(new ServeLoad(a).run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        Path tokenFile = Files.createTempFile("planc-load", ".token");
        Files.writeString(tokenFile, TOKEN);
        startServer(tokenFile);
        JsonNode schedule = JSON.readTree(get("/api/schedule").body());
        List<String> tasks = new ArrayList<>();
        for (JsonNode t : schedule.get("tasks")) {
            if (t.get("kind").asText().equals("task") && !t.get("contingent").asBoolean()) {
                tasks.add(t.get("id").asText());
            }
        }
        int before = JSON.readTree(get("/api/events").body()).get("events").size();
        System.out.printf("plan %s: %d tasks; store %s; %d events before; %d readers, %d writers, %d s%s%n",
                plan, schedule.get("tasks").size(), store == null ? "journal file" : store, before, readers, writers,
                seconds, killAfter >= 0 ? "; SIGKILL after " + killAfter + " s, then restart" : "");

        Set<String> acked = ConcurrentHashMap.newKeySet();
        Latencies reads = new Latencies();
        Latencies writes = new Latencies();
        CountDownLatch done = new CountDownLatch(readers + writers);
        clients("status", readers, done, (n, random) -> {
            long t0 = System.nanoTime();
            // As a browser asks: gzip accepted; the whole body is received.
            HttpResponse<byte[]> res = http.send(HttpRequest.newBuilder(uri("/api/status"))
                    .header("Accept-Encoding", "gzip").timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (res.statusCode() != 200) {
                fail("status " + res.statusCode() + " " + new String(res.body(), StandardCharsets.UTF_8));
            } else {
                reads.add(System.nanoTime() - t0);
            }
        });
        clients("post", writers, done, (n, random) -> {
            String task = tasks.get(random.nextInt(tasks.size()));
            String body = "{\"type\": \"note\", \"task\": \"" + task + "\", \"value\": \"load " + n + "\"}";
            long t0 = System.nanoTime();
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(uri("/api/events"))
                    .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 201) {
                fail("post " + res.statusCode() + " " + res.body());
            } else {
                writes.add(System.nanoTime() - t0);
                for (JsonNode id : JSON.readTree(res.body()).get("stored")) {
                    acked.add(id.asText());
                }
            }
        });
        long start = System.nanoTime();
        if (killAfter >= 0) {
            Thread.sleep(killAfter * 1000L);
            killWindow.set(true);
            long pid = server.pid();
            server.destroyForcibly(); // SIGKILL
            server.waitFor();
            System.out.printf("killed the server (pid %d) with SIGKILL after %d acknowledged events; restarting%n",
                    pid, acked.size());
            startServer(tokenFile);
            killWindow.set(false);
        }
        long left = seconds * 1_000_000_000L - (System.nanoTime() - start);
        if (left > 0) {
            Thread.sleep(left / 1_000_000);
        }
        stop.set(true);
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;

        JsonNode listed = JSON.readTree(get("/api/events").body()).get("events");
        Set<String> present = new java.util.HashSet<>();
        for (JsonNode e : listed) {
            present.add(e.get("id").asText());
        }
        long lost = acked.stream().filter(id -> !present.contains(id)).count();
        server.destroy();
        server.waitFor();

        System.out.printf("%.1f s: %d status reads (%.0f/s), p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", elapsed,
                reads.count(), reads.count() / elapsed, reads.ms(0.50), reads.ms(0.99), reads.ms(1.0));
        System.out.printf("%d events acknowledged (%.0f/s), p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", acked.size(),
                acked.size() / elapsed, writes.ms(0.50), writes.ms(0.99), writes.ms(1.0));
        System.out.printf("errors: %d%s; store holds %d events (%d before); acknowledged but missing: %d%n",
                errors.get(), killAfter >= 0 ? " (plus " + failedDuringKill.get()
                        + " failed requests while the server was down, none acknowledged)" : "",
                listed.size(), before, lost);
        firstErrors.stream().limit(5).forEach(e -> System.out.println("  " + e));
        return errors.get() == 0 && lost == 0;
    }

    /** One request of a client thread; {@code n} numbers the client, {@code random} is its own. */
    @FunctionalInterface
    private interface Request {
        void send(int n, java.util.Random random) throws IOException, InterruptedException;
    }

    /**
     * Starts {@code count} daemon threads that repeat {@code request} until {@link #stop}; a
     * request that fails to complete counts as an error (or, while the server is down, apart).
     */
    private void clients(String label, int count, CountDownLatch done, Request request) {
        for (int c = 0; c < count; c++) {
            int n = c;
            Thread t = new Thread(() -> {
                java.util.Random random = new java.util.Random(n);
                try {
                    while (!stop.get()) {
                        try {
                            request.send(n, random);
                        } catch (IOException e) {
                            fail(label + ": " + e);
                            if (killWindow.get()) {
                                Thread.sleep(50);
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
            t.setDaemon(true);
            t.start();
        }
    }

    private void fail(String what) {
        if (killWindow.get()) {
            failedDuringKill.incrementAndGet();
        } else {
            errors.incrementAndGet();
            if (firstErrors.size() < 20) {
                firstErrors.add(what);
            }
        }
    }

    private void startServer(Path tokenFile) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "serve", plan.toString(), "--port", String.valueOf(port), "--token-file",
                tokenFile.toString()));
        if (store != null) {
            cmd.addAll(List.of("--store", store));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of(plan + ".serve.log").toFile()));
        pb.environment().put("PLANC_NOW", NOW);
        server = pb.start();
        long until = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < until) {
            try {
                if (get("/healthz").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(100);
            }
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited: see " + plan + ".serve.log");
            }
        }
        throw new IllegalStateException("the server did not answer within 60 s");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Latencies in nanoseconds, kept whole for exact percentiles. */
    private static final class Latencies {
        private long[] values = new long[1 << 16];
        private int n;

        synchronized void add(long nanos) {
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
            }
            values[n++] = nanos;
        }

        synchronized int count() {
            return n;
        }

        synchronized double ms(double quantile) {
            if (n == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(values, n);
            Arrays.sort(sorted);
            int i = (int) Math.min(n - 1, Math.max(0, Math.ceil(quantile * n) - 1));
            return sorted[i] / 1e6;
        }
    }
}
