package dev.planc.runtime.server;

import dev.planc.compiler.CompiledPlan;
import dev.planc.compiler.Compiler;
import dev.planc.compiler.Result;
import dev.planc.compiler.source.FileSourceLoader;
import dev.planc.compiler.source.SourceLoader;
import dev.planc.runtime.PlanRuntime;
import dev.planc.runtime.journal.EventStore;
import dev.planc.runtime.status.Baseline;
import dev.planc.runtime.status.Thresholds;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** A plan (the shop plan unless told) served over a store, with a clock the test moves, and an HTTP client. */
final class ServerFixture implements AutoCloseable {
    static final Path SHOP = Path.of("src/test/resources/scenarios/shop.plan");
    static final String TOKEN = "s3cret-token";

    final CompiledPlan compiled;
    final MovableClock clock;
    final PlanRuntime runtime;
    final PlanServer server;
    final List<String> log = new CopyOnWriteArrayList<>();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ServerFixture(EventStore store, LocalDateTime now, String token, List<URI> webhooks) throws Exception {
        this(SHOP, store, now, token, webhooks);
    }

    ServerFixture(Path plan, EventStore store, LocalDateTime now, String token, List<URI> webhooks) throws Exception {
        compiled = compile(plan);
        clock = new MovableClock(now.atZone(compiled.plan().zone()).toInstant(), compiled.plan().zone());
        runtime = new PlanRuntime(compiled.plan(), Baseline.of(compiled.schedule()), store,
                Thresholds.of(compiled.plan().flags()), clock, "test");
        server = PlanServer.start(runtime, compiled.schedule(), new PlanServer.Options("127.0.0.1", 0, token, webhooks,
                Duration.ofMillis(50), log::add));
    }

    static CompiledPlan shop() {
        return compile(SHOP);
    }

    static CompiledPlan compile(Path plan) {
        FileSourceLoader loader = new FileSourceLoader();
        SourceLoader.LoadResult loaded = loader.load(plan);
        Result<CompiledPlan> r = Compiler.compile(((SourceLoader.LoadResult.Loaded) loaded).source(), loader);
        if (r.hasErrors()) {
            throw new AssertionError(plan + " has errors: " + r.diagnostics());
        }
        return r.value();
    }

    URI uri(String path) {
        return server.uri().resolve(path);
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String body) throws Exception {
        return post("/api/events", body, TOKEN);
    }

    @Override
    public void close() throws Exception {
        server.close();
        runtime.store().close();
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;
        private final ZoneId zone;

        MovableClock(Instant start, ZoneId zone) {
            this.now = new AtomicReference<>(start);
            this.zone = zone;
        }

        void set(LocalDateTime t) {
            now.set(t.atZone(zone).toInstant());
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return new MovableClock(now.get(), z);
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
