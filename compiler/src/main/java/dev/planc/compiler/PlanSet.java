package dev.planc.compiler;

import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.ast.PlanFile;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Severity;
import dev.planc.compiler.schedule.ScheduleRequest;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.SourceLoader;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Several root files compiled together through {@link Compiler}, as {@code planc check DIR} and
 * the Maven plugin do. A file found by searching a directory that has no {@code plan} block and
 * that another root includes is a library: it is checked through the plans that include it, not
 * on its own (on its own it would only be told it has no plan block). A diagnostic about a file
 * that several roots include is reported once.
 */
public final class PlanSet {
    /**
     * One file to compile.
     *
     * @param found true when it was found by searching a directory (then it may be a library);
     *     false when it was named, and is always compiled on its own
     */
    public record Root(Source source, boolean found) {}

    /** A root compiled on its own, and what the compiler made of it. */
    public record Member(Root root, Result<CompiledPlan> result) {
        /** The path the root was loaded by. */
        public String path() {
            return root.source().path();
        }
    }

    private final List<Member> plans;
    private final List<Diagnostic> diagnostics;
    private final int errors;

    private PlanSet(List<Member> plans, List<Diagnostic> diagnostics) {
        this.plans = List.copyOf(plans);
        this.diagnostics = List.copyOf(diagnostics);
        this.errors = (int) diagnostics.stream().filter(Diagnostic::isError).count();
    }

    /** Compiles every root (in the given order) with {@code request}; never throws for bad input. */
    public static PlanSet compile(List<Root> roots, SourceLoader loader, ScheduleRequest request) {
        List<Member> all = new ArrayList<>();
        Set<Path> includedElsewhere = new HashSet<>();
        for (Root root : roots) {
            Result<CompiledPlan> r = Compiler.compile(root.source(), loader, request);
            all.add(new Member(root, r));
            List<PlanFile> files = r.value().files();
            for (int i = 1; i < files.size(); i++) {
                Path k = key(files.get(i).source().path());
                if (k != null) {
                    includedElsewhere.add(k);
                }
            }
        }
        List<Member> plans = new ArrayList<>();
        // Sources are identities (each compile loads its own copy of a shared include), so the
        // same finding is recognised by where it is and what it says.
        Set<List<Object>> seen = new HashSet<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Member m : all) {
            boolean library = m.result().value().root().decls().stream().noneMatch(d -> d instanceof Decl.PlanDecl);
            if (m.root().found() && library && includedElsewhere.contains(key(m.path()))) {
                continue;
            }
            plans.add(m);
            for (Diagnostic d : m.result().diagnostics()) {
                Path file = key(d.span().source().path());
                List<Object> identity = List.of(file == null ? d.span().source().path() : file, d.span().start(),
                        d.span().end(), d.code().id(), d.message());
                if (seen.add(identity)) {
                    diagnostics.add(d);
                }
            }
        }
        return new PlanSet(plans, diagnostics);
    }

    /** The roots compiled on their own (libraries checked through their includers left out), in order. */
    public List<Member> plans() {
        return plans;
    }

    /** Every diagnostic of {@link #plans()}, each once, in the order the plans came. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public int errors() {
        return errors;
    }

    public int warnings() {
        return diagnostics.size() - errors;
    }

    /** How many distinct files have diagnostics of this severity (a plan and its includes count apart). */
    public int filesWith(Severity severity) {
        Set<String> files = new HashSet<>();
        for (Diagnostic d : diagnostics) {
            if (d.severity() == severity) {
                Path k = key(d.span().source().path());
                files.add(k == null ? d.span().source().path() : k.toString());
            }
        }
        return files.size();
    }

    private static @org.jspecify.annotations.Nullable Path key(String path) {
        try {
            return Path.of(path).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
