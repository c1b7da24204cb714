package dev.planc.cli;

import dev.planc.runtime.PlanRuntime;
import dev.planc.runtime.journal.JournalFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/** {@code --journal} and {@code --at}, shared by the commands that read or write a plan's journal. */
final class JournalOptions {
    @CommandLine.Option(names = "--journal", paramLabel = "PATH",
            description = "The journal (default: FILE with .journal).")
    @Nullable Path journal;

    @CommandLine.Option(names = "--at", paramLabel = "DATETIME",
            description = "When it happened (log) or the instant to report on (status); default now, plan time zone.")
    @Nullable String at;

    /** The plan's journal: {@code --journal}, else {@code NAME.journal} beside it. */
    Path journalFor(Path plan) {
        return journal != null ? journal : JournalFile.besidePlan(plan);
    }

    /** Compiles the plan and opens its runtime over this journal, printing what is wrong. */
    Runtimes.Opened open(Path plan, PrintWriter err, boolean color, CommandLine cl) {
        return Runtimes.open(plan, journalFor(plan), err, color, Runtimes.clock(cl));
    }

    /** {@code --at}, else now. */
    LocalDateTime at(PlanRuntime rt, CommandLine cl) {
        return at == null ? rt.now() : Runtimes.time(at, cl, "--at");
    }
}
