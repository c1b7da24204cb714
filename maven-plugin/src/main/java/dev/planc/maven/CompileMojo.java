package dev.planc.maven;

import dev.planc.compiler.PlanSet;
import dev.planc.compiler.output.ScheduleFormat;
import dev.planc.compiler.schedule.Schedule;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * Checks the plans as {@code check} does and, when none has errors, writes each one's schedule to
 * the output directory: {@code src/main/plan/team/site.plan} gives {@code target/planc/team/site.json}
 * (and {@code .yaml}, {@code .mmd}, {@code .txt} when those formats are asked for), the documents of
 * {@code planc schedule}. A file that only other plans include gets no output of its own.
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.COMPILE, threadSafe = true)
public class CompileMojo extends AbstractPlansMojo {

    /** Where the schedules go; the source directory's sub-directories are kept. */
    @Parameter(property = "planc.outputDirectory", defaultValue = "${project.build.directory}/planc", required = true)
    @Nullable File outputDirectory;

    /** Output formats: {@code json} (the default), {@code yaml}, {@code mermaid}, {@code text}. */
    @Parameter(property = "planc.formats", defaultValue = "json")
    @Nullable List<String> formats;

    private Set<ScheduleFormat> chosen = EnumSet.of(ScheduleFormat.JSON);

    @Override
    String goal() {
        return "compile";
    }

    @Override
    void prepare() throws MojoExecutionException {
        if (outputDirectory == null) {
            throw new MojoExecutionException("outputDirectory is not set");
        }
        chosen = formats();
    }

    @Override
    void compiled(Path sourceDir, PlanSet plans) throws MojoExecutionException {
        Path out = Objects.requireNonNull(outputDirectory).toPath().toAbsolutePath().normalize();
        int written = 0;
        for (PlanSet.Member m : plans.plans()) {
            Schedule schedule = m.result().value().schedule();
            if (schedule == null) {
                continue; // no plan block: only reported, nothing to schedule
            }
            String relative = PlanFiles.relative(sourceDir, Path.of(m.path()));
            String stem = relative.endsWith(".plan") ? relative.substring(0, relative.length() - 5) : relative;
            for (ScheduleFormat f : chosen) {
                Path target = out.resolve(stem + f.extension());
                try {
                    Files.createDirectories(target.getParent());
                    try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                        f.write(schedule, w);
                    }
                } catch (IOException e) {
                    throw new MojoExecutionException("cannot write " + target + ": " + e.getMessage(), e);
                }
                getLog().debug("planc: wrote " + target);
                written++;
            }
        }
        List<String> words = new ArrayList<>();
        chosen.forEach(f -> words.add(f.word()));
        getLog().info("planc: wrote " + written + " schedule file" + (written == 1 ? "" : "s") + " ("
                + String.join(", ", words) + ") to " + out);
    }

    private Set<ScheduleFormat> formats() throws MojoExecutionException {
        Set<ScheduleFormat> set = EnumSet.noneOf(ScheduleFormat.class);
        for (String written : formats == null ? List.of("json") : formats) {
            // A property gives one comma-separated string: -Dplanc.formats=json,yaml
            for (String one : written.split(",")) {
                if (one.isBlank()) {
                    continue;
                }
                ScheduleFormat f = ScheduleFormat.parse(one);
                if (f == null) {
                    throw new MojoExecutionException("unknown schedule format `" + one.trim()
                            + "` in formats: use json, yaml, mermaid or text");
                }
                set.add(f);
            }
        }
        if (set.isEmpty()) {
            set.add(ScheduleFormat.JSON);
        }
        return set;
    }
}
