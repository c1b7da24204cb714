package dev.planc.bench;

import dev.planc.compiler.CompiledPlan;
import dev.planc.compiler.Compiler;
import dev.planc.compiler.Result;
import dev.planc.compiler.ast.PlanFile;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.model.Plan;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.SourceLoader;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The compiler's front end alone ({@link Compiler#check}: parse, resolve and validate, no
 * schedule) on one in-memory source. A plan without {@code include}s only (generated plans have
 * none).
 *
 * <p>Why it exists: since the scheduler joined {@code Compiler.compile} (a missed deadline is a
 * compile error), "check" costs parse + resolve + validate + a leveled schedule. The targets in
 * bench/README.md were set for the front end; this measures it on its own, and
 * {@code Compiler.compile} is measured as well.
 */
public final class FrontEnd {
    private static final SourceLoader NO_INCLUDES = path -> new SourceLoader.LoadResult.Failed(
            "the front-end benchmark does not follow includes; time Compiler.compile instead", true);

    private FrontEnd() {}

    /** What the front end produced: the syntax tree, the model (null after a syntax error) and the diagnostics. */
    public record Outcome(PlanFile file, @Nullable Plan plan, List<Diagnostic> diagnostics) {}

    public static Outcome check(Source source) {
        Result<CompiledPlan> r = Compiler.check(source, NO_INCLUDES);
        return new Outcome(r.value().root(), r.value().plan(), r.diagnostics());
    }
}
