package dev.planc.compiler.validate;

import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.ast.Node;
import dev.planc.compiler.ast.PlanFile;
import dev.planc.compiler.model.Plan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a rule may look at: the syntax trees, the spliced top-level declarations, the plan block,
 * and (for model rules) the resolved plan. The AST is walked once and its nodes indexed by class,
 * so each rule touches only the nodes it asks for.
 */
public final class RuleContext {
    private final List<PlanFile> files;
    private final List<Decl> decls;
    private final Decl.@Nullable PlanDecl planDecl;
    private final @Nullable Plan plan;
    private final Index index;

    /**
     * The walk and the by-class index, shared by the value and the model stage, and by rules
     * running at once (built under the index's lock, once).
     */
    private static final class Index {
        @Nullable List<Node> all;
        @Nullable Map<Class<?>, List<Node>> byClass;
        final Map<Class<?>, List<?>> byType = new HashMap<>();
    }

    public RuleContext(List<PlanFile> files, List<Decl> decls, Decl.@Nullable PlanDecl planDecl, @Nullable Plan plan) {
        this(files, decls, planDecl, plan, new Index());
    }

    private RuleContext(List<PlanFile> files, List<Decl> decls, Decl.@Nullable PlanDecl planDecl, @Nullable Plan plan,
            Index index) {
        this.files = List.copyOf(files);
        this.decls = List.copyOf(decls);
        this.planDecl = planDecl;
        this.plan = plan;
        this.index = index;
    }

    /** The same syntax trees (and their walked index) with the resolved plan and its declarations. */
    public RuleContext withPlan(List<Decl> modelDecls, Plan resolved) {
        return new RuleContext(files, modelDecls, planDecl, resolved, index);
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

    /** Every AST node of every file, pre-order, computed once on request (rules ask by type instead). */
    public List<Node> nodes() {
        synchronized (index) {
            return allNodes();
        }
    }

    private List<Node> allNodes() {
        if (index.all == null) {
            List<Node> all = new ArrayList<>();
            for (PlanFile f : files) {
                for (Decl d : f.decls()) {
                    AstNodes.collect(d, all);
                }
            }
            index.all = all;
        }
        return index.all;
    }

    /** The walk behind {@link #nodes(Class)}: every node of every file, indexed by class. */
    private Map<Class<?>, List<Node>> byClass() {
        if (index.byClass == null) {
            AstNodes.ByClass byClass = new AstNodes.ByClass();
            for (PlanFile f : files) {
                for (Decl d : f.decls()) {
                    AstNodes.index(d, byClass);
                }
            }
            index.byClass = byClass.toMap();
        }
        return index.byClass;
    }

    /**
     * Nodes of one type: for a record, in pre-order; for an interface, grouped by record class
     * (each group in pre-order). Rules must not depend on the order across classes; the
     * compiler sorts diagnostics by position anyway.
     */
    @SuppressWarnings("unchecked")
    public <T> List<T> nodes(Class<T> type) {
        synchronized (index) {
            return nodesOf(type);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> nodesOf(Class<T> type) {
        List<?> cached = index.byType.get(type);
        if (cached != null) {
            return (List<T>) cached;
        }
        Map<Class<?>, List<Node>> byClass = byClass(); // walks the AST on first use
        List<T> out;
        List<Node> exact = byClass.get(type);
        if (exact != null && type.isRecord()) {
            out = (List<T>) java.util.Collections.unmodifiableList(exact); // the index is never changed
        } else if (type.isRecord()) {
            out = List.of();
        } else {
            List<T> matches = new ArrayList<>();
            byClass.entrySet().stream()
                    .filter(e -> type.isAssignableFrom(e.getKey()))
                    .sorted(java.util.Comparator.comparing(e -> e.getKey().getName())) // deterministic
                    .forEach(e -> e.getValue().forEach(node -> matches.add(type.cast(node))));
            out = List.copyOf(matches);
        }
        index.byType.put(type, out);
        return out;
    }
}
