package dev.planc.runtime.store;

import dev.planc.runtime.journal.Event;
import dev.planc.runtime.journal.EventCodec;
import dev.planc.runtime.journal.EventStore;
import dev.planc.runtime.journal.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Events in PostgreSQL ({@code --store jdbc:postgresql://...}): the same guarantees as the
 * journal file, for a team and for several {@code planc serve} instances on one database.
 *
 * <ul>
 * <li>Several plans share a database; each plan's events are its <em>journal</em>, named by the
 *     plan file's name without {@code .plan} (as the journal file is).
 * <li>An append is one transaction that first takes a transaction-scoped advisory lock for the
 *     journal ({@code pg_advisory_xact_lock}), then reads what is stored, lets the caller decide,
 *     inserts and commits. Writers of one journal — in any process, on any machine — therefore
 *     take turns, and a decision (such as "this contingency fires now, it has not fired yet")
 *     always sees every event committed before it: two servers never record one firing twice.
 * <li>An event is acknowledged once its transaction has committed (PostgreSQL's default
 *     {@code synchronous_commit = on} makes that durable).
 * <li>The schema is created and migrated when the store opens: versioned SQL scripts
 *     ({@code V1__events.sql}, ...) applied in order under a session advisory lock, and recorded
 *     in {@code planc_schema}. A database migrated by a newer planc is refused, not damaged.
 * </ul>
 *
 * <p>Connection settings come from the JDBC URL ({@code ?user=...&password=...}) or from the
 * standard {@code PGUSER} / {@code PGPASSWORD} environment variables, which the front door passes
 * in. Appends and reads use one connection each, reopened after a failure.
 */
public final class PostgresStore implements EventStore {
    /** Migration scripts, in order; script {@code i} brings the schema to version {@code i + 1}. */
    static final List<String> MIGRATIONS = List.of("V1__events.sql");
    /** Arbitrary constant key for the session lock that serialises migrations. */
    private static final long MIGRATION_LOCK = 0x706c616e63L; // "planc"

    private final String url;
    private final Properties properties;
    private final String journal;
    private final Object writeLock = new Object();
    private final Object readLock = new Object();
    private @Nullable Connection writer; // guarded by writeLock
    private @Nullable Connection reader; // guarded by readLock
    private final Seen read = new Seen(); // guarded by readLock
    private Seen written = new Seen(); // guarded by writeLock
    private volatile boolean closed;

    private PostgresStore(String url, Properties properties, String journal) {
        this.url = url;
        this.properties = properties;
        this.journal = journal;
    }

    /**
     * Opens the store for one journal, creating or migrating the schema.
     *
     * @param properties JDBC connection properties ({@code user}, {@code password}); the URL's
     *     own parameters win
     * @throws StoreException naming the URL (without its password) and what failed
     */
    public static PostgresStore open(String url, Properties properties, String journal) throws StoreException {
        Objects.requireNonNull(journal, "journal");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new StoreException("`" + redact(url) + "` is not a PostgreSQL JDBC URL: write "
                    + "jdbc:postgresql://HOST:PORT/DATABASE");
        }
        PostgresStore s = new PostgresStore(url, properties, journal);
        synchronized (s.writeLock) {
            s.migrate(s.writer());
        }
        return s;
    }

    /** The journal (plan) whose events this store holds. */
    public String journal() {
        return journal;
    }

    /** The URL without a password, for messages. */
    public String describe() {
        return redact(url) + " (journal `" + journal + "`)";
    }

    private void migrate(Connection c) throws StoreException {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
            try {
                st.execute("CREATE TABLE IF NOT EXISTS planc_schema (version int PRIMARY KEY, "
                        + "applied timestamptz NOT NULL DEFAULT now())");
                int current = 0;
                try (ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM planc_schema")) {
                    rs.next();
                    current = rs.getInt(1);
                }
                if (current > MIGRATIONS.size()) {
                    throw new StoreException("the database " + redact(url) + " has planc schema version " + current
                            + ", newer than this planc understands (" + MIGRATIONS.size() + "); upgrade planc");
                }
                for (int v = current + 1; v <= MIGRATIONS.size(); v++) {
                    String sql = script(MIGRATIONS.get(v - 1));
                    c.setAutoCommit(false);
                    try {
                        st.execute(sql);
                        try (PreparedStatement ins = c.prepareStatement("INSERT INTO planc_schema (version) VALUES (?)")) {
                            ins.setInt(1, v);
                            ins.executeUpdate();
                        }
                        c.commit();
                    } catch (SQLException e) {
                        c.rollback();
                        throw e;
                    } finally {
                        c.setAutoCommit(true);
                    }
                }
            } finally {
                st.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
            }
        } catch (SQLException e) {
            throw failed("cannot create or migrate the schema in", e);
        }
    }

    private static String script(String name) throws StoreException {
        try (InputStream in = PostgresStore.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new StoreException("migration " + name + " is missing from this build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read migration " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ReadResult read() throws StoreException {
        checkOpen();
        synchronized (readLock) {
            try {
                read.fetch(reader());
            } catch (SQLException e) {
                closeQuietly(reader);
                reader = null;
                throw failed("cannot read events from", e);
            }
            return new ReadResult(read.events, read.warnings);
        }
    }

    /**
     * The journal's events as far as one connection has read them: each fetch asks only for
     * rows newer than the last one seen (rows are only ever added, in {@code seq} order per
     * journal, since appends take turns under the journal's lock).
     */
    private final class Seen {
        private long seq;
        private final List<Event> events = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();

        void fetch(Connection c) throws SQLException {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT seq, line FROM planc_events WHERE journal = ? AND seq > ? ORDER BY seq")) {
                q.setString(1, journal);
                q.setLong(2, seq);
                q.setFetchSize(10_000);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        seq = rs.getLong(1);
                        try {
                            events.add(EventCodec.parse(rs.getString(2)));
                        } catch (IllegalArgumentException e) {
                            warnings.add(describe() + ": skipped event #" + seq + ": " + e.getMessage());
                        }
                    }
                }
            }
        }
    }

    @Override
    public Object version() throws StoreException {
        checkOpen();
        synchronized (readLock) {
            try (PreparedStatement q = reader().prepareStatement(
                    "SELECT coalesce(max(seq), 0) FROM planc_events WHERE journal = ?")) {
                q.setString(1, journal);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                closeQuietly(reader);
                reader = null;
                throw failed("cannot read from", e);
            }
        }
    }

    @Override
    public List<Event> append(Decision decide) throws StoreException, Rejected {
        checkOpen();
        Objects.requireNonNull(decide, "decide");
        synchronized (writeLock) {
            Connection c = writer();
            boolean committing = false;
            try {
                c.setAutoCommit(false);
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                    lock.setString(1, "planc journal " + journal);
                    lock.execute();
                }
                // Inside the locked transaction: every committed event, none can be added meanwhile.
                written.fetch(c);
                List<Event> stored = List.copyOf(written.events);
                List<Event> added = List.copyOf(decide.decide(stored));
                if (!added.isEmpty()) {
                    try (PreparedStatement ins = c.prepareStatement("INSERT INTO planc_events "
                            + "(journal, id, at, recorded, type, subject, author, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                        for (Event e : added) {
                            ins.setString(1, journal);
                            ins.setString(2, e.id());
                            ins.setObject(3, e.at());
                            ins.setTimestamp(4, Timestamp.from(e.recorded()));
                            ins.setString(5, e.type().word());
                            ins.setString(6, e.subject());
                            ins.setString(7, e.author());
                            ins.setString(8, EventCodec.line(e));
                            ins.addBatch();
                        }
                        ins.executeBatch();
                    }
                }
                committing = true;
                c.commit();
                return added;
            } catch (SQLException e) {
                rollbackQuietly(c);
                closeQuietly(c);
                writer = null;
                written = new Seen(); // read everything again on the next connection
                throw failed(committing ? "the connection failed while committing; the events may or may not be stored in"
                        : "nothing was stored: cannot append to", e);
            } catch (Rejected | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                if (writer != null) {
                    try {
                        c.setAutoCommit(true);
                    } catch (SQLException ignored) {
                        closeQuietly(c);
                        writer = null;
                    }
                }
            }
        }
    }

    private Connection writer() throws StoreException {
        Connection c = writer;
        if (c == null) {
            c = connect();
            writer = c;
        }
        return c;
    }

    private Connection reader() throws StoreException {
        Connection c = reader;
        if (c == null) {
            c = connect();
            reader = c;
        }
        return c;
    }

    private Connection connect() throws StoreException {
        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            throw failed("cannot connect to", e);
        }
    }

    private StoreException failed(String what, SQLException e) {
        String state = e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]";
        return new StoreException(what + " " + redact(url) + ": " + e.getMessage() + state, e);
    }

    private void checkOpen() throws StoreException {
        if (closed) {
            throw new StoreException("the store " + redact(url) + " is closed");
        }
    }

    /** The URL with any {@code password=...} parameter masked. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is being dropped anyway
        }
    }

    private static void closeQuietly(@Nullable Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing to do
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (writeLock) {
            closeQuietly(writer);
            writer = null;
        }
        synchronized (readLock) {
            closeQuietly(reader);
            reader = null;
        }
    }
}
