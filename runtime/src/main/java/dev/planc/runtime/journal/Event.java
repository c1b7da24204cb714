package dev.planc.runtime.journal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One fact about the execution of a plan, as it is kept in the journal.
 *
 * <p>{@code at} is the effective time (local wall time of the plan's zone, like every date in a
 * plan); {@code recorded} the instant it was written. What {@code subject} and the values mean
 * depends on the type:
 *
 * <table>
 * <tr><th>type</th><th>subject</th><th>value</th></tr>
 * <tr><td>start, finish</td><td>task path</td><td>none</td></tr>
 * <tr><td>progress</td><td>task path</td><td>{@code number}: percent complete, 0–100</td></tr>
 * <tr><td>measure</td><td>metric id</td><td>{@code number}</td></tr>
 * <tr><td>cost</td><td>task path</td><td>{@code number} and {@code currency} (null: the plan's)</td></tr>
 * <tr><td>note</td><td>null, or a task path</td><td>{@code text}</td></tr>
 * <tr><td>fired</td><td>contingency id</td><td>{@code text}: the values that made its condition true</td></tr>
 * <tr><td>checked</td><td>null</td><td>{@code text}: the contingencies whose condition held when the
 *     runtime last evaluated them, at {@code at} (comma-separated ids, maybe empty)</td></tr>
 * </table>
 *
 * @param schema version of the event format ({@link #SCHEMA})
 * @param id unique id of the event
 * @param author who recorded it (user name), or null when unknown
 */
public record Event(int schema, String id, LocalDateTime at, Instant recorded, Type type, @Nullable String subject,
        @Nullable BigDecimal number, @Nullable String currency, @Nullable String text, @Nullable String author) {

    /** The current event format. */
    public static final int SCHEMA = 1;

    public enum Type {
        START("start"), FINISH("finish"), PROGRESS("progress"), MEASURE("measure"), COST("cost"), NOTE("note"),
        FIRED("fired"), CHECKED("checked");

        private final String word;

        Type(String word) {
            this.word = word;
        }

        /** The name used in the journal, on the command line and over HTTP. */
        public String word() {
            return word;
        }

        public static @Nullable Type of(String word) {
            for (Type t : values()) {
                if (t.word.equals(word)) {
                    return t;
                }
            }
            return null;
        }
    }
}
