package dev.planc.runtime;

import dev.planc.compiler.CompiledPlan;
import dev.planc.compiler.model.Plan;
import dev.planc.compiler.schedule.Schedule;
import dev.planc.runtime.journal.Event;
import dev.planc.runtime.journal.EventStore;
import dev.planc.runtime.journal.Events;
import dev.planc.runtime.journal.StoreException;
import dev.planc.runtime.log.EventCheck;
import dev.planc.runtime.status.Baseline;
import dev.planc.runtime.status.Replay;
import dev.planc.runtime.status.Status;
import dev.planc.runtime.status.StatusEngine;
import dev.planc.runtime.status.Thresholds;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The runtime's one entry point for every front door (CLI, HTTP): log events, ask for status.
 * Writes go through the store's lock, so checking an event against the journal, evaluating
 * contingencies and recording their firings happen as one step that no other writer can
 * interleave with.
 */
public final class PlanRuntime {
    private final Plan plan;
    private final Baseline baseline;
    private final EventStore store;
    private final Thresholds thresholds;
    private final Clock clock;
    private final @Nullable String author;

    /**
     * @param clock "now" (the runtime never reads the system clock itself)
     * @param author who is recording, for the events' {@code author}
     */
    public PlanRuntime(Plan plan, Baseline baseline, EventStore store, Thresholds thresholds, Clock clock,
            @Nullable String author) {
        this.plan = plan;
        this.baseline = baseline;
        this.store = store;
        this.thresholds = thresholds;
        this.clock = clock;
        this.author = author;
    }

    /**
     * The runtime of the plan compiled from {@code planFile}, as every front door opens it:
     * measured against {@link Baseline#forPlan} (the frozen baseline beside the file, else the
     * plan's own schedule), flagged by the plan's thresholds, its events kept in {@code store}.
     *
     * @param compiled a compile without errors (it has a plan and a schedule)
     * @throws IOException when a frozen baseline is there but cannot be read (the message names it)
     */
    public static PlanRuntime open(Path planFile, CompiledPlan compiled, EventStore store, Clock clock,
            @Nullable String author) throws IOException {
        Plan plan = compiled.plan();
        Schedule schedule = compiled.schedule();
        if (plan == null || schedule == null) {
            throw new IllegalArgumentException("`" + planFile + "` did not compile to a schedule");
        }
        return new PlanRuntime(plan, Baseline.forPlan(planFile, schedule), store, Thresholds.of(plan.flags()), clock,
                author);
    }

    /**
     * A wall time as people write it for {@code --at} and the like: {@code 2027-02-01T12:00},
     * {@code 2027-02-01 12:00}, or {@code 2027-02-01} (the midnight that starts that day); seconds
     * are dropped.
     *
     * @throws IllegalArgumentException saying what to write instead
     */
    public static LocalDateTime parseTime(String text) {
        String t = text.trim().replace(' ', 'T');
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay();
            }
            return LocalDateTime.parse(t).withSecond(0).withNano(0);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("`" + text + "` is not a date-time: write 2027-02-01T12:00 or 2027-02-01");
        }
    }

    /** What a log call stored. */
    public record Logged(List<Event> events, List<Replay.Firing> firings) {}

    /** The local wall time now, in the plan's zone. */
    public LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), plan.zone()).withSecond(0).withNano(0);
    }

    /** A new event recorded now by this runtime's author. */
    public Event event(Event.Type type, LocalDateTime at, @Nullable String subject, java.math.@Nullable BigDecimal number,
            @Nullable String currency, @Nullable String text) {
        return Events.of(type, subject, number, currency, text, at, clock.instant(), author);
    }

    /** A new event recorded now by {@code by} (null: unknown), e.g. named in an HTTP request. */
    public Event eventBy(@Nullable String by, Event.Type type, LocalDateTime at, @Nullable String subject,
            java.math.@Nullable BigDecimal number, @Nullable String currency, @Nullable String text) {
        return Events.of(type, subject, number, currency, text, at, clock.instant(), by);
    }

    /**
     * Checks and appends events, all or nothing, then evaluates the contingencies up to now (or
     * the latest event, if later) and records what fired, in the same write.
     *
     * @throws EventStore.Rejected naming every problem; nothing is written
     */
    public Logged log(List<Event> events) throws StoreException, EventStore.Rejected {
        EventCheck check = new EventCheck(plan);
        List<Replay.Firing> fired = new ArrayList<>();
        List<Event> written = store.append(stored -> {
            List<String> problems = check.check(stored, events);
            if (!problems.isEmpty()) {
                throw new EventStore.Rejected(problems);
            }
            if (plan.contingencies().isEmpty()) {
                return events; // nothing can fire: no need to evaluate anything
            }
            List<Event> all = new ArrayList<>(stored);
            all.addAll(events);
            LocalDateTime until = now();
            for (Event e : events) {
                if (e.at().isAfter(until)) {
                    until = e.at();
                }
            }
            Status s = StatusEngine.status(plan, baseline, all, until, thresholds);
            List<Event> out = new ArrayList<>(events);
            fired.addAll(s.newFirings());
            out.addAll(record(s));
            return out;
        });
        return new Logged(written, fired);
    }

    /**
     * Status at {@code at}. With {@code record}, contingencies that fire by then and are not in
     * the journal yet are recorded (under the store's lock, so two callers never record one
     * firing twice); without it, status only reads.
     */
    public Status status(LocalDateTime at, boolean record) throws StoreException {
        // Status shows what reading the journal reported (a torn last line, an unreadable line).
        EventStore.ReadResult read = store.read();
        if (!record) {
            return StatusEngine.status(plan, baseline, read.events(), at, thresholds).withWarnings(read.warnings());
        }
        Status[] result = new Status[1];
        try {
            store.append(stored -> {
                Status s = StatusEngine.status(plan, baseline, stored, at, thresholds);
                result[0] = s;
                return record(s);
            });
        } catch (EventStore.Rejected e) {
            throw new IllegalStateException(e); // this decision never rejects
        }
        return result[0].withWarnings(read.warnings());
    }

    /** What an evaluation leaves in the journal: its firings, then a checkpoint where it stopped. */
    private List<Event> record(Status s) {
        List<Event> out = new ArrayList<>();
        for (Replay.Firing f : s.newFirings()) {
            out.add(event(Event.Type.FIRED, f.at(), f.contingency(), null, null, f.because()));
        }
        if (s.evaluatedUntil() != null && !plan.contingencies().isEmpty()) {
            out.add(event(Event.Type.CHECKED, s.evaluatedUntil(), null, null, null, String.join(",", s.holding())));
        }
        return out;
    }

    /** A token that changes whenever the stored events change ({@link EventStore#version}). */
    public Object storeVersion() throws StoreException {
        return store.version();
    }

    /** Every stored event, in append order, with what reading reported. */
    public EventStore.ReadResult events() throws StoreException {
        return store.read();
    }

    /** Where the events are kept. */
    public EventStore store() {
        return store;
    }

    public Plan plan() {
        return plan;
    }

    public Baseline baseline() {
        return baseline;
    }
}
