package dev.planc.compiler.schedule;

import dev.planc.compiler.CompiledPlan;
import dev.planc.compiler.Compiler;
import dev.planc.compiler.Golden;
import dev.planc.compiler.Result;
import dev.planc.compiler.output.MermaidWriter;
import dev.planc.compiler.output.ScheduleWriters;
import dev.planc.compiler.output.TextScheduleWriter;
import dev.planc.compiler.source.FileSourceLoader;
import dev.planc.compiler.source.SourceLoader;
import dev.planc.testing.Repository;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden schedules of the bundled examples in every output format
 * ({@code src/test/resources/schedules/NAME.{json,yaml,mmd,txt}}). A change in scheduling shows
 * up here as a reviewable diff; regenerate with {@code -Dplanc.updateGolden=true}.
 */
class ExampleSchedulesTest {
    private static final Path OUT = Path.of("src/test/resources/schedules");

    @TestFactory
    Stream<DynamicTest> examples() {
        Path examples = Repository.root().resolve("examples");
        return Stream.of("release", "launch", "construction").map(name -> DynamicTest.dynamicTest(name, () -> {
            SourceLoader loader = new FileSourceLoader();
            SourceLoader.LoadResult loaded = loader.load(examples.resolve(name + ".plan"));
            Result<CompiledPlan> r = Compiler.compile(((SourceLoader.LoadResult.Loaded) loaded).source(), loader);
            if (!r.diagnostics().isEmpty()) {
                throw new AssertionError("example " + name + " has diagnostics: " + r.diagnostics());
            }
            Schedule s = r.value().schedule();
            Golden.check(OUT.resolve(name + ".json"), ScheduleWriters.json(s));
            Golden.check(OUT.resolve(name + ".yaml"), ScheduleWriters.yaml(s));
            Golden.check(OUT.resolve(name + ".mmd"), MermaidWriter.write(s));
            Golden.check(OUT.resolve(name + ".txt"), TextScheduleWriter.write(s));
            // The placement order given back reproduces the schedule exactly (the runtime's forecast
            // relies on it: with nothing changed, the forecast is the baseline).
            Schedule again = Scheduler.schedule(s.plan(), new ScheduleRequest(null, java.util.Map.of(),
                    java.util.Set.of(), 0, s.placementOrder())).value();
            org.junit.jupiter.api.Assertions.assertEquals(ScheduleWriters.json(s), ScheduleWriters.json(again),
                    name + " scheduled again in its own placement order");
        }));
    }
}
