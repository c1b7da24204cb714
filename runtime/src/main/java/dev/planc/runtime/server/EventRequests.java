package dev.planc.runtime.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.planc.runtime.PlanRuntime;
import dev.planc.runtime.journal.Event;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/events} (CLI.md): one event object or an array of them, each
 * {@code {"type": ..., "task"|"metric": ID, "value": ..., "at": DATETIME}}. Turns it into events
 * or names every problem; checking the events against the plan and journal is the runtime's.
 *
 * <p>Per type: {@code start}/{@code finish} need {@code task}; {@code progress} needs
 * {@code task} and a number 0–100 as {@code value}; {@code measure} needs {@code metric} and a
 * number; {@code cost} needs {@code task}, a number and optionally {@code currency} (three
 * capital letters); {@code note} needs a string {@code value} (or {@code text}) and may name a
 * {@code task}. {@code at} is a local date-time in the plan's zone ({@code 2027-02-01T12:00}) or
 * a date (midnight); without it, the event happens now. {@code author} is optional.
 */
final class EventRequests {
    /** Numbers keep every digit and their scale ({@code 99.90} stays {@code 99.90}). */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private static final Set<String> MEMBERS = Set.of("type", "task", "metric", "value", "text", "currency", "at",
            "author");

    private EventRequests() {}

    /** What a body turned into: events, or the problems (then nothing may be stored). */
    record Parsed(List<Event> events, List<String> problems) {}

    static Parsed parse(byte[] body, PlanRuntime runtime, @Nullable String defaultAuthor) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage();
            int cut = why.indexOf(" (");
            why = cut > 0 ? why.substring(0, cut) : why;
            return new Parsed(List.of(), List.of("the body is not JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "): " + why));
        } catch (java.io.IOException e) {
            return new Parsed(List.of(), List.of("cannot read the body: " + e.getMessage()));
        }
        if (root == null || root.isMissingNode()) {
            return new Parsed(List.of(), List.of("the body is empty: send an event object or an array of them"));
        }
        List<JsonNode> items = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(items::add);
            if (items.isEmpty()) {
                return new Parsed(List.of(), List.of("the array holds no events"));
            }
        } else if (root.isObject()) {
            items.add(root);
        } else {
            return new Parsed(List.of(), List.of("expected an event object or an array of them"));
        }
        List<Event> events = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        LocalDateTime now = runtime.now();
        for (int i = 0; i < items.size(); i++) {
            String where = items.size() == 1 && !root.isArray() ? "" : "event " + (i + 1) + ": ";
            List<String> mine = new ArrayList<>();
            Event e = event(items.get(i), runtime, now, defaultAuthor, mine);
            mine.forEach(p -> problems.add(where + p));
            if (e != null && mine.isEmpty()) {
                events.add(e);
            }
        }
        return problems.isEmpty() ? new Parsed(events, List.of()) : new Parsed(List.of(), problems);
    }

    private static @Nullable Event event(JsonNode o, PlanRuntime rt, LocalDateTime now, @Nullable String defaultAuthor,
            List<String> problems) {
        if (!o.isObject()) {
            problems.add("expected an object like {\"type\": \"start\", \"task\": \"design\"}");
            return null;
        }
        for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                problems.add("unknown member `" + name + "` (known: type, task, metric, value, text, currency, at, "
                        + "author)");
            }
        }
        String typeWord = text(o, "type", problems);
        if (typeWord == null) {
            if (!o.has("type")) {
                problems.add("`type` is missing: start, finish, progress, measure, cost or note");
            }
            return null;
        }
        Event.Type type = Event.Type.of(typeWord);
        if (type == null || type == Event.Type.FIRED || type == Event.Type.CHECKED) {
            problems.add("unknown event type `" + typeWord + "`: use start, finish, progress, measure, cost or note");
            return null;
        }
        LocalDateTime at = now;
        String atText = text(o, "at", problems);
        if (atText != null) {
            at = time(atText, problems);
        }
        String author = o.has("author") ? text(o, "author", problems) : defaultAuthor;
        String task = o.has("task") ? text(o, "task", problems) : null;
        String metric = o.has("metric") ? text(o, "metric", problems) : null;
        if (type != Event.Type.MEASURE && metric != null) {
            problems.add("`metric` belongs to measure events; a " + type.word() + " event names a `task`");
        }
        if (type == Event.Type.MEASURE && task != null) {
            problems.add("a measure event names a `metric`, not a `task`");
        }
        BigDecimal number = null;
        String currency = null;
        String note = null;
        switch (type) {
            case START, FINISH -> {
                need(task, "task", type, problems);
                if (o.has("value")) {
                    problems.add("a " + type.word() + " event takes no `value`");
                }
            }
            case PROGRESS -> {
                need(task, "task", type, problems);
                number = number(o, type, problems);
            }
            case MEASURE -> {
                need(metric, "metric", type, problems);
                number = number(o, type, problems);
            }
            case COST -> {
                need(task, "task", type, problems);
                number = number(o, type, problems);
                currency = o.has("currency") ? text(o, "currency", problems) : null;
                if (currency != null && !currency.matches("[A-Z]{3}")) {
                    problems.add("`currency` `" + currency + "` is not an ISO 4217 code such as EUR");
                }
            }
            case NOTE -> {
                JsonNode v = o.has("value") ? o.get("value") : o.get("text");
                if (v == null || !v.isTextual() || v.asText().isBlank()) {
                    problems.add("a note event needs its text as a string `value`");
                } else {
                    note = v.asText();
                }
            }
            default -> throw new IllegalStateException(type.word());
        }
        if (!problems.isEmpty()) {
            return null;
        }
        String subject = type == Event.Type.MEASURE ? metric : task;
        return rt.eventBy(author, type, at, subject, number, currency, note);
    }

    private static void need(@Nullable String value, String member, Event.Type type, List<String> problems) {
        if (value == null) {
            problems.add("a " + type.word() + " event needs `" + member + "`");
        }
    }

    private static @Nullable BigDecimal number(JsonNode o, Event.Type type, List<String> problems) {
        JsonNode v = o.get("value");
        if (v == null || v.isNull()) {
            problems.add("a " + type.word() + " event needs a number `value`");
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            String t = v.asText().trim();
            if (type == Event.Type.PROGRESS && t.endsWith("%")) {
                t = t.substring(0, t.length() - 1).trim();
            }
            try {
                return new BigDecimal(t);
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        problems.add("`value` " + v + " is not a number");
        return null;
    }

    private static @Nullable String text(JsonNode o, String member, List<String> problems) {
        JsonNode v = o.get(member);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            problems.add("`" + member + "` must be a string, not " + v);
            return null;
        }
        return v.asText();
    }

    /** {@link PlanRuntime#parseTime}, with its complaint added to {@code problems}. */
    static @Nullable LocalDateTime time(String text, List<String> problems) {
        try {
            return PlanRuntime.parseTime(text);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }
}
