package dev.planc.bench;

import dev.planc.compiler.ast.PlanFile;
import dev.planc.compiler.diag.Diagnostics;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.SourceLoader;
import dev.planc.compiler.syntax.SyntaxParser;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Check in process: parse, resolve and validate a generated plan held in memory (no file I/O,
 * no rendering, no scheduling; see {@link FrontEnd}). {@code check} is the whole front end,
 * {@code parse} its first stage alone (lex, parse, lower to the AST).
 *
 * <pre>
 * java -jar bench/target/planc-bench.jar CheckBenchmark                          # both sizes
 * java -jar bench/target/planc-bench.jar CheckBenchmark.check -p tasks=100000 -prof gc
 * </pre>
 *
 * {@link CompileBenchmark} measures {@code Compiler.compile}, which schedules as well.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class CheckBenchmark {

    /** Generated plans include nothing. */
    static final SourceLoader NO_INCLUDES = path -> new SourceLoader.LoadResult.Failed("no includes in benchmarks", true);

    @Param({"10000", "100000"})
    public int tasks;

    private Source source;

    @Setup
    public void generate() {
        source = new Source("generated-" + tasks + ".plan", PlanGenerator.generate(tasks));
        FrontEnd.Outcome r = FrontEnd.check(source);
        if (!r.diagnostics().isEmpty() || r.plan() == null || r.plan().tasks().size() != tasks) {
            throw new IllegalStateException("the generated plan does not check clean: " + r.diagnostics().size()
                    + " diagnostics");
        }
    }

    @Benchmark
    public FrontEnd.Outcome check() {
        return FrontEnd.check(source);
    }

    @Benchmark
    public PlanFile parse() {
        return SyntaxParser.parse(source, new Diagnostics());
    }
}
