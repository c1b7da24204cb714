package dev.planc.cli;

import dev.planc.compiler.CompiledPlan;
import dev.planc.compiler.Compiler;
import dev.planc.compiler.Result;
import dev.planc.compiler.diag.TextRenderer;
import dev.planc.compiler.source.FileSourceLoader;
import dev.planc.compiler.source.Source;
import dev.planc.runtime.PlanRuntime;
import dev.planc.runtime.journal.EventStore;
import dev.planc.runtime.journal.StoreException;
import dev.planc.runtime.store.Stores;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/** What the runtime commands share: compile the plan, find its journal and baseline, parse times. */
final class Runtimes {
    private Runtimes() {}

    /**
     * A compiled plan ready for the runtime (and the compilation it came from, whose schedule
     * {@code serve} publishes), or the exit code when it is not.
     */
    record Opened(@Nullable PlanRuntime runtime, @Nullable CompiledPlan compiled, int exit) {}

    /** Compiles {@code plan}; prints its diagnostics; exit 1 on plan errors, 2 when unreadable. */
    static @Nullable CompiledPlan compile(Path plan, PrintWriter err, boolean color) {
        FileSourceLoader loader = new FileSourceLoader();
        List<String> problems = new ArrayList<>();
        Source source = Inputs.load(plan, loader, problems);
        if (source == null) {
            problems.forEach(p -> err.println("planc: " + p));
            return null;
        }
        Result<CompiledPlan> result = Compiler.compile(source, loader);
        err.print(new TextRenderer(color).render(result.diagnostics()));
        if (result.hasErrors() || result.value().schedule() == null) {
            err.println("planc: `" + plan + "` has errors; fix them first");
        }
        return result.value();
    }

    /**
     * Compiles the plan and opens its runtime over the store: the journal file at
     * {@code journalPath}, or the database at {@code store} (a JDBC URL).
     */
    static Opened open(Path plan, Path journalPath, @Nullable String store, PrintWriter err, boolean color,
            Clock clock) {
        CompiledPlan compiled = compile(plan, err, color);
        if (compiled == null) {
            return new Opened(null, null, Main.FAILURE);
        }
        if (compiled.schedule() == null) {
            return new Opened(null, null, Main.PLAN_ERRORS);
        }
        EventStore events;
        try {
            events = Stores.open(store, journalPath, plan, System.getenv(), w -> err.println("planc: warning: " + w));
        } catch (StoreException e) {
            err.println("planc: " + e.getMessage());
            return new Opened(null, null, Main.FAILURE);
        }
        PlanRuntime runtime;
        try {
            runtime = PlanRuntime.open(plan, compiled, events, clock, author());
        } catch (IOException e) {
            err.println("planc: cannot use the baseline: " + e.getMessage());
            return new Opened(null, null, Main.FAILURE);
        }
        return new Opened(runtime, compiled, Main.OK);
    }

    /**
     * The runtime's clock: the system clock, or the instant in {@code PLANC_NOW} (ISO-8601, e.g.
     * {@code 2027-01-13T09:00:00Z}) for tests, demos and replaying a day after the fact.
     */
    static Clock clock(CommandLine cl) {
        String fixed = System.getenv("PLANC_NOW");
        if (fixed == null || fixed.isBlank()) {
            return Clock.systemUTC();
        }
        try {
            return Clock.fixed(java.time.Instant.parse(fixed.trim()), java.time.ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(cl, "PLANC_NOW `" + fixed
                    + "` is not an instant: write 2027-01-13T09:00:00Z");
        }
    }

    /** The OS user recording events. */
    static @Nullable String author() {
        String user = System.getenv("PLANC_AUTHOR");
        if (user == null || user.isBlank()) {
            user = System.getProperty("user.name");
        }
        return user == null || user.isBlank() ? null : user;
    }

    /** {@code 2027-02-01T12:00}, {@code 2027-02-01 12:00} or {@code 2027-02-01} (midnight starting that day). */
    static LocalDateTime time(String text, CommandLine cl, String option) {
        try {
            return PlanRuntime.parseTime(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, option + " " + e.getMessage());
        }
    }
}
