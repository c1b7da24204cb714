package dev.planc.maven;

import dev.planc.compiler.PlanSet;
import dev.planc.compiler.diag.Severity;
import dev.planc.compiler.diag.TextRenderer;
import dev.planc.compiler.schedule.ScheduleRequest;
import dev.planc.compiler.source.FileSourceLoader;
import dev.planc.compiler.source.SourceLoader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * What {@code check} and {@code compile} share: find the plans under {@link #sourceDirectory},
 * compile them all through {@link PlanSet}, log every diagnostic, and fail the build on errors
 * (and on warnings with {@link #failOnWarning}). No mutable state outside the instance, so the
 * goals run in parallel builds ({@code mvn -T}).
 */
abstract class AbstractPlansMojo extends AbstractMojo {

    /** The directory searched for plans. */
    @Parameter(property = "planc.sourceDirectory", defaultValue = "${project.basedir}/src/main/plan", required = true)
    @Nullable File sourceDirectory;

    /**
     * Ant-style patterns, relative to {@code sourceDirectory}, of the plans to use
     * (default: {@code **}{@code /*.plan}). A file without a {@code plan} block that another plan
     * includes is checked through that plan, not on its own.
     */
    @Parameter
    @Nullable List<String> includes;

    /** Ant-style patterns, relative to {@code sourceDirectory}, of files to leave out. */
    @Parameter
    @Nullable List<String> excludes;

    /** Fail the build on warnings too, not only on errors. */
    @Parameter(property = "planc.failOnWarning", defaultValue = "false")
    boolean failOnWarning;

    /** Skip the goal. */
    @Parameter(property = "planc.skip", defaultValue = "false")
    boolean skip;

    /**
     * Schedules the resource-leveling search may try when resources are contended; 0 (the
     * default) lets the plan's size decide, as {@code planc --leveling-budget} does.
     */
    @Parameter(property = "planc.levelingBudget", defaultValue = "0")
    int levelingBudget;

    /** The goal's name, for messages. */
    abstract String goal();

    /** Checks the goal's own parameters before any plan is read. */
    void prepare() throws MojoExecutionException {}

    /** What the goal does with plans that compiled without errors (and, with failOnWarning, warnings). */
    abstract void compiled(Path sourceDir, PlanSet plans) throws MojoExecutionException;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping planc:" + goal() + " (planc.skip)");
            return;
        }
        if (sourceDirectory == null) {
            throw new MojoExecutionException("sourceDirectory is not set");
        }
        if (levelingBudget < 0) {
            throw new MojoExecutionException("levelingBudget must be 0 (the default) or a positive number of "
                    + "schedules, not " + levelingBudget);
        }
        prepare();
        Path dir = sourceDirectory.toPath().toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            getLog().info("No plans to " + goal() + ": " + dir + " does not exist");
            return;
        }
        List<Path> files;
        try {
            files = PlanFiles.find(dir, includes == null ? List.of() : includes, excludes == null ? List.of() : excludes);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot search " + dir + " for plans: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            getLog().info("No plans to " + goal() + ": nothing under " + dir + " matches the includes");
            return;
        }

        SourceLoader loader = new FileSourceLoader();
        List<PlanSet.Root> roots = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Path f : files) {
            SourceLoader.LoadResult loaded = loader.load(f);
            if (loaded instanceof SourceLoader.LoadResult.Loaded l) {
                roots.add(new PlanSet.Root(l.source(), true));
            } else {
                unreadable.add(f + ": cannot read it: " + ((SourceLoader.LoadResult.Failed) loaded).reason());
            }
        }
        PlanSet set = PlanSet.compile(roots, loader, new ScheduleRequest(null, Map.of(), Set.of(), levelingBudget));

        DiagnosticLines.log(set.diagnostics(), getLog());
        unreadable.forEach(getLog()::error);
        int errors = set.errors() + unreadable.size();
        int plans = set.plans().size() + unreadable.size();
        getLog().info("planc: checked " + TextRenderer.plural(plans, "plan") + " under " + dir + ": "
                + TextRenderer.summary(errors, set.warnings()));
        if (errors > 0) {
            throw new MojoFailureException(DiagnosticLines.count(errors, "error",
                    set.filesWith(Severity.ERROR) + unreadable.size()) + " (see the [ERROR] lines above)");
        }
        if (failOnWarning && set.warnings() > 0) {
            throw new MojoFailureException(DiagnosticLines.count(set.warnings(), "warning",
                    set.filesWith(Severity.WARNING)) + ", and failOnWarning is set (see the [WARNING] lines above)");
        }
        compiled(dir, set);
    }
}
