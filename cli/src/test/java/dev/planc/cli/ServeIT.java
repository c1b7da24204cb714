package dev.planc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.planc.testing.Repository;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: {@code planc serve} through the packaged jar, with the journal file. */
class ServeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOW = "2027-03-10T09:00:00Z";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    /** A running server and the URL it printed. */
    private record Served(Process process, URI uri) {}

    private Served serve(String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", PlancProcess.jar().toString(), "serve", "release.plan", "--port", "0"));
        cmd.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectError(dir.resolve("serve.err").toFile());
        pb.environment().put("PLANC_NOW", NOW);
        pb.environment().put("PLANC_TOKEN", "tok");
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertTrue(line != null, "serve printed nothing; stderr: " + Files.readString(dir.resolve("serve.err")));
        Matcher m = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)").matcher(line);
        assertTrue(m.find(), line);
        return new Served(p, URI.create(m.group(1)));
    }

    private HttpResponse<String> post(Served s, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(s.uri().resolve("/api/events")).header("Authorization", "Bearer tok")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesLogsAndSurvivesSigkillWithoutLosingAnAcknowledgedEvent() throws Exception {
        Files.copy(Repository.root().resolve("examples/release.plan"), dir.resolve("release.plan"));
        Served s = serve();
        Set<String> acked = new HashSet<>();
        try {
            HttpResponse<String> dashboard = http.send(HttpRequest.newBuilder(s.uri()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, dashboard.statusCode());
            assertTrue(dashboard.body().contains("<svg") || dashboard.body().contains("dashboard.js"));
            HttpResponse<String> first = post(s, "{\"type\": \"start\", \"task\": \"design.api_spec\", "
                    + "\"at\": \"2027-03-01T09:00\"}");
            assertEquals(201, first.statusCode(), first.body());
            JSON.readTree(first.body()).get("stored").forEach(id -> acked.add(id.asText()));
            for (int i = 0; i < 30; i++) {
                HttpResponse<String> r = post(s, "{\"type\": \"note\", \"value\": \"note " + i + "\"}");
                assertEquals(201, r.statusCode(), r.body());
                JSON.readTree(r.body()).get("stored").forEach(id -> acked.add(id.asText()));
            }
        } finally {
            s.process().destroyForcibly(); // SIGKILL: no shutdown hook runs
            s.process().waitFor(30, TimeUnit.SECONDS);
        }
        // The CLI reads the same journal: every acknowledged event is there.
        PlancProcess.Run status = PlancProcess.runAt(NOW, dir, "status", "release.plan", "--format", "json");
        assertEquals(0, status.exit(), status.all());
        JsonNode tasks = JSON.readTree(status.out()).get("tasks");
        boolean started = false;
        for (JsonNode t : tasks) {
            started |= t.get("id").asText().equals("design.api_spec") && t.get("state").asText().equals("in_progress");
        }
        assertTrue(started, status.out());
        String journal = Files.readString(dir.resolve("release.journal"));
        for (String id : acked) {
            assertTrue(journal.contains("\"id\":\"" + id + "\""), "acknowledged event " + id + " lost");
        }
        // A restarted server serves the same events.
        Served again = serve();
        try {
            JsonNode listed = JSON.readTree(http.send(HttpRequest.newBuilder(again.uri().resolve("/api/events")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).get("events");
            Set<String> ids = new HashSet<>();
            listed.forEach(e -> ids.add(e.get("id").asText()));
            assertTrue(ids.containsAll(acked));
        } finally {
            again.process().destroy();
            again.process().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void logStatusAndServeShareAPostgresStore() throws Exception {
        Files.copy(Repository.root().resolve("examples/release.plan"), dir.resolve("release.plan"));
        String url = dev.planc.testing.PostgresServer.newDatabase() + "?user=planc";
        PlancProcess.Run logged = PlancProcess.runAt(NOW, dir, "log", "release.plan", "start", "design.api_spec",
                "--at", "2027-03-01T09:00", "--store", url);
        assertEquals(0, logged.exit(), logged.all());
        assertTrue(logged.out().contains("logged 1 event to " + url + " (journal `release`)"), logged.out());
        assertFalse(Files.exists(dir.resolve("release.journal")), "the database, not the journal file");

        Served s = serve("--store", url);
        Set<String> acked = new HashSet<>();
        try {
            JsonNode listed = JSON.readTree(http.send(HttpRequest.newBuilder(s.uri().resolve("/api/events")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).get("events");
            assertEquals("design.api_spec", listed.get(0).get("subject").asText(), "serve sees what log stored");
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> r = post(s, "{\"type\": \"progress\", \"task\": \"design.api_spec\", "
                        + "\"value\": " + (i + 1) * 5 + ", \"at\": \"2027-03-0" + (i % 5 + 1) + "T1" + i + ":00\"}");
                assertEquals(201, r.statusCode(), r.body());
                JSON.readTree(r.body()).get("stored").forEach(id -> acked.add(id.asText()));
            }
        } finally {
            s.process().destroyForcibly(); // SIGKILL
            s.process().waitFor(30, TimeUnit.SECONDS);
        }
        PlancProcess.Run status = PlancProcess.runAt(NOW, dir, "status", "release.plan", "--format", "json",
                "--store", url);
        assertEquals(0, status.exit(), status.all());
        for (JsonNode t : JSON.readTree(status.out()).get("tasks")) {
            if (t.get("id").asText().equals("design.api_spec")) {
                assertEquals(50, t.get("progress").asInt(), "the last progress the server acknowledged");
            }
        }
        assertEquals(10, acked.size());
    }

    @Test
    void badOptionsAreUsageErrorsWithoutAStackTrace() throws Exception {
        Files.copy(Repository.root().resolve("examples/release.plan"), dir.resolve("release.plan"));
        PlancProcess.Run noToken = PlancProcess.run(dir, "serve", "release.plan", "--token-file", "missing.token");
        assertEquals(2, noToken.exit());
        assertTrue(noToken.err().contains("cannot read --token-file missing.token"), noToken.err());
        PlancProcess.Run hook = PlancProcess.run(dir, "serve", "release.plan", "--webhook", "ftp://x");
        assertEquals(2, hook.exit());
        assertTrue(hook.err().contains("--webhook `ftp://x` is not an http(s) URL"), hook.err());
        PlancProcess.Run store = PlancProcess.run(dir, "status", "release.plan", "--store",
                "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
        assertEquals(2, store.exit());
        assertTrue(store.err().contains("planc: cannot connect to jdbc:postgresql://127.0.0.1:1/none"), store.err());
        PlancProcess.Run both = PlancProcess.run(dir, "status", "release.plan", "--store", "jdbc:postgresql://x/y",
                "--journal", "a.journal");
        assertEquals(2, both.exit());
        for (PlancProcess.Run r : List.of(noToken, hook, store, both)) {
            assertFalse(r.err().contains("\tat "), r.err());
        }
    }
}
