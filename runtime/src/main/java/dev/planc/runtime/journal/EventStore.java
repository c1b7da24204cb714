package dev.planc.runtime.journal;

import java.util.List;

/**
 * Where events are kept: in order, durably, one writer at a time. Implementations: the journal
 * file ({@code JournalFile}) and PostgreSQL ({@code dev.planc.runtime.store.PostgresStore}).
 */
public interface EventStore extends AutoCloseable {

    /** Every readable event in append order, with warnings about what could not be read. */
    ReadResult read() throws StoreException;

    /**
     * Appends atomically under the store's writer lock: {@code decide} sees every event already
     * stored (read under the lock, so no other writer can slip in between) and returns the events
     * to append, or throws {@link Rejected} to append nothing. Returns once the events are durable
     * (on disk, or committed); all or nothing.
     */
    List<Event> append(Decision decide) throws StoreException, Rejected;

    /**
     * A cheap token that changes whenever the stored events change (compared with
     * {@code equals}), so that callers can keep what they derived from the last read until
     * someone — this process or another — appends.
     */
    Object version() throws StoreException;

    @Override
    void close() throws StoreException;

    /** Chooses what to append given what is stored. */
    @FunctionalInterface
    interface Decision {
        List<Event> decide(List<Event> stored) throws Rejected;
    }

    /** The store's contents: events, and warnings (a torn last line, an unreadable line). */
    record ReadResult(List<Event> events, List<String> warnings) {
        public ReadResult {
            events = List.copyOf(events);
            warnings = List.copyOf(warnings);
        }
    }

    /** Thrown by a {@link Decision} to refuse the append; nothing is written. */
    final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;
        private final List<String> reasons;

        public Rejected(List<String> reasons) {
            super(String.join("; ", reasons), null, false, false);
            this.reasons = List.copyOf(reasons);
        }

        public List<String> reasons() {
            return reasons;
        }
    }
}
