package dev.planc.maven;

import dev.planc.compiler.CompiledPlan;
import dev.planc.compiler.Compiler;
import dev.planc.compiler.Result;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Severity;
import dev.planc.compiler.source.FileSourceLoader;
import dev.planc.compiler.source.SourceLoader;
import dev.planc.runtime.PlanRuntime;
import dev.planc.runtime.journal.EventStore;
import dev.planc.runtime.journal.JournalFile;
import dev.planc.runtime.journal.StoreException;
import dev.planc.runtime.store.Stores;
import dev.planc.runtime.status.Flag;
import dev.planc.runtime.status.Status;
import dev.planc.runtime.status.StatusText;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * Reports where a plan stands, as {@code planc status} does, and with {@link #failOn} fails the
 * build when the overall flag is that bad: a gate on the plan's runtime status. The journal is
 * only read: a build never writes to it (contingencies that fire are reported, not recorded; the
 * next {@code planc log} or {@code planc status} records them).
 */
@Mojo(name = "status", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class StatusMojo extends AbstractMojo {

    /** The plan. */
    @Parameter(property = "planc.plan", required = true)
    @Nullable File plan;

    /** Its journal of actuals (default: the plan's name with {@code .journal}, beside it). */
    @Parameter(property = "planc.journal")
    @Nullable File journal;

    /**
     * Or a PostgreSQL event store, as {@code planc status --store}: a JDBC URL
     * ({@code jdbc:postgresql://HOST:PORT/DB}); user and password from the URL or
     * {@code PGUSER}/{@code PGPASSWORD}. The plan's events are those of its journal name (the
     * file name without {@code .plan}).
     */
    @Parameter(property = "planc.store")
    @Nullable String store;

    /**
     * The instant to report on, local wall time in the plan's time zone: {@code 2027-02-01T12:00}
     * or {@code 2027-02-01} (its first minute). Default: now.
     */
    @Parameter(property = "planc.at")
    @Nullable String at;

    /** Fail the build when the overall flag is this bad: {@code red} or {@code amber}. Default: report only. */
    @Parameter(property = "planc.failOn")
    @Nullable String failOn;

    /** Skip the goal. */
    @Parameter(property = "planc.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping planc:status (planc.skip)");
            return;
        }
        if (plan == null) {
            throw new MojoExecutionException("plan is not set: name the .plan file to report on");
        }
        Flag gate = gate();
        Path planFile = plan.toPath().toAbsolutePath().normalize();
        SourceLoader loader = new FileSourceLoader();
        SourceLoader.LoadResult loaded = loader.load(planFile);
        if (loaded instanceof SourceLoader.LoadResult.Failed f) {
            throw new MojoExecutionException("cannot read " + planFile + ": " + f.reason());
        }
        Result<CompiledPlan> result = Compiler.compile(((SourceLoader.LoadResult.Loaded) loaded).source(), loader);
        DiagnosticLines.log(result.diagnostics(), getLog());
        if (result.hasErrors() || result.value().schedule() == null) {
            Set<String> files = new HashSet<>();
            for (Diagnostic d : result.diagnostics()) {
                if (d.severity() == Severity.ERROR) {
                    files.add(d.span().source().path());
                }
            }
            throw new MojoFailureException(DiagnosticLines.count((int) result.errorCount(), "error", files.size())
                    + ": no status for a plan that does not compile (see the [ERROR] lines above)");
        }

        Status status;
        String planName;
        try (EventStore store = store(planFile)) {
            PlanRuntime runtime = PlanRuntime.open(planFile, result.value(), store, Clock.systemUTC(), null);
            planName = runtime.plan().name();
            LocalDateTime when = at == null || at.isBlank() ? runtime.now() : time(at);
            status = runtime.status(when, false);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot use the baseline: " + e.getMessage(), e);
        } catch (StoreException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        for (String line : StatusText.write(status, planName, false).stripTrailing().split("\n")) {
            getLog().info(line);
        }
        if (gate != null && status.overall().ordinal() >= gate.ordinal()) {
            throw new MojoFailureException("status of `" + planName + "` is " + status.overall().word() + " at "
                    + status.asOf() + " (failOn " + gate.word() + ")");
        }
    }

    /** Where the plan's events are kept: the database, or its journal file. */
    private EventStore store(Path planFile) throws MojoExecutionException, StoreException {
        if (store != null && !store.isBlank()) {
            if (journal != null) {
                throw new MojoExecutionException("give `journal` or `store`, not both");
            }
            return Stores.open(store.trim(), JournalFile.besidePlan(planFile), planFile, System.getenv(),
                    getLog()::warn);
        }
        Path file = journal != null ? journal.toPath() : JournalFile.besidePlan(planFile);
        if (journal != null && !Files.isRegularFile(file)) {
            throw new MojoExecutionException("journal " + file + " does not exist");
        }
        if (journal == null && !Files.exists(file)) {
            getLog().info("No journal at " + file + " yet: status from the plan alone");
        }
        return JournalFile.open(file, getLog()::warn);
    }

    private @Nullable Flag gate() throws MojoExecutionException {
        if (failOn == null || failOn.isBlank()) {
            return null;
        }
        return switch (failOn.trim().toLowerCase(Locale.ROOT)) {
            case "red" -> Flag.RED;
            case "amber" -> Flag.AMBER;
            default -> throw new MojoExecutionException("failOn must be red or amber, not `" + failOn + "`");
        };
    }

    private static LocalDateTime time(String text) throws MojoExecutionException {
        try {
            return PlanRuntime.parseTime(text);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("at " + e.getMessage());
        }
    }
}
