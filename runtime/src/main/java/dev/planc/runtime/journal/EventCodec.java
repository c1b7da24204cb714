package dev.planc.runtime.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * One event as one line of JSON (no line breaks inside), the journal's format:
 *
 * <pre>{"schema":1,"id":"…","at":"2027-02-01T12:00","recorded":"2026-11-22T02:55:01.123Z",
 * "type":"progress","subject":"build.api","value":40,"author":"ana"}</pre>
 *
 * <p>{@code value} is a number (progress, measure, cost) or a string (note, fired); a cost may
 * carry {@code currency}. Absent members are left out.
 */
public final class EventCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventCodec() {}

    /** The event as one line of JSON, without the line break. */
    public static String line(Event e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("schema", e.schema());
        o.put("id", e.id());
        o.put("at", e.at().toString());
        o.put("recorded", e.recorded().toString());
        o.put("type", e.type().word());
        if (e.subject() != null) {
            o.put("subject", e.subject());
        }
        if (e.number() != null) {
            o.put("value", e.number());
        } else if (e.text() != null) {
            o.put("value", e.text());
        }
        if (e.currency() != null) {
            o.put("currency", e.currency());
        }
        if (e.author() != null) {
            o.put("author", e.author());
        }
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex); // a tree of strings and numbers always serialises
        }
    }

    /** Parses one line; throws {@link IllegalArgumentException} naming what is wrong. */
    public static Event parse(String line) {
        JsonNode o;
        try {
            o = JSON.readTree(line);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("not JSON: " + ex.getOriginalMessage());
        }
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        int schema = o.path("schema").asInt(-1);
        if (schema < 1 || schema > Event.SCHEMA) {
            throw new IllegalArgumentException("unknown schema `" + o.path("schema") + "` (this planc reads "
                    + Event.SCHEMA + ")");
        }
        Event.Type type = Event.Type.of(text(o, "type", true));
        if (type == null) {
            throw new IllegalArgumentException("unknown type `" + o.path("type").asText() + "`");
        }
        LocalDateTime at;
        Instant recorded;
        try {
            at = LocalDateTime.parse(text(o, "at", true));
            recorded = Instant.parse(text(o, "recorded", true));
        } catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("bad time: " + ex.getParsedString());
        }
        JsonNode value = o.get("value");
        BigDecimal number = value != null && value.isNumber() ? value.decimalValue() : null;
        String text = value != null && value.isTextual() ? value.asText() : null;
        return new Event(schema, text(o, "id", true), at, recorded, type, text(o, "subject", false), number,
                text(o, "currency", false), text, text(o, "author", false));
    }

    private static @Nullable String text(JsonNode o, String field, boolean required) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException("`" + field + "` is missing");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("`" + field + "` is not a string");
        }
        return v.asText();
    }
}
