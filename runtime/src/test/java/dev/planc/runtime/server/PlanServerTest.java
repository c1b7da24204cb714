package dev.planc.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.planc.compiler.output.ScheduleWriters;
import dev.planc.runtime.journal.Event;
import dev.planc.runtime.journal.JournalFile;
import dev.planc.runtime.status.StatusJson;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code planc serve} over a journal file, through real HTTP. */
class PlanServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDateTime MONDAY = LocalDateTime.parse("2027-01-04T10:00");

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private ServerFixture serve(String token) throws Exception {
        return serve(token, List.of());
    }

    private ServerFixture serve(String token, List<URI> hooks) throws Exception {
        ServerFixture f = new ServerFixture(JournalFile.open(journal(), w -> { }), MONDAY, token, hooks);
        open.add(f);
        return f;
    }

    private Path journal() {
        return dir.resolve("shop.journal");
    }

    /** What the journal holds, without the runtime's checkpoints. */
    private List<Event> stored() throws Exception {
        try (JournalFile j = JournalFile.open(journal(), w -> { })) {
            return j.read().events().stream().filter(e -> e.type() != Event.Type.CHECKED).toList();
        }
    }

    @Test
    void readsAnswerWithTheSameDocumentsAsTheCli() throws Exception {
        ServerFixture f = serve(ServerFixture.TOKEN);
        HttpResponse<String> health = f.get("/healthz");
        assertEquals(200, health.statusCode());
        assertEquals("ok", JSON.readTree(health.body()).get("status").asText());

        HttpResponse<String> schedule = f.get("/api/schedule");
        assertEquals(200, schedule.statusCode());
        assertEquals("application/json; charset=utf-8", schedule.headers().firstValue("Content-Type").orElse(""));
        assertEquals(ScheduleWriters.json(f.compiled.schedule()), schedule.body());

        HttpResponse<String> status = f.get("/api/status");
        assertEquals(StatusJson.write(f.runtime.status(MONDAY, false)), status.body());
        HttpResponse<String> then = f.get("/api/status?at=2027-01-20T12:00");
        assertEquals(StatusJson.write(f.runtime.status(LocalDateTime.parse("2027-01-20T12:00"), false)), then.body());
        assertEquals("2027-01-20T12:00", JSON.readTree(then.body()).get("asOf").asText());

        for (String path : List.of("/api/status", "/api/schedule")) {
            HttpResponse<byte[]> zipped = f.http.send(HttpRequest.newBuilder(f.uri(path))
                    .header("Accept-Encoding", "gzip, deflate").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(""));
            try (InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
                assertEquals(f.get(path).body(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void unknownPathsMethodsAndTimesAreJsonErrors() throws Exception {
        ServerFixture f = serve(ServerFixture.TOKEN);
        HttpResponse<String> missing = f.get("/api/nothing");
        assertEquals(404, missing.statusCode());
        assertEquals("no such resource: /api/nothing", JSON.readTree(missing.body()).get("error").asText());
        HttpResponse<String> escape = f.get("/assets/../../pom.xml");
        assertEquals(404, escape.statusCode());
        HttpResponse<String> delete = f.http.send(HttpRequest.newBuilder(f.uri("/api/status")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, delete.statusCode());
        assertEquals("GET, HEAD", delete.headers().firstValue("Allow").orElse(""));
        HttpResponse<String> head = f.http.send(HttpRequest.newBuilder(f.uri("/healthz"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(String.valueOf(f.get("/healthz").body().getBytes(StandardCharsets.UTF_8).length),
                head.headers().firstValue("Content-Length").orElse(""));
        HttpResponse<String> badAt = f.get("/api/status?at=yesterday");
        assertEquals(400, badAt.statusCode());
        assertTrue(JSON.readTree(badAt.body()).get("error").asText().contains("`yesterday` is not a date-time"),
                badAt.body());
    }

    @Test
    void writesNeedTheToken() throws Exception {
        ServerFixture f = serve(ServerFixture.TOKEN);
        String start = "{\"type\": \"start\", \"task\": \"design\", \"at\": \"2027-01-04T09:00\"}";
        HttpResponse<String> none = f.post("/api/events", start, null);
        assertEquals(401, none.statusCode());
        assertEquals("Bearer realm=\"planc\"", none.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals(401, f.post("/api/events", start, "s3cret-tokeN").statusCode());
        assertEquals(401, f.post("/api/events", start, "s3cret-token-and-more").statusCode());
        assertFalse(Files.exists(journal()), "nothing stored on a refused request");
        assertEquals(201, f.post(start).statusCode());
        assertEquals(1, stored().size());
    }

    @Test
    void withoutAConfiguredTokenEveryWriteIsRefused() throws Exception {
        ServerFixture f = serve(null);
        HttpResponse<String> r = f.post("/api/events", "{\"type\": \"start\", \"task\": \"design\"}", "anything");
        assertEquals(401, r.statusCode());
        assertTrue(r.body().contains("writes are disabled"), r.body());
        assertFalse(Files.exists(journal()));
    }

    @Test
    void aBatchIsStoredWholeOrNotAtAll() throws Exception {
        ServerFixture f = serve(ServerFixture.TOKEN);
        HttpResponse<String> bad = f.post("["
                + "{\"type\": \"start\", \"task\": \"design\", \"at\": \"2027-01-04T09:00\"},"
                + "{\"type\": \"progress\", \"task\": \"design\", \"value\": 140, \"at\": \"2027-01-05T09:00\"},"
                + "{\"type\": \"measure\", \"metric\": \"signups\", \"value\": \"many\"}]");
        assertEquals(400, bad.statusCode());
        JsonNode error = JSON.readTree(bad.body());
        assertEquals("event 3: `value` \"many\" is not a number", error.get("problems").get(0).asText());
        assertFalse(Files.exists(journal()));

        HttpResponse<String> refused = f.post("["
                + "{\"type\": \"start\", \"task\": \"design\", \"at\": \"2027-01-04T09:00\"},"
                + "{\"type\": \"progress\", \"task\": \"design\", \"value\": 140, \"at\": \"2027-01-05T09:00\"}]");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("140"), refused.body());
        assertFalse(Files.exists(journal()), "the runtime's check refused the batch: nothing stored");

        HttpResponse<String> ok = f.post("["
                + "{\"type\": \"start\", \"task\": \"design\", \"at\": \"2027-01-04T09:00\"},"
                + "{\"type\": \"progress\", \"task\": \"design\", \"value\": \"40%\", \"at\": \"2027-01-05T09:00\"},"
                + "{\"type\": \"measure\", \"metric\": \"signups\", \"value\": 12.5, \"at\": \"2027-01-05T09:00\"},"
                + "{\"type\": \"cost\", \"task\": \"design\", \"value\": 99.90, \"currency\": \"EUR\"},"
                + "{\"type\": \"note\", \"value\": \"kick-off done\", \"author\": \"ana\"}]");
        assertEquals(201, ok.statusCode(), ok.body());
        JsonNode ids = JSON.readTree(ok.body()).get("stored");
        List<Event> events = stored();
        assertEquals(5, ids.size());
        for (int i = 0; i < 5; i++) {
            assertEquals(ids.get(i).asText(), events.get(i).id());
        }
        assertEquals(new java.math.BigDecimal("40"), events.get(1).number());
        assertEquals(new java.math.BigDecimal("99.90"), events.get(3).number());
        assertEquals(MONDAY, events.get(3).at(), "without `at`, an event happens now");
        assertEquals("ana", events.get(4).author());
        assertEquals("api", events.get(0).author());

        JsonNode listed = JSON.readTree(f.get("/api/events").body()).get("events");
        assertEquals(5, listed.size() - 1, "the five events and the runtime's checkpoint");
        assertEquals("kick-off done", listed.get(4).get("value").asText());
    }

    @Test
    void malformedBodiesAreNamed() throws Exception {
        ServerFixture f = serve(ServerFixture.TOKEN);
        assertEquals("the body is not JSON (line 1, column 19): Unexpected end-of-input within/between Object entries",
                error(f.post("{\"type\": \"start\", ")));
        assertEquals("unknown event type `fired`: use start, finish, progress, measure, cost or note",
                error(f.post("{\"type\": \"fired\", \"task\": \"design\"}")));
        assertEquals("unknown member `taks` (known: type, task, metric, value, text, currency, at, author)",
                error(f.post("{\"type\": \"start\", \"taks\": \"design\", \"task\": \"design\"}")));
        assertEquals("a start event needs `task`", error(f.post("{\"type\": \"start\"}")));
        assertEquals("the array holds no events", error(f.post("[]")));
        assertEquals("`2027-13-01` is not a date-time: write 2027-02-01T12:00 or 2027-02-01",
                error(f.post("{\"type\": \"start\", \"task\": \"design\", \"at\": \"2027-13-01\"}")));
        assertFalse(Files.exists(journal()));
    }

    private static String error(HttpResponse<String> r) throws Exception {
        assertEquals(400, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("error").asText();
    }

    @Test
    void bodiesOverOneMebibyteAreRefused() throws Exception {
        ServerFixture f = serve(ServerFixture.TOKEN);
        String note = "{\"type\": \"note\", \"value\": \"" + "x".repeat(PlanServer.MAX_BODY) + "\"}";
        HttpResponse<String> sized = f.post(note);
        assertEquals(413, sized.statusCode());
        // Without a Content-Length (chunked), the limit is enforced while reading.
        byte[] bytes = note.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = f.http.send(HttpRequest.newBuilder(f.uri("/api/events"))
                .header("Authorization", "Bearer " + ServerFixture.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode());
        assertFalse(Files.exists(journal()));
        String justUnder = "{\"type\": \"note\", \"value\": \"" + "x".repeat(PlanServer.MAX_BODY - 100) + "\"}";
        assertEquals(201, f.post(justUnder).statusCode());
    }

    @Test
    void theStreamCarriesEventsAndStatus() throws Exception {
        ServerFixture f = serve(ServerFixture.TOKEN);
        BlockingQueue<String> lines = subscribe(f);
        HttpResponse<String> posted = f.post("{\"type\": \"start\", \"task\": \"design\", \"at\": \"2027-01-04T09:00\"}");
        String id = JSON.readTree(posted.body()).get("stored").get(0).asText();
        String data = awaitData(lines, "event");
        assertEquals(id, JSON.readTree(data).get("id").asText());
        assertEquals("in_progress", f.runtime.status(MONDAY, false).tasks().get(0).state().word());
        JsonNode status = JSON.readTree(awaitData(lines, "status"));
        try (JournalFile j = JournalFile.open(journal(), w -> { })) {
            assertEquals(j.read().events().size(), status.get("events").asInt());
        }
    }

    @Test
    void eventsFromAnotherWriterAreStreamedToo() throws Exception {
        ServerFixture a = serve(ServerFixture.TOKEN);
        ServerFixture b = serve(ServerFixture.TOKEN);
        BlockingQueue<String> fromB = subscribe(b);
        HttpResponse<String> posted = a.post("{\"type\": \"start\", \"task\": \"design\", \"at\": \"2027-01-04T09:00\"}");
        assertEquals(201, posted.statusCode());
        String id = JSON.readTree(posted.body()).get("stored").get(0).asText();
        assertEquals(id, JSON.readTree(awaitData(fromB, "event")).get("id").asText());
        assertEquals("in_progress", JSON.readTree(b.get("/api/status").body()).get("tasks").get(0).get("state")
                .asText());
    }

    @Test
    void contingenciesFireAsTimePassesAndHooksHearOfItDespiteFailures() throws Exception {
        BlockingQueue<String> delivered = new LinkedBlockingQueue<>();
        AtomicInteger calls = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> failedFirst = new java.util.concurrent.atomic.AtomicReference<>();
        HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", ex -> {
            try (InputStream in = ex.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                // The first delivery fails: the server must retry it.
                if (calls.incrementAndGet() == 1) {
                    failedFirst.set(body);
                    ex.sendResponseHeaders(503, -1);
                } else {
                    delivered.add(body);
                    ex.sendResponseHeaders(204, -1);
                }
            }
            ex.close();
        });
        hook.start();
        open.add(() -> hook.stop(0));
        URI url = URI.create("http://127.0.0.1:" + hook.getAddress().getPort() + "/hook");
        ServerFixture f = serve(ServerFixture.TOKEN, List.of(url));
        BlockingQueue<String> lines = subscribe(f);
        assertEquals(201, f.post("{\"type\": \"start\", \"task\": \"design\", \"at\": \"2027-01-04T09:00\"}")
                .statusCode());
        // A reading far below the line turns the metric red (it was green without readings).
        assertEquals(201, f.post("{\"type\": \"measure\", \"metric\": \"signups\", \"value\": 0}").statusCode());
        JsonNode flag;
        do {
            flag = JSON.readTree(awaitData(lines, "flag")); // the EVM flags change too
        } while (!flag.get("kind").asText().equals("metric"));
        assertEquals("signups", flag.get("subject").asText());
        assertEquals("green", flag.get("from").asText());
        assertEquals("red", flag.get("to").asText());
        assertTrue(flag.get("message").asText().startsWith("`signups` is 0, expected "), flag.toString());
        // Design (5d of effort) is still running on the 13th: build slips more than a day.
        f.clock.set(LocalDateTime.parse("2027-01-13T09:00"));
        String firedNow;
        do {
            firedNow = JSON.readTree(awaitData(lines, "fired")).get("contingency").asText();
        } while (!firedNow.equals("late_build"));
        List<Event> firings = stored().stream().filter(e -> e.type() == Event.Type.FIRED)
                .filter(e -> "late_build".equals(e.subject())).toList();
        assertEquals(1, firings.size());
        LocalDateTime firedAt = firings.get(0).at();
        assertTrue(firedAt.isAfter(MONDAY) && !firedAt.isAfter(LocalDateTime.parse("2027-01-13T09:00")),
                "fired when the slip first exceeded a day, between the events and now: " + firedAt);

        List<JsonNode> hooks = new ArrayList<>();
        while (hooks.stream().noneMatch(h -> h.get("type").asText().equals("fired")
                && h.get("contingency").asText().equals("late_build"))) {
            String body = delivered.poll(20, TimeUnit.SECONDS);
            assertNotNull(body, "the webhook never received the firing");
            hooks.add(JSON.readTree(body));
        }
        assertTrue(calls.get() >= 2, "the failed first delivery was retried");
        assertEquals(JSON.readTree(failedFirst.get()), hooks.get(0), "the failed first delivery came again, first");

        // Status after the firing shows the alert, and the server never records the firing again.
        f.clock.set(LocalDateTime.parse("2027-01-14T09:00"));
        JsonNode status = JSON.readTree(f.get("/api/status").body());
        assertTrue(status.get("contingencies").get(0).get("fired").asBoolean());
        assertEquals(1, stored().stream().filter(e -> "late_build".equals(e.subject())).count());
    }

    /** Lines of the event stream, read in the background, once the server has said hello. */
    private BlockingQueue<String> subscribe(ServerFixture f) throws InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        f.http.sendAsync(HttpRequest.newBuilder(f.uri("/api/stream")).GET().build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> {
                    assertEquals("text/event-stream; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
                    r.body().forEach(lines::add);
                });
        awaitData(lines, "hello");
        return lines;
    }

    /** The data of the next message named {@code event}, skipping others. */
    private static String awaitData(BlockingQueue<String> lines, String event) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        boolean named = false;
        while (System.nanoTime() < until) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            if (line.startsWith("event: ")) {
                named = line.equals("event: " + event);
            } else if (named && line.startsWith("data: ")) {
                return line.substring("data: ".length());
            }
        }
        throw new AssertionError("no `" + event + "` message on the stream");
    }
}
