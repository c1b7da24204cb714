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

    /** The status at {@code at} over the store at {@code version}, and its JSON. */
    record Snapshot(Object version, LocalDateTime at, Status status, byte[] json) {}

    /** Something that changed: a firing or a flag. {@code json} is the webhook/stream payload. */
    record Change(String kind, String json) {}

    private final PlanRuntime runtime;
    private final Consumer<Change> changes;
    private @Nullable Snapshot last; // guarded by this
    private @Nullable Map<String, Flag> flags; // guarded by this: the colours last reported

    Follower(PlanRuntime runtime, Consumer<Change> changes) {
        this.runtime = runtime;
        this.changes = changes;
    }

    /** The status now; firings it finds are recorded in the store first (once: under its lock). */
    synchronized Snapshot now() throws StoreException {
        LocalDateTime at = runtime.now();
        Object version = runtime.storeVersion();
        Snapshot s = last;
        if (s != null && s.version().equals(version) && s.at().equals(at)) {
            return s;
        }
        Status status = runtime.status(at, false);
        if (!status.newFirings().isEmpty()) {
            // Record them (the runtime re-evaluates under the store's lock: another instance may
            // have recorded them meanwhile, and then nothing is recorded twice).
            version = runtime.storeVersion();
            status = runtime.status(at, true);
            for (Replay.Firing f : status.newFirings()) {
                changes.accept(new Change("fired", firing(f)));
            }
            version = runtime.storeVersion();
            status = runtime.status(at, false);
        }
        s = new Snapshot(version, at, status, StatusJson.write(status).getBytes(StandardCharsets.UTF_8));
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
