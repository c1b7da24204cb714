package dev.planc.runtime.journal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * New events of the current schema, with a fresh id. Callers pass the clock and the author in
 * (the runtime reads neither the clock nor the environment): {@code at} is the effective local
 * time in the plan's zone, {@code recorded} the instant of recording, {@code author} the user
 * name (the CLI passes the OS user), or null when unknown.
 */
public final class Events {
    private Events() {}

    /** A new event id: a random UUID, unique without coordination between writers. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static Event start(String task, LocalDateTime at, Instant recorded, @Nullable String author) {
        return of(Event.Type.START, task, null, null, null, at, recorded, author);
    }

    public static Event finish(String task, LocalDateTime at, Instant recorded, @Nullable String author) {
        return of(Event.Type.FINISH, task, null, null, null, at, recorded, author);
    }

    /** {@code percent} complete, 0–100 (not checked here: the caller's decision validates). */
    public static Event progress(String task, BigDecimal percent, LocalDateTime at, Instant recorded,
            @Nullable String author) {
        return of(Event.Type.PROGRESS, task, percent, null, null, at, recorded, author);
    }

    public static Event measure(String metric, BigDecimal value, LocalDateTime at, Instant recorded,
            @Nullable String author) {
        return of(Event.Type.MEASURE, metric, value, null, null, at, recorded, author);
    }

    /** {@code currency} null: the plan's. */
    public static Event cost(String task, BigDecimal amount, @Nullable String currency, LocalDateTime at,
            Instant recorded, @Nullable String author) {
        return of(Event.Type.COST, task, amount, currency, null, at, recorded, author);
    }

    /** {@code task} null: a note about the whole plan. */
    public static Event note(@Nullable String task, String text, LocalDateTime at, Instant recorded,
            @Nullable String author) {
        return of(Event.Type.NOTE, task, null, null, text, at, recorded, author);
    }

    /** {@code because}: the values that made the contingency's condition true. */
    public static Event fired(String contingency, String because, LocalDateTime at, Instant recorded,
            @Nullable String author) {
        return of(Event.Type.FIRED, contingency, null, null, because, at, recorded, author);
    }

    /** Any event, with a new id and the current schema. */
    public static Event of(Event.Type type, @Nullable String subject, @Nullable BigDecimal number,
            @Nullable String currency, @Nullable String text, LocalDateTime at, Instant recorded,
            @Nullable String author) {
        return new Event(Event.SCHEMA, newId(), at, recorded, type, subject, number, currency, text, author);
    }
}
