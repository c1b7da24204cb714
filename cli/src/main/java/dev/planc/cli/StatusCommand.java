package dev.planc.cli;

import dev.planc.runtime.PlanRuntime;
import dev.planc.runtime.journal.StoreException;
import dev.planc.runtime.status.Flag;
import dev.planc.runtime.status.Status;
import dev.planc.runtime.status.StatusJson;
import dev.planc.runtime.status.StatusText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code planc status FILE}: where the plan stands at an instant. At or before now, contingencies
 * that fire and are not recorded yet are recorded in the journal (the runtime follows the plan
 * as time passes); a future {@code --at} only looks.
 */
@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Report status: flags, milestones, late tasks, metrics, alerts, earned value.")
final class StatusCommand implements Callable<Integer> {
    enum Format { text, json }

    enum Gate { red, amber }

    @Parameters(index = "0", paramLabel = "FILE", description = "The plan.")
    Path plan;

    @CommandLine.Mixin
    JournalOptions journalOptions = new JournalOptions();

    @Option(names = "--format", defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES}.")
    Format format = Format.text;

    @Option(names = "--fail-on", paramLabel = "FLAG", description = "Exit 1 when the overall flag is this bad: "
            + "${COMPLETION-CANDIDATES}.")
    Gate failOn;

    @CommandLine.Mixin
    Output output = new Output();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Runtimes.Opened opened = journalOptions.open(plan, err, output.useColor(), spec.commandLine());
        if (opened.runtime() == null) {
            return opened.exit();
        }
        PlanRuntime rt = opened.runtime();
        LocalDateTime now = rt.now();
        LocalDateTime when = journalOptions.at(rt, spec.commandLine());
        Status s;
        try {
            s = rt.status(when, !when.isAfter(now));
        } catch (StoreException e) {
            err.println("planc: " + e.getMessage());
            return Main.FAILURE;
        }
        if (format == Format.json) {
            out.print(StatusJson.write(s));
        } else {
            out.print(StatusText.write(s, rt.plan().name(), output.useColor()));
        }
        out.flush();
        if (failOn != null) {
            Flag gate = failOn == Gate.red ? Flag.RED : Flag.AMBER;
            if (s.overall().ordinal() >= gate.ordinal()) {
                err.println("planc: status is " + s.overall().word() + " (--fail-on " + failOn + ")");
                return Main.PLAN_ERRORS;
            }
        }
        return Main.OK;
    }
}
