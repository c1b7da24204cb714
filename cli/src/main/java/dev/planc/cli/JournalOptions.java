package dev.planc.cli;

import dev.planc.runtime.PlanRuntime;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/** Where the events are ({@link StoreOptions}) and {@code --at}: shared by {@code log} and {@code status}. */
final class JournalOptions {
    @CommandLine.Mixin
    StoreOptions store = new StoreOptions();

    @CommandLine.Option(names = "--at", paramLabel = "DATETIME",
            description = "When it happened (log) or the instant to report on (status); default now, plan time zone.")
    @Nullable String at;

    /** Compiles the plan and opens its runtime over its journal or store, printing what is wrong. */
    Runtimes.Opened open(Path plan, PrintWriter err, boolean color, CommandLine cl) {
        return store.open(plan, err, color, cl);
    }

    /** {@code --at}, else now. */
    LocalDateTime at(PlanRuntime rt, CommandLine cl) {
        return at == null ? rt.now() : Runtimes.time(at, cl, "--at");
    }
}
