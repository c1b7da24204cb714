package dev.planc.compiler.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.planc.compiler.model.Task;
import dev.planc.compiler.parallel.Parallel;
import dev.planc.compiler.schedule.Schedule;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.representer.Representer;

/** JSON (Jackson) and YAML (SnakeYAML) of {@link ScheduleDocument}. */
public final class ScheduleWriters {
    private static final JsonFactory JSON = new JsonFactory();
    /** Tasks whose members are worked out before they are written. */
    private static final int WINDOW = 4096;

    private ScheduleWriters() {}

    public static String json(Schedule schedule) {
        StringWriter out = new StringWriter();
        try {
            json(schedule, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /**
     * Streams the JSON document to {@code out}, one task at a time (a million-task schedule is
     * never held as one string). Same bytes as {@link #json(Schedule)}; {@code out} is not closed.
     * Written through Jackson's streaming generator alone: data binding would add a third of a
     * second of start-up to every {@code planc schedule} for no gain on plain maps and lists.
     */
    public static void json(Schedule schedule, Writer out) throws IOException {
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        JsonGenerator gen = JSON.createGenerator(out);
        gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        gen.setPrettyPrinter(pretty);
        gen.writeStartObject();
        gen.writeFieldName("plan");
        value(gen, ScheduleDocument.head(schedule));
        gen.writeFieldName("tasks");
        gen.writeStartArray();
        // The tasks' members are worked out a window at a time, the window split over the cores;
        // the generator then writes them in order.
        List<Task> tasks = schedule.plan().tasks();
        for (int from = 0; from < tasks.size(); from += WINDOW) {
            int start = from;
            for (Map<String, Object> doc : Parallel.mapInRanges(Math.min(WINDOW, tasks.size() - from),
                    i -> ScheduleDocument.task(schedule, tasks.get(start + i)))) {
                value(gen, doc);
            }
        }
        gen.writeEndArray();
        gen.writeFieldName("criticalPath");
        value(gen, ScheduleDocument.criticalPath(schedule));
        gen.writeEndObject();
        gen.flush();
        out.write("\n");
    }

    /** The document's values: maps, lists, strings, numbers, booleans and null. */
    private static void value(JsonGenerator gen, @Nullable Object v) throws IOException {
        if (v == null) {
            gen.writeNull();
        } else if (v instanceof String s) {
            gen.writeString(s);
        } else if (v instanceof Boolean b) {
            gen.writeBoolean(b);
        } else if (v instanceof Double d) {
            gen.writeNumber(d);
        } else if (v instanceof Integer i) {
            gen.writeNumber(i);
        } else if (v instanceof Long l) {
            gen.writeNumber(l);
        } else if (v instanceof BigDecimal d) {
            gen.writeNumber(d);
        } else if (v instanceof Map<?, ?> m) {
            gen.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                gen.writeFieldName(String.valueOf(e.getKey()));
                value(gen, e.getValue());
            }
            gen.writeEndObject();
        } else if (v instanceof List<?> list) {
            gen.writeStartArray();
            for (Object x : list) {
                value(gen, x);
            }
            gen.writeEndArray();
        } else {
            throw new IllegalArgumentException("not a document value: " + v.getClass().getName());
        }
    }

    public static String yaml(Schedule schedule) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        // Dumping only: plain maps, lists, strings, numbers and booleans; no tags, no custom types.
        Yaml yaml = new Yaml(new Representer(options), options);
        return yaml.dump(ScheduleDocument.of(schedule));
    }
}
