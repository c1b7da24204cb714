package dev.planc.compiler;

import dev.planc.compiler.ast.PlanFile;
import dev.planc.compiler.model.Plan;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one compilation produced.
 *
 * @param files the root file first, then every included file in the order first included
 * @param plan the resolved model; null when the syntax or the plan block is broken
 */
public record CompiledPlan(List<PlanFile> files, @Nullable Plan plan) {
    public CompiledPlan {
        files = List.copyOf(files);
    }

    public PlanFile root() {
        return files.get(0);
    }
}
