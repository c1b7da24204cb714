package dev.planc.bench;

import dev.planc.compiler.CompiledPlan;
import dev.planc.compiler.Compiler;
import dev.planc.compiler.Result;
import dev.planc.compiler.source.Source;
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
 * {@code Compiler.compile} of a generated plan held in memory: what {@code planc check} runs,
 * which since the scheduler joined it is parse + resolve + validate + a leveled schedule with
 * deadline checks. One operation takes seconds, so single-shot timing with few iterations.
 *
 * <pre>
 * java -jar bench/target/planc-bench.jar CompileBenchmark
 * java -jar bench/target/planc-bench.jar CompileBenchmark -p tasks=100000 -wi 0 -i 1   # very slow today
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class CompileBenchmark {

    @Param({"1000", "10000"})
    public int tasks;

    private Source source;

    @Setup
    public void generate() {
        source = new Source("generated-" + tasks + ".plan", PlanGenerator.generate(tasks));
    }

    @Benchmark
    public Result<CompiledPlan> compile() {
        Result<CompiledPlan> r = Compiler.compile(source, CheckBenchmark.NO_INCLUDES);
        if (!r.diagnostics().isEmpty()) {
            throw new IllegalStateException(r.diagnostics().size() + " diagnostics: " + r.diagnostics().get(0).message());
        }
        return r;
    }
}
