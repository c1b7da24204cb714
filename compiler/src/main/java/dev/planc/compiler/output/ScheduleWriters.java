package dev.planc.compiler.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.planc.compiler.model.Task;
import dev.planc.compiler.schedule.Schedule;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.representer.Representer;

/** JSON (Jackson) and YAML (SnakeYAML) of {@link ScheduleDocument}. */
public final class ScheduleWriters {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Writes values into an open generator without flushing after each one. */
    private static final ObjectWriter VALUES = MAPPER.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

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
     */
    public static void json(Schedule schedule, Writer out) throws IOException {
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        JsonGenerator gen = MAPPER.getFactory().createGenerator(out);
        gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        gen.setPrettyPrinter(pretty);
        gen.writeStartObject();
        gen.writeFieldName("plan");
        VALUES.writeValue(gen, ScheduleDocument.head(schedule));
        gen.writeFieldName("tasks");
        gen.writeStartArray();
        for (Task t : schedule.plan().tasks()) {
            VALUES.writeValue(gen, ScheduleDocument.task(schedule, t));
        }
        gen.writeEndArray();
        gen.writeFieldName("criticalPath");
        VALUES.writeValue(gen, ScheduleDocument.criticalPath(schedule));
        gen.writeEndObject();
        gen.flush();
        out.write("\n");
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
