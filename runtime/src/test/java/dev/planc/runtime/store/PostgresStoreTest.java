package dev.planc.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planc.runtime.journal.Event;
import dev.planc.runtime.journal.EventStore;
import dev.planc.runtime.journal.Events;
import dev.planc.runtime.journal.StoreException;
import dev.planc.testing.PostgresServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The PostgreSQL store against a real server (see {@link PostgresServer}). */
class PostgresStoreTest {
    private static final LocalDateTime T = LocalDateTime.parse("2027-01-04T09:00");
    private static final Instant NOW = Instant.parse("2027-01-04T08:00:00Z");

    private static PostgresStore open(String url, String journal) throws StoreException {
        return PostgresStore.open(url, PostgresServer.props(), journal);
    }

    @Test
    void createsTheSchemaOnceAndRecordsItsVersion() throws Exception {
        String url = PostgresServer.newDatabase();
        open(url, "shop").close();
        open(url, "shop").close(); // a second open finds the schema current and changes nothing
        try (Connection c = DriverManager.getConnection(url, PostgresServer.props());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version FROM planc_schema ORDER BY version")) {
            List<Integer> versions = new ArrayList<>();
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
            assertEquals(List.of(1), versions);
        }
    }

    @Test
    void refusesADatabaseFromANewerPlanc() throws Exception {
        String url = PostgresServer.newDatabase();
        open(url, "shop").close();
        try (Connection c = DriverManager.getConnection(url, PostgresServer.props());
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO planc_schema (version) VALUES (99)");
        }
        StoreException e = assertThrows(StoreException.class, () -> open(url, "shop"));
        assertTrue(e.getMessage().contains("has planc schema version 99, newer than this planc understands (1)"),
                e.getMessage());
    }

    @Test
    void keepsEventsExactlyAndJournalsApart() throws Exception {
        String url = PostgresServer.newDatabase();
        try (PostgresStore shop = open(url, "shop"); PostgresStore other = open(url, "other")) {
            Object empty = shop.version();
            Event cost = Events.cost("design", new BigDecimal("1200.50"), "EUR", T, NOW, "ana");
            Event note = Events.note(null, "line one\nline two \"quoted\" ✓", T, NOW, null);
            assertEquals(List.of(cost, note), shop.append(stored -> List.of(cost, note)));
            assertNotEquals(empty, shop.version());
            other.append(stored -> List.of(Events.start("x", T, NOW, "bob")));
            EventStore.ReadResult read = shop.read();
            assertEquals(List.of(cost, note), read.events());
            assertEquals(new BigDecimal("1200.50"), read.events().get(0).number());
            assertEquals(List.of(), read.warnings());
            assertEquals(1, other.read().events().size());
        }
        // Another connection (another planc process) sees the same.
        try (PostgresStore again = open(url, "shop")) {
            assertEquals(2, again.read().events().size());
        }
    }

    @Test
    void aRejectedAppendStoresNothing() throws Exception {
        String url = PostgresServer.newDatabase();
        try (PostgresStore s = open(url, "shop")) {
            s.append(stored -> List.of(Events.start("design", T, NOW, null)));
            Object before = s.version();
            EventStore.Rejected r = assertThrows(EventStore.Rejected.class, () -> s.append(stored -> {
                assertEquals(1, stored.size());
                throw new EventStore.Rejected(List.of("no"));
            }));
            assertEquals(List.of("no"), r.reasons());
            assertEquals(before, s.version());
            assertEquals(1, s.read().events().size());
        }
    }

    @Test
    void writersOnTwoConnectionsTakeTurnsAndEachDecisionSeesEverythingBefore() throws Exception {
        String url = PostgresServer.newDatabase();
        int perWriter = 150;
        try (PostgresStore a = open(url, "shop"); PostgresStore b = open(url, "shop")) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<List<Integer>>> seen = new ArrayList<>();
            for (PostgresStore s : List.of(a, b)) {
                seen.add(pool.submit(() -> {
                    List<Integer> sizes = new ArrayList<>();
                    for (int i = 0; i < perWriter; i++) {
                        s.append(stored -> {
                            sizes.add(stored.size());
                            return List.of(Events.note(null, "n", T, NOW, null));
                        });
                    }
                    return sizes;
                }));
            }
            Set<Integer> all = new HashSet<>();
            for (Future<List<Integer>> f : seen) {
                all.addAll(f.get());
            }
            pool.shutdown();
            // Every append saw a different number of events before it: 0, 1, ..., 2n-1, i.e. no two
            // decisions ran on the same state and none missed a committed event.
            assertEquals(2 * perWriter, all.size());
            assertEquals(0, all.stream().mapToInt(Integer::intValue).min().orElseThrow());
            assertEquals(2 * perWriter - 1, all.stream().mapToInt(Integer::intValue).max().orElseThrow());
            List<Event> events = a.read().events();
            assertEquals(2 * perWriter, events.size());
            assertEquals(2 * perWriter, events.stream().map(Event::id).distinct().count());
        }
    }

    @Test
    void unreachableOrWrongUrlsAreNamed() {
        StoreException notPg = assertThrows(StoreException.class,
                () -> PostgresStore.open("jdbc:mysql://localhost/x", new Properties(), "shop"));
        assertEquals("`jdbc:mysql://localhost/x` is not a PostgreSQL JDBC URL: write jdbc:postgresql://HOST:PORT/DATABASE",
                notPg.getMessage());
        StoreException down = assertThrows(StoreException.class, () -> PostgresStore.open(
                "jdbc:postgresql://127.0.0.1:1/planc?password=hunter2&connectTimeout=2", new Properties(), "shop"));
        assertTrue(down.getMessage().startsWith("cannot connect to jdbc:postgresql://127.0.0.1:1/planc?password=***"),
                down.getMessage());
        assertTrue(!down.getMessage().contains("hunter2"));
    }
}
