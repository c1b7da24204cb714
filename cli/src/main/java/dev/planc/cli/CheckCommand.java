package dev.planc.cli;

import dev.planc.compiler.PlanSet;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.JsonRenderer;
import dev.planc.compiler.diag.TextRenderer;
import dev.planc.compiler.schedule.ScheduleRequest;
import dev.planc.compiler.source.FileSourceLoader;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.SourceLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code planc check FILE|DIR...}: validates plans. A directory stands for every {@code *.plan}
 * under it; a file found there without a {@code plan} block that another plan includes is
 * checked through that plan, not on its own.
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, description = "Validate plans and report every problem.")
final class CheckCommand implements Callable<Integer> {
    enum Format { text, json }

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Plans, or directories to search for *.plan.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES}.")
    Format format = Format.text;

    @CommandLine.Mixin
    Output output = new Output();

    @CommandLine.Mixin
    Leveling leveling = new Leveling();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScheduleRequest request = leveling.request(spec.commandLine());
        List<String> problems = new ArrayList<>();
        List<Inputs.Input> inputs = Inputs.expand(paths, problems);
        SourceLoader loader = new FileSourceLoader();

        List<PlanSet.Root> roots = new ArrayList<>();
        for (Inputs.Input in : inputs) {
            Source source = Inputs.load(in.path(), loader, problems);
            if (source != null) {
                roots.add(new PlanSet.Root(source, in.fromDirectory()));
            }
        }
        // Files found in a directory that are only included elsewhere are checked through their includer.
        PlanSet set = PlanSet.compile(roots, loader, request);
        List<Diagnostic> all = set.diagnostics();
        int checked = set.plans().size();
        int errors = set.errors();
        int warnings = set.warnings();
        if (format == Format.json) {
            out.println(JsonRenderer.render(all));
        } else {
            err.print(new TextRenderer(output.useColor()).render(all));
        }
        for (String p : problems) {
            err.println("planc: " + p);
        }
        if (format == Format.text && checked > 0) {
            err.println("planc: checked " + TextRenderer.plural(checked, "plan") + ": "
                    + TextRenderer.summary(errors, warnings));
        }
        out.flush();
        err.flush();
        if (!problems.isEmpty()) {
            return Main.FAILURE;
        }
        return errors > 0 ? Main.PLAN_ERRORS : Main.OK;
    }
}
