package dev.planc.cli;

import dev.planc.runtime.journal.JournalFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/** {@code --journal PATH} or {@code --store JDBC_URL}: where a plan's events are kept. */
final class StoreOptions {
    @CommandLine.ArgGroup(exclusive = true)
    @Nullable Where where;

    /** The journal file or a database: one or the other. */
    static final class Where {
        @CommandLine.Option(names = "--journal", paramLabel = "PATH",
                description = "The journal file (default: FILE with .journal).")
        @Nullable Path journal;

        @CommandLine.Option(names = "--store", paramLabel = "JDBC_URL",
                description = "Keep events in PostgreSQL instead: jdbc:postgresql://HOST:PORT/DB "
                        + "(user and password from the URL or PGUSER/PGPASSWORD).")
        @Nullable String store;
    }

    /** The plan's journal file: {@code --journal}, else {@code NAME.journal} beside it. */
    Path journalFor(Path plan) {
        Where w = where;
        return w != null && w.journal != null ? w.journal : JournalFile.besidePlan(plan);
    }

    /** {@code --store}, or null for the journal file. */
    @Nullable String store() {
        Where w = where;
        return w == null ? null : w.store;
    }

    /** Compiles the plan and opens its runtime over this journal or store, printing what is wrong. */
    Runtimes.Opened open(Path plan, PrintWriter err, boolean color, CommandLine cl) {
        return Runtimes.open(plan, journalFor(plan), store(), err, color, Runtimes.clock(cl));
    }
}
