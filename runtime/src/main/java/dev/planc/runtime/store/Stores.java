package dev.planc.runtime.store;

import dev.planc.runtime.journal.EventStore;
import dev.planc.runtime.journal.JournalFile;
import dev.planc.runtime.journal.StoreException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Picks a plan's event store: the journal file by default, PostgreSQL for a JDBC URL. */
public final class Stores {
    private Stores() {}

    /**
     * @param store a JDBC URL ({@code --store}), or null for the journal file
     * @param journal the journal file to use when {@code store} is null
     * @param plan the plan file; its name without {@code .plan} names the journal in a database
     * @param env the environment, for {@code PGUSER} and {@code PGPASSWORD}
     * @param warnings told about repairs to the journal file
     */
    public static EventStore open(@Nullable String store, Path journal, Path plan, Map<String, String> env,
            Consumer<String> warnings) throws StoreException {
        if (store == null) {
            return JournalFile.open(journal, warnings);
        }
        Properties p = new Properties();
        String user = env.get("PGUSER");
        if (user != null && !user.isBlank()) {
            p.setProperty("user", user);
        }
        String password = env.get("PGPASSWORD");
        if (password != null) {
            p.setProperty("password", password);
        }
        return PostgresStore.open(store, p, journalName(plan));
    }

    /** {@code launch} for {@code plans/launch.plan}. */
    public static String journalName(Path plan) {
        String name = Objects.requireNonNull(plan.getFileName(), "plan").toString();
        return name.endsWith(".plan") ? name.substring(0, name.length() - ".plan".length()) : name;
    }

    /** How a store is named in messages. */
    public static String describe(EventStore store) {
        if (store instanceof JournalFile) {
            return ((JournalFile) store).path().toString();
        }
        if (store instanceof PostgresStore) {
            return ((PostgresStore) store).describe();
        }
        return store.toString();
    }
}
