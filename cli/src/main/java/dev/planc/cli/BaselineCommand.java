package dev.planc.cli;

import dev.planc.compiler.CompiledPlan;
import dev.planc.compiler.schedule.Times;
import dev.planc.runtime.status.Baseline;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code planc baseline FILE}: freezes the current schedule as {@code NAME.baseline.json}. */
@Command(name = "baseline", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Freeze the plan's current schedule as its baseline (NAME.baseline.json); status then "
                + "measures slip and earned value against it.")
final class BaselineCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The plan.")
    Path plan;

    @CommandLine.Mixin
    Output output = new Output();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Clock clock = Runtimes.clock(spec.commandLine());
        CompiledPlan compiled = Runtimes.compile(plan, err, output.useColor());
        if (compiled == null) {
            return Main.FAILURE;
        }
        if (compiled.schedule() == null) {
            return Main.PLAN_ERRORS;
        }
        Path file = Baseline.pathFor(plan);
        boolean replacing = Files.exists(file);
        try {
            Baseline.write(compiled.schedule(), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), file);
        } catch (IOException e) {
            err.println("planc: cannot write `" + file + "`: " + e.getMessage());
            return Main.FAILURE;
        }
        out.println("planc: " + (replacing ? "replaced the baseline: " : "froze the baseline: ") + file
                + " (finish " + Times.text(compiled.schedule().finish()) + ")");
        return Main.OK;
    }
}
