package dev.planc.runtime.status;

import dev.planc.compiler.CompiledPlan;
import dev.planc.compiler.Compiler;
import dev.planc.compiler.Result;
import dev.planc.compiler.source.FileSourceLoader;
import dev.planc.compiler.source.SourceLoader;
import dev.planc.runtime.journal.Event;
import dev.planc.runtime.journal.EventCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** The status scenarios under src/test/resources/scenarios: shop.plan with a journal and an instant each. */
final class Scenarios {
    static final Path DIR = Path.of("src/test/resources/scenarios");

    private Scenarios() {}

    static CompiledPlan shop() {
        FileSourceLoader loader = new FileSourceLoader();
        SourceLoader.LoadResult loaded = loader.load(DIR.resolve("shop.plan"));
        Result<CompiledPlan> r = Compiler.compile(((SourceLoader.LoadResult.Loaded) loaded).source(), loader);
        if (r.hasErrors()) {
            throw new AssertionError("shop.plan has errors: " + r.diagnostics());
        }
        return r.value();
    }

    static List<Event> journal(String name) throws IOException {
        List<Event> events = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve(name + ".journal"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                events.add(EventCodec.parse(line));
            }
        }
        return events;
    }

    static LocalDateTime at(String name) throws IOException {
        return LocalDateTime.parse(Files.readString(DIR.resolve(name + ".at")).trim());
    }

    /** A scenario on shop.plan with extra attributes in its plan block. */
    static Status statusWith(String name, String planAttributes) throws IOException {
        String text = Files.readString(DIR.resolve("shop.plan"), StandardCharsets.UTF_8)
                .replace("currency EUR }", "currency EUR  " + planAttributes + " }");
        Result<CompiledPlan> r = Compiler.compile(new dev.planc.compiler.source.Source("shop.plan", text),
                new FileSourceLoader());
        if (r.hasErrors()) {
            throw new AssertionError(r.diagnostics().toString());
        }
        CompiledPlan plan = r.value();
        return StatusEngine.status(plan.plan(), Baseline.of(plan.schedule()), journal(name), at(name),
                Thresholds.of(plan.plan().flags()));
    }

    /** Status of an inline plan with events given as {@code "type subject [value] at"}. */
    static Status inline(String planText, String at, String... events) {
        Result<CompiledPlan> r = Compiler.compile(new dev.planc.compiler.source.Source("inline.plan", planText),
                new FileSourceLoader());
        if (r.hasErrors()) {
            throw new AssertionError(r.diagnostics().toString());
        }
        List<Event> list = new ArrayList<>();
        int id = 0;
        for (String e : events) {
            String[] w = e.split(" ");
            java.math.BigDecimal value = w.length == 4 ? new java.math.BigDecimal(w[2]) : null;
            list.add(new Event(Event.SCHEMA, "e" + (++id), LocalDateTime.parse(w[w.length - 1]),
                    java.time.Instant.EPOCH, Event.Type.of(w[0]), w[1], value, null, null, "test"));
        }
        CompiledPlan plan = r.value();
        return StatusEngine.status(plan.plan(), Baseline.of(plan.schedule()), list, LocalDateTime.parse(at),
                Thresholds.of(plan.plan().flags()));
    }

    static Status status(String name) throws IOException {
        CompiledPlan plan = shop();
        return StatusEngine.status(plan.plan(), Baseline.of(plan.schedule()), journal(name), at(name),
                Thresholds.of(plan.plan().flags()));
    }
}
