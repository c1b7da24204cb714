package dev.planc.lsp;

import dev.planc.compiler.CompiledPlan;
import dev.planc.compiler.Result;
import dev.planc.compiler.ast.PlanFile;
import dev.planc.compiler.source.Source;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * One compilation of a root plan as the server holds it: the compiler's result (front end, or
 * with the baseline schedule once that is done) and the declarations read from its trees.
 */
record Snapshot(Path root, Result<CompiledPlan> result, Symbols symbols, boolean scheduled) {

    static Snapshot of(Path root, Result<CompiledPlan> result, boolean scheduled) {
        return new Snapshot(root, result, new Symbols(compiled(result).files()), scheduled);
    }

    private static CompiledPlan compiled(Result<CompiledPlan> r) {
        return java.util.Objects.requireNonNull(r.value());
    }

    CompiledPlan compiled() {
        return compiled(result);
    }

    /** The source of one file of this compilation, or null when it is not part of it. */
    @Nullable Source source(Path path) {
        PlanFile f = file(path);
        return f == null ? null : f.source();
    }

    @Nullable PlanFile file(Path path) {
        for (PlanFile f : compiled().files()) {
            if (Documents.key(f.source().path()).equals(path)) {
                return f;
            }
        }
        return null;
    }
}
