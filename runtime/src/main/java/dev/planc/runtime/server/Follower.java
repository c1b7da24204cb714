package dev.planc.runtime.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.planc.runtime.PlanRuntime;
import dev.planc.runtime.journal.StoreException;
import dev.planc.runtime.status.Flag;
import dev.planc.runtime.status.Replay;
import dev.planc.runtime.status.Status;
import dev.planc.runtime.status.StatusJson;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Follows the plan as events arrive and time passes: keeps the status at "now" (to the minute)
 * for as long as the store does not change, records contingency firings the moment status finds
 * them, and reports every flag that changes colour.
 *
 * <p>One status is computed at a time; callers arriving meanwhile wait for it and share it
 * (a single flight), which keeps 200 concurrent readers from computing 200 forecasts.
 */
final class Follower {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The status at {@code at} over the store at {@code version}, and its JSON; it includes
     * every append of this server numbered up to {@code covered} (see {@link #appended}).
     */
    record Snapshot(Object version, LocalDateTime at, long covered, Status status, byte[] json, byte[] gzip) {}

    /** Something that changed: a firing or a flag. {@code json} is the webhook/stream payload. */
    record Change(String kind, String json) {}

    private final PlanRuntime runtime;
    private final Consumer<Change> changes;
    private volatile @Nullable Snapshot last; // written under this, read by anyone
    private final AtomicLong appends = new AtomicLong(); // appends of this server that have returned
    private @Nullable Map<String, Flag> flags; // guarded by this: the colours last reported

    Follower(PlanRuntime runtime, Consumer<Change> changes) {
        this.runtime = runtime;
        this.changes = changes;
    }

    /**
     * The status to answer a reader with, without waiting: the last one computed, as long as it
     * is for the current minute. It holds every event this server acknowledged (a write
     * refreshes it before answering, see {@link #now}) and every event written elsewhere up to
     * the last poll. Only when the minute has turned does the reader wait for a new one.
     */
    Snapshot current() throws StoreException {
        Snapshot s = last;
        if (s != null && s.at().equals(runtime.now())) {
            return s;
        }
        return now();
    }

    /** Numbers an append of this server that has just returned; pass it to {@link #including}. */
    long appended() {
        return appends.incrementAndGet();
    }

    /**
     * Makes the shared status include the append numbered {@code ticket}. Writers arriving
     * while a computation runs share the next one: it covers every append that returned before
     * it began, so under a steady stream of writes each waits for at most two computations.
     */
    synchronized void including(long ticket) throws StoreException {
        Snapshot s = last;
        if (s == null || s.covered() < ticket) {
            now();
        }
    }

    /**
     * The status now over what the store holds now, computed unless the last one is still
     * current; firings it finds are recorded in the store first (once: under its lock).
     * Computations take turns, so snapshots only ever move forward.
     */
    synchronized Snapshot now() throws StoreException {
        LocalDateTime at = runtime.now();
        long covered = appends.get(); // appends that returned before the store is read below
        Object version = runtime.storeVersion();
        Snapshot s = last;
        if (s != null && s.version().equals(version) && s.at().equals(at)) {
            return s;
        }
        Status status = runtime.status(at, false);
        if (!status.newFirings().isEmpty()) {
            // Record them (the runtime re-evaluates under the store's lock: another instance may
            // have recorded them meanwhile, and then nothing is recorded twice).
            status = runtime.status(at, true);
            for (Replay.Firing f : status.newFirings()) {
                changes.accept(new Change("fired", firing(f)));
            }
            version = runtime.storeVersion();
            status = runtime.status(at, false);
        }
        byte[] json = StatusJson.write(status).getBytes(StandardCharsets.UTF_8);
        s = new Snapshot(version, at, covered, status, json, PlanServer.gzip(json));
        reportFlags(status);
        last = s;
        return s;
    }

    /** Tells what the last log call fired (it was recorded by the log call itself). */
    void fired(List<Replay.Firing> firings) {
        for (Replay.Firing f : firings) {
            changes.accept(new Change("fired", firing(f)));
        }
    }

    private void reportFlags(Status s) {
        Map<String, Flag> now = new LinkedHashMap<>();
        now.put("overall", s.overall());
        now.put("spi", s.spiFlag());
        now.put("cpi", s.cpiFlag());
        for (Status.TaskRow t : s.tasks()) {
            now.put("task:" + t.id(), t.flag());
        }
        for (Status.MetricRow m : s.metrics()) {
            now.put("metric:" + m.id(), m.flag());
        }
        Map<String, Flag> before = flags;
        flags = now;
        if (before == null) {
            return; // the first look sets the colours; changes are reported from then on
        }
        Map<String, String> why = new LinkedHashMap<>();
        for (Status.Deviation d : s.deviations()) {
            why.putIfAbsent(d.subject(), d.message());
        }
        for (Map.Entry<String, Flag> e : now.entrySet()) {
            Flag was = before.get(e.getKey());
            if (was != null && was != e.getValue()) {
                String key = e.getKey();
                int colon = key.indexOf(':');
                String kind = colon < 0 ? key : key.substring(0, colon);
                String subject = colon < 0 ? key : key.substring(colon + 1);
                ObjectNode o = JSON.createObjectNode();
                o.put("type", "flag");
                o.put("kind", kind);
                o.put("subject", subject);
                o.put("from", was.word());
                o.put("to", e.getValue().word());
                o.put("at", s.asOf().toString());
                o.put("message", why.get(subject));
                changes.accept(new Change("flag", o.toString()));
            }
        }
    }

    private String firing(Replay.Firing f) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "fired");
        o.put("contingency", f.contingency());
        o.put("at", f.at().toString());
        o.put("because", f.because());
        return o.toString();
    }
}
