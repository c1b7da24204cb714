package dev.planc.cli;

import dev.planc.compiler.CompiledPlan;
import dev.planc.compiler.Compiler;
import dev.planc.compiler.Result;
import dev.planc.compiler.diag.TextRenderer;
import dev.planc.compiler.output.ScheduleFormat;
import dev.planc.compiler.schedule.Schedule;
import dev.planc.compiler.schedule.ScheduleRequest;
import dev.planc.compiler.source.FileSourceLoader;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.SourceLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code planc schedule FILE... [--format text|json|yaml|mermaid] [-o OUT]}: compiles and prints
 * the schedule. With several files, {@code -o} names a directory that gets one output per plan
 * ({@code NAME.json}, {@code .yaml}, {@code .mmd}, {@code .txt}); all are scheduled in one process.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Compile plans and print their schedules.")
final class ScheduleCommand implements Callable<Integer> {
    enum Format { text, json, yaml, mermaid }

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Plans to schedule.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES}.")
    Format format = Format.text;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Write to this file (one plan) or directory (several plans) instead of standard output.")
    Path output;

    @CommandLine.Mixin
    Output outputOptions = new Output();

    @CommandLine.Mixin
    Leveling leveling = new Leveling();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScheduleRequest request = leveling.request(spec.commandLine());
        SourceLoader loader = new FileSourceLoader();
        boolean many = paths.size() > 1;
        if (many && output != null && Files.exists(output) && !Files.isDirectory(output)) {
            err.println("planc: -o must name a directory when scheduling several plans: `" + output + "` is a file");
            return Main.FAILURE;
        }
        int exit = Main.OK;
        TextRenderer renderer = new TextRenderer(outputOptions.useColor());
        for (Path path : paths) {
            List<String> problems = new ArrayList<>();
            Source source = Inputs.load(path, loader, problems);
            if (source == null) {
                problems.forEach(p -> err.println("planc: " + p));
                exit = Main.FAILURE;
                continue;
            }
            Result<CompiledPlan> result = Compiler.compile(source, loader, request);
            err.print(renderer.render(result.diagnostics()));
            Schedule schedule = result.value().schedule();
            if (result.hasErrors() || schedule == null) {
                err.println("planc: `" + path + "` has errors; no schedule written");
                exit = Math.max(exit, Main.PLAN_ERRORS);
                continue;
            }
            if (output == null) {
                try {
                    chosen().write(schedule, out);
                } catch (IOException e) {
                    err.println("planc: cannot write the schedule: " + e.getMessage());
                    exit = Main.FAILURE;
                }
                continue;
            }
            Path target = output;
            if (many || Files.isDirectory(output)) {
                String name = path.getFileName().toString().replaceFirst("\\.plan$", "") + chosen().extension();
                target = output.resolve(name);
            }
            try {
                if (target.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(target.toAbsolutePath().getParent());
                }
                try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                    chosen().write(schedule, w);
                }
            } catch (IOException e) {
                err.println("planc: cannot write `" + target + "`: " + e.getMessage());
                exit = Main.FAILURE;
            }
        }
        out.flush();
        err.flush();
        return exit;
    }

    /** The chosen format (the option's words are the format's own). */
    private ScheduleFormat chosen() {
        return Objects.requireNonNull(ScheduleFormat.parse(format.name()), format.name());
    }
}
