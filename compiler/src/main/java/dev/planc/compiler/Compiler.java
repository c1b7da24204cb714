package dev.planc.compiler;

import dev.planc.compiler.ast.Attr;
import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.ast.PlanFile;
import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;
import dev.planc.compiler.model.Plan;
import dev.planc.compiler.parallel.Parallel;
import dev.planc.compiler.resolve.References;
import dev.planc.compiler.resolve.Resolver;
import dev.planc.compiler.schedule.Schedule;
import dev.planc.compiler.schedule.ScheduleRequest;
import dev.planc.compiler.schedule.Scheduler;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.SourceLoader;
import dev.planc.compiler.source.Span;
import dev.planc.compiler.syntax.SyntaxParser;
import dev.planc.compiler.validate.RuleContext;
import dev.planc.compiler.validate.Rules;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The one entry point every front door uses: a root source in, the compiled plan and all
 * diagnostics out. Never throws for bad input.
 *
 * <p>Stages: parse the root and, depth first, every file it includes (paths relative to the
 * including file; cycles and missing files reported); check the plan block; run the value rules
 * on the syntax trees; then, only when the syntax is clean (so one typo cannot cascade), resolve
 * the model and run the structural and model rules; and when all that found no error, schedule
 * the plan (a missed deadline is an error too) so the result carries the baseline schedule.
 */
public final class Compiler {
    private Compiler() {}

    public static Result<CompiledPlan> compile(Source root, SourceLoader loader) {
        return compile(root, loader, ScheduleRequest.plain());
    }

    /**
     * {@link #compile(Source, SourceLoader)} with the baseline scheduled as {@code request} asks
     * (only its leveling budget matters for a baseline: a compile has no actuals).
     */
    public static Result<CompiledPlan> compile(Source root, SourceLoader loader, ScheduleRequest request) {
        return schedule(check(root, loader), request);
    }

    /**
     * The front end alone: every check except those that need a schedule (a missed deadline,
     * E0307), and no baseline schedule in the result. For editors, which check on every
     * keystroke, and for measuring the front end.
     */
    public static Result<CompiledPlan> check(Source root, SourceLoader loader) {
        Diagnostics diagnostics = new Diagnostics();
        CompiledPlan checked = frontEnd(root, loader, diagnostics);
        return new Result<>(checked, sorted(diagnostics.all(), checked.files()));
    }

    /**
     * The rest of {@link #compile}: schedules a {@link #check} result, when it has a model and
     * no error, and adds what scheduling found. {@code compile(r, l, q)} is exactly
     * {@code schedule(check(r, l), q)}; editors run the two halves apart to show the front
     * end's diagnostics without waiting for the schedule.
     */
    public static Result<CompiledPlan> schedule(Result<CompiledPlan> checked, ScheduleRequest request) {
        CompiledPlan compiled = java.util.Objects.requireNonNull(checked.value());
        if (compiled.plan() == null || checked.hasErrors()) {
            return checked;
        }
        // A missed deadline is a compile error, so compiling schedules; the result is the baseline.
        Result<Schedule> scheduled = Scheduler.schedule(compiled.plan(), request);
        List<Diagnostic> all = new ArrayList<>(checked.diagnostics());
        all.addAll(scheduled.diagnostics());
        return new Result<>(compiled.withSchedule(scheduled.value()), sorted(all, compiled.files()));
    }

    private static List<Diagnostic> sorted(List<Diagnostic> diagnostics, List<PlanFile> files) {
        List<Diagnostic> sorted = new ArrayList<>(diagnostics);
        sorted.sort(order(files));
        return sorted;
    }

    private static CompiledPlan frontEnd(Source root, SourceLoader loader, Diagnostics diagnostics) {
        List<PlanFile> files = new ArrayList<>();
        Map<Path, PlanFile> loaded = new HashMap<>();
        List<Decl> decls = new ArrayList<>();

        PlanFile rootFile = SyntaxParser.parse(root, diagnostics);
        files.add(rootFile);
        List<Path> stack = new ArrayList<>();
        Path rootPath = key(root.path());
        if (rootPath != null) {
            loaded.put(rootPath, rootFile);
            stack.add(rootPath);
        }
        splice(rootFile, stack, loaded, files, decls, loader, diagnostics);
        boolean syntaxClean = !diagnostics.hasErrors();

        Decl.PlanDecl planDecl = planBlock(files, syntaxClean, diagnostics);
        RuleContext valueContext = new RuleContext(files, decls, planDecl, null);
        boolean resolving = syntaxClean && planDecl != null;
        List<Decl> others = resolving ? decls.stream().filter(d -> !(d instanceof Decl.PlanDecl)).toList() : List.of();
        // The value rules read only the syntax trees and resolving reads only the declarations, so
        // the two run side by side, each into diagnostics of its own, added in the order the two
        // would run one after the other (the model rules then see both).
        Diagnostics fromValues = new Diagnostics();
        Diagnostics fromResolving = new Diagnostics();
        List<Resolver.@Nullable Resolved> resolvedBox = Parallel.map(resolving ? 2 : 1, piece -> {
            if (piece == 0) {
                Rules.runValueRules(valueContext, fromValues);
                return null;
            }
            return Resolver.resolveWithReferences(Objects.requireNonNull(planDecl), others, fromResolving);
        });
        diagnostics.reportAll(fromValues);
        diagnostics.reportAll(fromResolving);

        Plan plan = null;
        References references = References.none();
        Resolver.Resolved resolved = resolving ? resolvedBox.get(1) : null;
        if (resolved != null) {
            plan = resolved.plan();
            references = resolved.references();
            Rules.runModelRules(valueContext.withPlan(others, plan), diagnostics);
        }
        return new CompiledPlan(files, plan, null, references);
    }

    /** Diagnostics in file order (root first, then includes), then by position. */
    private static java.util.Comparator<Diagnostic> order(List<PlanFile> files) {
        Map<Source, Integer> rank = new HashMap<>();
        for (PlanFile f : files) {
            rank.putIfAbsent(f.source(), rank.size());
        }
        return java.util.Comparator
                .comparingInt((Diagnostic d) -> rank.getOrDefault(d.span().source(), Integer.MAX_VALUE))
                .thenComparingInt(d -> d.span().start())
                .thenComparingInt(d -> d.span().end())
                .thenComparing(d -> d.code().id())
                .thenComparing(Diagnostic::message);
    }

    /** Appends the file's declarations to {@code decls}, replacing each include by the included file's. */
    private static void splice(PlanFile file, List<Path> stack, Map<Path, PlanFile> loaded, List<PlanFile> files,
            List<Decl> decls, SourceLoader loader, Diagnostics diagnostics) {
        for (Decl d : file.decls()) {
            if (!(d instanceof Decl.IncludeDecl inc)) {
                decls.add(d);
                continue;
            }
            String written = inc.path().value();
            Path target;
            try {
                Path base = Path.of(file.source().path()).getParent();
                target = (base == null ? Path.of(written) : base.resolve(written)).normalize();
            } catch (InvalidPathException e) {
                diagnostics.report(Code.E0209, inc.path().span(), "cannot include \"" + written + "\": not a valid path");
                continue;
            }
            Path k = key(target.toString());
            if (k != null && stack.contains(k)) {
                List<String> cycle = new ArrayList<>();
                for (Path p : stack.subList(stack.indexOf(k), stack.size())) {
                    cycle.add(display(p, loaded));
                }
                cycle.add(display(k, loaded));
                diagnostics.report(Diagnostic.of(Code.E0208, inc.span(), "include cycle: " + String.join(" → ", cycle))
                        .withHelp("remove one of these includes"));
                continue;
            }
            if (k != null && loaded.containsKey(k)) {
                continue; // already included elsewhere: its declarations are in once
            }
            SourceLoader.LoadResult result = loader.load(target);
            if (result instanceof SourceLoader.LoadResult.Failed failed) {
                diagnostics.report(Diagnostic.of(Code.E0209, inc.path().span(), "cannot include \"" + written + "\": "
                        + failed.reason()).withLabel("looked for " + target));
                continue;
            }
            Source source = ((SourceLoader.LoadResult.Loaded) result).source();
            PlanFile included = SyntaxParser.parse(source, diagnostics);
            files.add(included);
            if (k != null) {
                loaded.put(k, included);
                stack.add(k);
            }
            splice(included, stack, loaded, files, decls, loader, diagnostics);
            if (k != null) {
                stack.remove(stack.size() - 1);
            }
        }
    }

    private static String display(Path key, Map<Path, PlanFile> loaded) {
        PlanFile f = loaded.get(key);
        return f != null ? f.source().path() : key.toString();
    }

    private static @Nullable Path key(String path) {
        try {
            return Path.of(path).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /**
     * Exactly one plan block, in the root file, with a start date. A missing block or start is
     * only reported when the syntax is clean: a syntax error may be what dropped it.
     */
    private static Decl.@Nullable PlanDecl planBlock(List<PlanFile> files, boolean syntaxClean,
            Diagnostics diagnostics) {
        Decl.PlanDecl found = null;
        PlanFile root = files.get(0);
        for (PlanFile f : files) {
            for (Decl d : f.decls()) {
                if (!(d instanceof Decl.PlanDecl p)) {
                    continue;
                }
                Span head = new Span(p.span().source(), p.span().start(), Math.min(p.span().end(), p.span().start() + 4));
                if (f != root) {
                    diagnostics.report(Diagnostic.of(Code.E0210, head, "an included file cannot have a `plan` block")
                            .withHelp("only the file you compile declares the plan; move this block there"));
                } else if (found != null) {
                    diagnostics.report(Diagnostic.of(Code.E0210, head, "a second `plan` block")
                            .withLabel("the first is at " + found.span().location()));
                } else {
                    found = p;
                }
            }
        }
        if (found == null) {
            if (!syntaxClean) {
                return null;
            }
            Source src = root.source();
            diagnostics.report(Diagnostic.of(Code.E0210, new Span(src, 0, 0), "this file has no `plan` block")
                    .withHelp("add `plan \"Name\" { start YYYY-MM-DD }`; a file of "
                    + "declarations only is meant to be included by a plan"));
            return null;
        }
        boolean hasStart = found.body().stream().anyMatch(m -> m instanceof Attr.Start);
        if (!hasStart && syntaxClean) {
            Span head = new Span(found.span().source(), found.span().start(), found.span().start() + 4);
            diagnostics.report(Diagnostic.of(Code.E0210, head, "the plan block has no `start` date")
                    .withHelp("add `start YYYY-MM-DD`: everything is scheduled from it"));
        }
        return found;
    }
}
