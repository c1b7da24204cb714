package dev.planc.compiler.validate;

import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.ast.Node;
import dev.planc.compiler.ast.PlanFile;
import dev.planc.compiler.model.Plan;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a rule may look at: the syntax trees, the spliced top-level declarations, the plan block,
 * and (for model rules) the resolved plan.
 */
public final class RuleContext {
    private final List<PlanFile> files;
    private final List<Decl> decls;
    private final Decl.@Nullable PlanDecl planDecl;
    private final @Nullable Plan plan;
    private @Nullable List<Node> nodes;

    public RuleContext(List<PlanFile> files, List<Decl> decls, Decl.@Nullable PlanDecl planDecl, @Nullable Plan plan) {
        this.files = List.copyOf(files);
        this.decls = List.copyOf(decls);
        this.planDecl = planDecl;
        this.plan = plan;
    }

    public List<PlanFile> files() {
        return files;
    }

    public List<Decl> decls() {
        return decls;
    }

    public Decl.@Nullable PlanDecl planDecl() {
        return planDecl;
    }

    /** The resolved plan; non-null for model rules. */
    public Plan plan() {
        if (plan == null) {
            throw new IllegalStateException("a value rule asked for the model");
        }
        return plan;
    }

    /** Every AST node of every file, pre-order, computed once and shared by the rules. */
    public List<Node> nodes() {
        if (nodes == null) {
            List<Node> all = new ArrayList<>();
            for (PlanFile f : files) {
                for (Decl d : f.decls()) {
                    AstNodes.collect(d, all);
                }
            }
            nodes = all;
        }
        return nodes;
    }

    /** Nodes of one type. */
    public <T> List<T> nodes(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Node n : nodes()) {
            if (type.isInstance(n)) {
                out.add(type.cast(n));
            }
        }
        return out;
    }
}
