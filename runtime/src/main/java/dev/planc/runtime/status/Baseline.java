package dev.planc.runtime.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.planc.compiler.model.Task;
import dev.planc.compiler.output.ScheduleWriters;
import dev.planc.compiler.schedule.Schedule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The dates status measures against: a frozen baseline ({@code NAME.baseline.json}, written by
 * {@code planc baseline}) when there is one, else the plan's own current schedule.
 *
 * @param source what the baseline is, in words, for reports
 * @param frozenAt when it was frozen, or null for the plan's own schedule
 * @param tasks per task path its baseline dates (unscheduled contingent tasks are absent)
 * @param order task paths in the order the scheduler placed them (the forecast keeps it), or
 *     empty when unknown (then the forecast places by baseline start)
 */
public record Baseline(String source, @Nullable Instant frozenAt, LocalDateTime finish, Map<String, Dates> tasks,
        List<String> order) {

    public Baseline {
        tasks = Map.copyOf(tasks);
        order = List.copyOf(order);
    }

    /** One task's baseline. */
    public record Dates(LocalDateTime start, LocalDateTime finish, long slackMinutes) {}

    /** The plan's own schedule as the baseline. */
    public static Baseline of(Schedule schedule) {
        Map<String, Dates> tasks = new LinkedHashMap<>();
        for (Task t : schedule.plan().tasks()) {
            Schedule.Entry e = schedule.entry(t.index());
            if (e.scheduled()) {
                tasks.put(t.path(), new Dates(e.start(), e.finish(), e.slackMinutes()));
            }
        }
        List<String> order = new ArrayList<>();
        for (int i : schedule.placementOrder()) {
            order.add(schedule.plan().tasks().get(i).path());
        }
        return new Baseline("the plan's current schedule (no baseline frozen)", null, schedule.finish(), tasks, order);
    }

    /**
     * What status of {@code plan} measures against: the baseline frozen beside it
     * ({@link #pathFor}) when there is one, else {@code schedule}, the plan's own.
     *
     * @throws IOException when a frozen baseline is there but cannot be read (the message names it)
     */
    public static Baseline forPlan(Path plan, Schedule schedule) throws IOException {
        Path frozen = pathFor(plan);
        return Files.exists(frozen) ? read(frozen) : of(schedule);
    }

    /** {@code examples/release.plan} → {@code examples/release.baseline.json}. */
    public static Path pathFor(Path plan) {
        String name = plan.getFileName().toString().replaceFirst("\\.plan$", "");
        return plan.resolveSibling(name + ".baseline.json");
    }

    /**
     * Freezes a schedule: the {@code schedule --format json} document with {@code frozenAt} and
     * {@code placementOrder} (task ids in the order the scheduler placed them) added, written to a temporary file, forced to disk and moved into place, so a crash leaves
     * the old baseline or the new one, never half of one.
     */
    public static void write(Schedule schedule, Instant frozenAt, Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode doc = json.readTree(ScheduleWriters.json(schedule));
        com.fasterxml.jackson.databind.node.ObjectNode o = (com.fasterxml.jackson.databind.node.ObjectNode) doc;
        o.put("frozenAt", frozenAt.toString());
        com.fasterxml.jackson.databind.node.ArrayNode order = o.putArray("placementOrder");
        for (int i : schedule.placementOrder()) {
            order.add(schedule.plan().tasks().get(i).path());
        }
        String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n";
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads a frozen baseline; throws {@link IOException} with a message naming what is wrong. */
    public static Baseline read(Path file) throws IOException {
        JsonNode doc;
        try {
            doc = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + " is not a baseline (not JSON: " + e.getOriginalMessage() + ")");
        }
        if (doc == null || !doc.path("tasks").isArray() || !doc.path("plan").path("finish").isTextual()) {
            throw new IOException(file + " is not a baseline written by `planc baseline`");
        }
        Map<String, Dates> tasks = new LinkedHashMap<>();
        try {
            for (JsonNode t : doc.get("tasks")) {
                if (t.path("start").isTextual() && t.path("finish").isTextual()) {
                    long slack = Math.round(t.path("slackHours").asDouble() * 60);
                    tasks.put(t.path("id").asText(), new Dates(LocalDateTime.parse(t.get("start").asText()),
                            LocalDateTime.parse(t.get("finish").asText()), slack));
                }
            }
            Instant frozen = doc.path("frozenAt").isTextual() ? Instant.parse(doc.get("frozenAt").asText()) : null;
            List<String> order = new ArrayList<>();
            for (JsonNode id : doc.path("placementOrder")) {
                order.add(id.asText());
            }
            return new Baseline("baseline frozen " + (frozen == null ? "earlier" : frozen.toString())
                    + " (" + file.getFileName() + ")", frozen,
                    LocalDateTime.parse(doc.get("plan").get("finish").asText()), tasks, order);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IOException(file + " has a bad date: " + e.getParsedString());
        }
    }
}
