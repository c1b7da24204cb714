package dev.planc.runtime.journal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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

    /**
     * Parses one line; throws {@link IllegalArgumentException} naming what is wrong. Streams the
     * tokens (no tree): numbers keep every digit and their scale ({@code 1200.50} stays
     * {@code 1200.50}, never a double), and a journal of 50,000 lines reads in well under a
     * second. Unknown members are skipped, so older readers of the same schema tolerate additions.
     */
    public static Event parse(String line) {
        try (JsonParser p = JSON.getFactory().createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            @Nullable String schema = null;
            int version = -1;
            @Nullable String id = null;
            @Nullable String at = null;
            @Nullable String recorded = null;
            @Nullable String type = null;
            @Nullable String subject = null;
            @Nullable BigDecimal number = null;
            @Nullable String currency = null;
            @Nullable String text = null;
            @Nullable String author = null;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "schema" -> {
                        schema = p.getText();
                        version = v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT
                                ? p.getIntValue() : -1;
                        p.skipChildren();
                    }
                    case "id" -> id = string(p, v, name);
                    case "at" -> at = string(p, v, name);
                    case "recorded" -> recorded = string(p, v, name);
                    case "type" -> type = string(p, v, name);
                    case "subject" -> subject = string(p, v, name);
                    case "currency" -> currency = string(p, v, name);
                    case "author" -> author = string(p, v, name);
                    case "value" -> {
                        number = v.isNumeric() ? p.getDecimalValue() : null;
                        text = v == JsonToken.VALUE_STRING ? p.getText() : null;
                        p.skipChildren();
                    }
                    default -> p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new IllegalArgumentException("not JSON: more after the object");
            }
            if (version < 1 || version > Event.SCHEMA) {
                throw new IllegalArgumentException("unknown schema `" + (schema == null ? "" : schema)
                        + "` (this planc reads " + Event.SCHEMA + ")");
            }
            Event.Type kind = Event.Type.of(required(type, "type"));
            if (kind == null) {
                throw new IllegalArgumentException("unknown type `" + type + "`");
            }
            String idValue = required(id, "id");
            LocalDateTime atValue;
            Instant recordedValue;
            try {
                atValue = localDateTime(required(at, "at"));
                recordedValue = instant(required(recorded, "recorded"));
            } catch (DateTimeParseException ex) {
                throw new IllegalArgumentException("bad time: " + ex.getParsedString());
            }
            return new Event(version, idValue, atValue, recordedValue, kind, subject, number, currency, text, author);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("not JSON: " + ex.getOriginalMessage());
        } catch (IOException ex) {
            throw new IllegalArgumentException("not JSON: " + ex.getMessage()); // a String source: not expected
        }
    }

    /**
     * {@link LocalDateTime#parse}, with a fast path for what {@link LocalDateTime#toString} writes
     * ({@code 2027-02-01T12:00}, optionally {@code :ss} and a fraction): the formatter costs
     * about 10 µs a call in a cold JVM, most of the time a short-lived {@code planc status} spends
     * reading a large journal. Anything else, or any doubt, goes to the formatter.
     */
    static LocalDateTime localDateTime(String s) {
        LocalDateTime fast = fast(s, false);
        return fast != null ? fast : LocalDateTime.parse(s);
    }

    /** {@link Instant#parse}, with the same fast path for {@link Instant#toString}'s form. */
    static Instant instant(String s) {
        LocalDateTime fast = fast(s, true);
        return fast != null ? fast.toInstant(ZoneOffset.UTC) : Instant.parse(s);
    }

    /** {@code uuuu-MM-ddTHH:mm[:ss[.f{1,9}]]} plus {@code Z} when {@code utc}; null when not that. */
    private static @Nullable LocalDateTime fast(String s, boolean utc) {
        int n = s.length() - (utc ? 1 : 0);
        if (n < 16 || (utc && s.charAt(n) != 'Z') || s.charAt(4) != '-' || s.charAt(7) != '-'
                || s.charAt(10) != 'T' || s.charAt(13) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = 0;
        int nano = 0;
        if (n > 16) {
            if (n < 19 || s.charAt(16) != ':') {
                return null;
            }
            second = digits(s, 17, 19);
            if (n > 19) {
                int places = n - 20;
                if (s.charAt(19) != '.' || places < 1 || places > 9) {
                    return null;
                }
                nano = digits(s, 20, n);
                for (int i = places; i < 9 && nano >= 0; i++) {
                    nano *= 10;
                }
            }
        } else if (utc) {
            return null; // Instant.parse wants seconds
        }
        if ((year | month | day | hour | minute | second | nano) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nano);
        } catch (DateTimeException ex) {
            return null; // out of range: let the formatter say so (or accept what it accepts)
        }
    }

    /** The decimal number in {@code s[from, to)}, or -1 when a character is not a digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** A string member's value; null when it is JSON null. */
    private static @Nullable String string(JsonParser p, JsonToken v, String field) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("`" + field + "` is not a string");
        }
        return p.getText();
    }

    private static String required(@Nullable String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("`" + field + "` is missing");
        }
        return value;
    }
}
