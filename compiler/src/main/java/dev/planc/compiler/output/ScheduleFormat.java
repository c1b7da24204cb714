package dev.planc.compiler.output;

import dev.planc.compiler.schedule.Schedule;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The schedule's output formats, as {@code planc schedule --format} and the Maven plugin's
 * {@code compile} goal name them, with the file extension {@code -o DIR} gives each.
 */
public enum ScheduleFormat {
    JSON(".json"), YAML(".yaml"), MERMAID(".mmd"), TEXT(".txt");

    private final String extension;

    ScheduleFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code json}, {@code yaml}, {@code mermaid} (or {@code mmd}), {@code text}; any case. Null when unknown. */
    public static @Nullable ScheduleFormat parse(String written) {
        String w = written.trim().toLowerCase(Locale.ROOT);
        if (w.equals("mmd")) {
            return MERMAID;
        }
        for (ScheduleFormat f : values()) {
            if (f.word().equals(w)) {
                return f;
            }
        }
        return null;
    }

    /** Writes the schedule in this format; JSON is streamed (a large plan is never one string). */
    public void write(Schedule schedule, Writer out) throws IOException {
        switch (this) {
            case JSON -> ScheduleWriters.json(schedule, out);
            case YAML -> out.write(ScheduleWriters.yaml(schedule));
            case MERMAID -> out.write(MermaidWriter.write(schedule));
            case TEXT -> out.write(TextScheduleWriter.write(schedule));
        }
        out.flush();
    }
}
