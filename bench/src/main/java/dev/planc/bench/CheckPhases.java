package dev.planc.bench;

import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.ast.PlanFile;
import dev.planc.compiler.diag.Diagnostics;
import dev.planc.compiler.model.Plan;
import dev.planc.compiler.schedule.ScheduleRequest;
import dev.planc.compiler.schedule.Scheduler;
import dev.planc.compiler.resolve.Resolver;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.syntax.SyntaxParser;
import dev.planc.compiler.validate.Rule;
import dev.planc.compiler.validate.RuleContext;
import dev.planc.compiler.validate.Rules;
import dev.planc.grammar.PlanLexer;
import dev.planc.grammar.PlanParser;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;

/**
 * Where the time of one check goes: replays the stages of {@code Compiler.compile} for a single
 * file (no includes) with a timer around each, and around each validation rule (the rule lists
 * are package-private in the compiler, so they are read by reflection; this is a profiling aid,
 * not an API). Lexing alone and lexing + SLL parsing alone are timed separately, so the AST
 * lowering is the rest of {@code SyntaxParser.parse}.
 *
 * <pre>
 * java -Xmx2g -cp bench/target/planc-bench.jar dev.planc.bench.CheckPhases [--tasks 100000] [--warmup 3] [--runs 5] [--no-schedule]
 * </pre>
 */
public final class CheckPhases {
    private CheckPhases() {}

    public static void main(String[] args) throws Exception {
        int tasks = 100_000;
        int runs = 5;
        int warmup = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--tasks" -> tasks = Integer.parseInt(args[++i].replace("_", ""));
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--no-schedule" -> schedule = false;
                default -> {
                    System.err.println("usage: CheckPhases [--tasks N] [--warmup W] [--runs R] [--no-schedule]");
                    System.exit(2);
                }
            }
        }
        Source source = new Source("generated-" + tasks + ".plan", PlanGenerator.generate(tasks));
        for (int i = 0; i < warmup; i++) {
            once(source, new LinkedHashMap<>());
        }
        report(source, runs);
    }

    /** Runs the stages {@code runs} times and prints the median of each. */
    static void report(Source source, int runs) throws Exception {
        Map<String, double[]> times = new LinkedHashMap<>();
        for (int i = 0; i < runs; i++) {
            Map<String, Double> one = new LinkedHashMap<>();
            once(source, one);
            for (Map.Entry<String, Double> e : one.entrySet()) {
                times.computeIfAbsent(e.getKey(), k -> new double[runs])[i] = e.getValue();
            }
        }
        System.out.printf(Locale.ROOT, "phases (median of %d runs, ms; indented lines are parts of the line above):%n",
                runs);
        double total = 0;
        for (Map.Entry<String, double[]> e : times.entrySet()) {
            double[] v = e.getValue().clone();
            Arrays.sort(v);
            double median = v[v.length / 2];
            if (!e.getKey().startsWith(" ")) {
                total += median;
            }
            System.out.printf(Locale.ROOT, "  %-52s %9.1f%n", e.getKey(), median);
        }
        System.out.printf(Locale.ROOT, "  %-52s %9.1f%n", "sum of top-level phases", total);
    }

    @SuppressWarnings("unchecked")
    private static List<Rule> rules(String field) throws ReflectiveOperationException {
        Field f = Rules.class.getDeclaredField(field);
        f.setAccessible(true);
        return (List<Rule>) f.get(null);
    }

    /** Whether to time the scheduler too ({@code Compiler.compile} schedules a plan that has no errors). */
    static boolean schedule = true;

    private static void once(Source source, Map<String, Double> out) throws Exception {
        antlrAlone(source, out); // in its own frame, so its tokens and tree are garbage afterwards
        Diagnostics diagnostics = new Diagnostics();
        long t = System.nanoTime();
        PlanFile file = SyntaxParser.parse(source, diagnostics);
        out.put("parse: SyntaxParser.parse (lex, parse, lower)", ms(t));

        List<Decl> decls = file.decls();
        Decl.PlanDecl planDecl = null;
        for (Decl d : decls) {
            if (d instanceof Decl.PlanDecl p) {
                planDecl = p;
                break;
            }
        }
        t = System.nanoTime();
        RuleContext valueContext = new RuleContext(List.of(file), decls, planDecl, null);
        valueContext.nodes(Decl.TaskDecl.class); // the first query walks the AST and indexes it by class
        out.put("value rules: RuleContext index (AST walk)", ms(t));
        for (Rule r : rules("VALUE_RULES")) {
            t = System.nanoTime();
            r.check(valueContext, diagnostics);
            out.put("value rule " + r.getClass().getSimpleName(), ms(t));
        }

        List<Decl> others = new ArrayList<>();
        for (Decl d : decls) {
            if (!(d instanceof Decl.PlanDecl)) {
                others.add(d);
            }
        }
        t = System.nanoTime();
        Plan plan = Resolver.resolve(planDecl, others, diagnostics);
        out.put("resolve: Resolver.resolve", ms(t));

        t = System.nanoTime();
        RuleContext modelContext = valueContext.withPlan(others, plan);
        modelContext.nodes(Decl.TaskDecl.class);
        out.put("model rules: RuleContext.withPlan (shares the walk)", ms(t));
        for (Rule r : rules("STRUCTURE_RULES")) {
            t = System.nanoTime();
            r.check(modelContext, diagnostics);
            out.put("structure rule " + r.getClass().getSimpleName(), ms(t));
        }
        for (Rule r : rules("WARNING_RULES")) {
            t = System.nanoTime();
            r.check(modelContext, diagnostics);
            out.put("warning rule " + r.getClass().getSimpleName(), ms(t));
        }
        if (diagnostics.size() != 0) {
            throw new IllegalStateException(diagnostics.size() + " diagnostics: " + diagnostics.all().get(0).message());
        }
        if (schedule) {
            t = System.nanoTime();
            var scheduled = Scheduler.schedule(plan, ScheduleRequest.plain());
            out.put("schedule: Scheduler.schedule (leveling, deadlines)", ms(t));
            if (!scheduled.diagnostics().isEmpty() || scheduled.value() == null) {
                throw new IllegalStateException("the schedule reports " + scheduled.diagnostics().size()
                        + " diagnostics");
            }
        }
    }

    /** Lexing alone, then lexing and SLL parsing alone: what SyntaxParser does before lowering to the AST. */
    private static void antlrAlone(Source source, Map<String, Double> out) {
        long t = System.nanoTime();
        PlanLexer lexer = new PlanLexer(CharStreams.fromString(source.text(), source.path()));
        lexer.removeErrorListeners();
        int tokens = 0;
        for (Token tok = lexer.nextToken(); tok.getType() != Token.EOF; tok = lexer.nextToken()) {
            tokens++;
        }
        out.put("  lex only (ANTLR lexer, " + tokens + " tokens)", ms(t));
        t = System.nanoTime();
        PlanLexer lexer2 = new PlanLexer(CharStreams.fromString(source.text(), source.path()));
        lexer2.removeErrorListeners();
        PlanParser parser = new PlanParser(new CommonTokenStream(lexer2));
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.file();
        out.put("  lex + SLL parse only (parse tree, no AST)", ms(t));
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }
}
