package dev.planc.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.planc.runtime.journal.Event;
import dev.planc.testing.PostgresServer;
import dev.planc.runtime.store.PostgresStore;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Two {@code planc serve} instances on one PostgreSQL database (a real server). */
class PostgresServeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twoServersSeeTheSameEventsAndNeverFireTwice() throws Exception {
        String url = PostgresServer.newDatabase();
        LocalDateTime monday = LocalDateTime.parse("2027-01-04T10:00");
        try (ServerFixture a = new ServerFixture(PostgresStore.open(url, PostgresServer.props(), "shop"), monday,
                ServerFixture.TOKEN, List.of());
                ServerFixture b = new ServerFixture(PostgresStore.open(url, PostgresServer.props(), "shop"), monday,
                        ServerFixture.TOKEN, List.of())) {
            assertEquals(201, a.post("{\"type\": \"start\", \"task\": \"design\", \"at\": \"2027-01-04T09:00\"}")
                    .statusCode());
            assertEquals(201, b.post("{\"type\": \"note\", \"value\": \"from b\"}").statusCode());
            assertEquals(JSON.readTree(a.get("/api/events").body()), JSON.readTree(b.get("/api/events").body()));

            // Time passes for both at once, and both are asked for status from many threads: the
            // contingency that now holds is recorded exactly once.
            LocalDateTime later = LocalDateTime.parse("2027-01-13T09:00");
            a.clock.set(later);
            b.clock.set(later);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ServerFixture f = i % 2 == 0 ? a : b;
                answers.add(pool.submit(() -> f.get("/api/status")));
            }
            for (Future<HttpResponse<String>> r : answers) {
                assertEquals(200, r.get().statusCode());
                assertEquals(true, JSON.readTree(r.get().body()).get("contingencies").get(0).get("fired").asBoolean());
            }
            pool.shutdown();
            Thread.sleep(300); // a few more polls by both followers
            List<Event> events = a.runtime.events().events();
            long firings = events.stream().filter(e -> e.type() == Event.Type.FIRED)
                    .filter(e -> "late_build".equals(e.subject())).count();
            assertEquals(1, firings, "late_build recorded once: " + events);
        }
    }
}
