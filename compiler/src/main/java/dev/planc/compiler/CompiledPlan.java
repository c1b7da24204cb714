package dev.planc.compiler;

import dev.planc.compiler.ast.PlanFile;
import dev.planc.compiler.model.Plan;
import dev.planc.compiler.schedule.Schedule;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one compilation produced.
 *
 * @param files the root file first, then every included file in the order first included
 * @param plan the resolved model; null when the syntax or the plan block is broken
 * @param schedule the baseline schedule; null when the plan has errors
 */
public record CompiledPlan(List<PlanFile> files, @Nullable Plan plan, @Nullable Schedule schedule) {
    public CompiledPlan {
        files = List.copyOf(files);
    }

    public PlanFile root() {
        return files.get(0);
    }
}
