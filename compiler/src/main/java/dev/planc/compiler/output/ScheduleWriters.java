package dev.planc.compiler.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.planc.compiler.schedule.Schedule;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.representer.Representer;

/** JSON (Jackson) and YAML (SnakeYAML) of {@link ScheduleDocument}. */
public final class ScheduleWriters {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ScheduleWriters() {}

    public static String json(Schedule schedule) {
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter().withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
        try {
            return MAPPER.writer(pretty).writeValueAsString(ScheduleDocument.of(schedule)).replace("\r\n", "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
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
