package dev.planc.maven;

import dev.planc.compiler.output.MermaidWriter;
import dev.planc.compiler.output.ScheduleWriters;
import dev.planc.compiler.output.TextScheduleWriter;
import dev.planc.compiler.schedule.Schedule;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The schedule outputs {@code compile} writes: the formats and file names of {@code planc schedule -o DIR}. */
enum ScheduleFormat {
    JSON(".json"), YAML(".yaml"), MERMAID(".mmd"), TEXT(".txt");

    private final String extension;

    ScheduleFormat(String extension) {
        this.extension = extension;
    }

    String extension() {
        return extension;
    }

    String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code json}, {@code yaml}, {@code mermaid} (or {@code mmd}), {@code text}; any case. Null when unknown. */
    static @Nullable ScheduleFormat parse(String written) {
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

    /** The same bytes as {@code planc schedule --format WORD}. */
    void write(Schedule schedule, Writer out) throws IOException {
        switch (this) {
            case JSON -> ScheduleWriters.json(schedule, out);
            case YAML -> out.write(ScheduleWriters.yaml(schedule));
            case MERMAID -> out.write(MermaidWriter.write(schedule));
            case TEXT -> out.write(TextScheduleWriter.write(schedule));
        }
        out.flush();
    }
}
