package dev.planc.compiler;

import dev.planc.compiler.ast.PlanFile;
import dev.planc.compiler.model.Plan;
import dev.planc.compiler.resolve.References;
import dev.planc.compiler.schedule.Schedule;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one compilation produced.
 *
 * @param files the root file first, then every included file in the order first included
 * @param plan the resolved model; null when the syntax or the plan block is broken
 * @param schedule the baseline schedule; null when the plan has errors
 * @param references every name the resolver bound to its declaration (none without a model)
 */
public record CompiledPlan(List<PlanFile> files, @Nullable Plan plan, @Nullable Schedule schedule,
        References references) {
    public CompiledPlan {
        files = List.copyOf(files);
    }

    /** The same compilation with its baseline schedule. */
    public CompiledPlan withSchedule(@Nullable Schedule schedule) {
        return new CompiledPlan(files, plan, schedule, references);
    }

    public PlanFile root() {
        return files.get(0);
    }
}
