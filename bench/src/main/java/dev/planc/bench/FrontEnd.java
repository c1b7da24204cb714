package dev.planc.bench;

import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.ast.PlanFile;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;
import dev.planc.compiler.model.Plan;
import dev.planc.compiler.resolve.Resolver;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.syntax.SyntaxParser;
import dev.planc.compiler.validate.RuleContext;
import dev.planc.compiler.validate.Rules;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The compiler's front end alone: parse, resolve and validate one source, exactly the stages of
 * {@code Compiler.compile} before it schedules, through the same public classes. A plan without
 * {@code include}s only (generated plans have none); the compiler would splice included files
 * in after parsing. Keep this in step with {@code Compiler.compile} when its stages change.
 *
 * <p>Why it exists: since the scheduler joined {@code Compiler.compile} (a missed deadline is a
 * compile error), "check" costs parse + resolve + validate + a leveled schedule. The targets in
 * bench/README.md were set for the front end; this measures it on its own, and
 * {@code Compiler.compile} is measured as well.
 */
public final class FrontEnd {
    private FrontEnd() {}

    /** What the front end produced: the syntax tree, the model (null after a syntax error) and the diagnostics. */
    public record Outcome(PlanFile file, @Nullable Plan plan, List<Diagnostic> diagnostics) {}

    public static Outcome check(Source source) {
        Diagnostics diagnostics = new Diagnostics();
        PlanFile file = SyntaxParser.parse(source, diagnostics);
        boolean syntaxClean = !diagnostics.hasErrors();
        List<Decl> decls = file.decls();
        Decl.PlanDecl planDecl = null;
        for (Decl d : decls) {
            if (d instanceof Decl.PlanDecl p) {
                planDecl = p;
                break;
            }
        }
        List<PlanFile> files = List.of(file);
        RuleContext valueContext = new RuleContext(files, decls, planDecl, null);
        Rules.runValueRules(valueContext, diagnostics);
        Plan plan = null;
        if (syntaxClean && planDecl != null) {
            List<Decl> others = decls.stream().filter(d -> !(d instanceof Decl.PlanDecl)).toList();
            plan = Resolver.resolve(planDecl, others, diagnostics);
            Rules.runModelRules(valueContext.withPlan(others, plan), diagnostics);
        }
        List<Diagnostic> sorted = new ArrayList<>(diagnostics.all());
        sorted.sort(Diagnostics.ORDER);
        return new Outcome(file, plan, sorted);
    }
}
