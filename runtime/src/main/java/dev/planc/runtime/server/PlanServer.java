package dev.planc.runtime.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.planc.compiler.model.Metric;
import dev.planc.compiler.output.ScheduleWriters;
import dev.planc.compiler.schedule.Schedule;
import dev.planc.runtime.PlanRuntime;
import dev.planc.runtime.journal.Event;
import dev.planc.runtime.journal.EventCodec;
import dev.planc.runtime.journal.EventStore;
import dev.planc.runtime.journal.StoreException;
import dev.planc.runtime.status.Replay;
import dev.planc.runtime.status.Status;
import dev.planc.runtime.status.StatusJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@code planc serve}: the runtime over HTTP (CLI.md, "planc serve"), on the JDK's HTTP server.
 *
 * <p>Reads are open; every write needs the bearer token (none configured: writes are refused).
 * Bodies over {@link #MAX_BODY} are refused with 413 and never parsed. A request's line and
 * headers must arrive within {@code sun.net.httpserver.maxReqTime} seconds (set to
 * {@value #REQUEST_SECONDS} unless the JVM was started with it) and idle connections close after
 * {@value #REQUEST_SECONDS} seconds. Nothing from disk is served but the bundled dashboard assets.
 * Every answer except the dashboard and the stream is JSON; every error is
 * {@code {"error": "..."}} naming what is wrong, and nothing is stored on a refused request.
 *
 * <p>A follower thread looks at the store every {@link Options#poll()} (one file stat, or one
 * query): whatever was appended — over HTTP, by {@code planc log}, or by another server on the
 * same database — is streamed, contingencies that fire as time passes are recorded, and flags
 * that change colour are streamed and posted to the webhooks.
 */
public final class PlanServer implements AutoCloseable {
    /** Request bodies larger than this are refused (413). */
    public static final int MAX_BODY = 1 << 20;
    /** Oversized bodies up to this size are read and thrown away before the 413 (see {@link #body}). */
    static final long DISCARD_LIMIT = 16L << 20;
    static final int REQUEST_SECONDS = 30;
    /** Request threads (idle ones end after 30 s). */
    static final int WORKERS = 128;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ASSETS = List.of("index.html", "dashboard.js", "dashboard.css");

    static {
        // The JDK server reads these once, when it first starts (sun.net.httpserver.ServerConfig).
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", String.valueOf(REQUEST_SECONDS));
        }
        // Closing idle keep-alive connections beyond the default 200 races with clients reusing
        // them (their next request then meets a closed socket); allow many more.
        if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
            System.setProperty("sun.net.httpserver.maxIdleConnections", "4096");
        }
        if (System.getProperty("sun.net.httpserver.idleInterval") == null) {
            System.setProperty("sun.net.httpserver.idleInterval", String.valueOf(REQUEST_SECONDS));
        }
    }

    /**
     * @param token the bearer token writes need; null refuses every write
     * @param poll how often the follower looks at the store and the clock
     * @param log where the server's own messages go (stderr for the CLI)
     */
    public record Options(String host, int port, @Nullable String token, List<URI> webhooks, Duration poll,
            Consumer<String> log) {
        public Options {
            webhooks = List.copyOf(webhooks);
        }
    }

    private final PlanRuntime runtime;
    private final Options options;
    private final HttpServer http;
    private final ExecutorService workers;
    private final ExecutorService senders;
    private final ScheduledExecutorService follow;
    private final Stream stream;
    private final Webhooks webhooks;
    private final Follower follower;
    private final byte[] scheduleJson;
    private final byte[] scheduleGzip;
    private final Map<String, byte[]> assets = new LinkedHashMap<>();
    private final byte @Nullable [] tokenDigest;
    private final AtomicBoolean followQueued = new AtomicBoolean();
    private int streamed; // events already streamed; guarded by the follow thread
    private @Nullable Object streamedVersion; // guarded by the follow thread

    private PlanServer(PlanRuntime runtime, Schedule schedule, Options options) throws IOException {
        this.runtime = runtime;
        this.options = options;
        this.tokenDigest = options.token() == null ? null : sha256(options.token());
        StringWriter w = new StringWriter();
        ScheduleWriters.json(schedule, w);
        this.scheduleJson = w.toString().getBytes(StandardCharsets.UTF_8);
        this.scheduleGzip = gzip(scheduleJson);
        for (String name : ASSETS) {
            try (InputStream in = PlanServer.class.getResourceAsStream("assets/" + name)) {
                if (in != null) {
                    assets.put(name, in.readAllBytes());
                }
            }
        }
        this.senders = Executors.newCachedThreadPool(daemons("planc-stream"));
        this.stream = new Stream(senders, options.log());
        this.webhooks = new Webhooks(options.webhooks(), options.log(), Duration.ofSeconds(1));
        this.follower = new Follower(runtime, change -> {
            stream.publish(change.kind(), change.json());
            webhooks.post(change.json());
        });
        // Enough threads that writers waiting for their turn never starve readers of one.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(WORKERS, WORKERS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemons("planc-http"));
        pool.allowCoreThreadTimeOut(true);
        this.workers = pool;
        this.follow = Executors.newSingleThreadScheduledExecutor(daemons("planc-follow"));
        this.http = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 512);
        http.setExecutor(workers);
        http.createContext("/", this::handle);
    }

    /**
     * Starts serving. The first status is computed before this returns, so a plan that fails
     * to forecast or a store that cannot be read fails here, not on the first request.
     */
    public static PlanServer start(PlanRuntime runtime, Schedule schedule, Options options)
            throws IOException, StoreException {
        PlanServer s = new PlanServer(runtime, schedule, options);
        s.follower.now();
        s.streamed = runtime.events().events().size();
        s.streamedVersion = runtime.storeVersion();
        s.http.start();
        long poll = Math.max(10, options.poll().toMillis());
        s.follow.scheduleWithFixedDelay(s::followSafely, poll, poll, TimeUnit.MILLISECONDS);
        s.follow.scheduleWithFixedDelay(s.stream::ping, 15, 15, TimeUnit.SECONDS);
        return s;
    }

    /** The port listened on (useful with port 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    /** {@code http://host:port/}. */
    public URI uri() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return URI.create("http://" + host + ":" + port() + "/");
    }

    @Override
    public void close() {
        http.stop(0);
        follow.shutdownNow();
        stream.close();
        webhooks.close();
        senders.shutdownNow();
        workers.shutdownNow();
    }

    // ---- following the store and the clock

    private void followSoon() {
        if (followQueued.compareAndSet(false, true)) {
            follow.execute(this::followSafely);
        }
    }

    private void followSafely() {
        followQueued.set(false);
        try {
            Follower.Snapshot s = follower.now(); // its version is the store's as of now
            if (!s.version().equals(streamedVersion)) {
                List<Event> events = runtime.events().events();
                for (int i = streamed; i < events.size(); i++) {
                    Event e = events.get(i);
                    if (e.type() != Event.Type.CHECKED) {
                        stream.publish("event", EventCodec.line(e));
                    }
                }
                streamed = Math.max(streamed, events.size());
                streamedVersion = s.version();
                ObjectNode o = JSON.createObjectNode();
                o.put("asOf", s.status().asOf().toString());
                o.put("overall", s.status().overall().word());
                o.put("forecastFinish", s.status().forecastFinish() == null ? null
                        : s.status().forecastFinish().toString());
                o.put("events", events.size());
                stream.publish("status", o.toString());
            }
        } catch (StoreException e) {
            options.log().accept("cannot follow the store: " + e.getMessage());
        } catch (RuntimeException e) {
            options.log().accept("following failed: " + e);
        }
    }

    // ---- routing

    private void handle(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getRawPath();
            String method = ex.getRequestMethod();
            switch (path) {
                case "/" -> get(ex, method, () -> asset(ex, "index.html"));
                case "/healthz" -> get(ex, method, () -> json(ex, 200, "{\"status\": \"ok\"}\n"));
                case "/api/schedule" -> get(ex, method, () -> send(ex, 200, "application/json", scheduleJson,
                        scheduleGzip));
                case "/api/status" -> get(ex, method, () -> status(ex));
                case "/api/metrics" -> get(ex, method, () -> metrics(ex));
                case "/api/stream" -> get(ex, method, () -> subscribe(ex));
                case "/api/events" -> {
                    if (method.equals("POST")) {
                        postEvents(ex);
                    } else {
                        get(ex, method, () -> listEvents(ex));
                    }
                }
                default -> {
                    if (path.startsWith("/assets/") && assets.containsKey(path.substring("/assets/".length()))) {
                        get(ex, method, () -> asset(ex, path.substring("/assets/".length())));
                    } else {
                        error(ex, 404, "no such resource: " + path);
                    }
                }
            }
        } catch (StoreException e) {
            error(ex, 503, "the store failed: " + e.getMessage());
        } catch (IOException e) {
            ex.close(); // the client went away
        } catch (RuntimeException e) {
            options.log().accept("internal error on " + ex.getRequestMethod() + " " + ex.getRequestURI() + ": " + e);
            error(ex, 500, "internal error: " + e.getClass().getSimpleName());
        }
    }

    @FunctionalInterface
    private interface Route {
        void run() throws IOException, StoreException;
    }

    private void get(HttpExchange ex, String method, Route route) throws IOException, StoreException {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            ex.getResponseHeaders().set("Allow", ex.getRequestURI().getRawPath().equals("/api/events")
                    ? "GET, HEAD, POST" : "GET, HEAD");
            error(ex, 405, method + " is not allowed on " + ex.getRequestURI().getRawPath());
            return;
        }
        route.run();
    }

    private void status(HttpExchange ex) throws IOException, StoreException {
        String at = query(ex).get("at");
        if (at == null) {
            Follower.Snapshot snap = follower.current();
            send(ex, 200, "application/json", snap.json(), snap.gzip());
            return;
        }
        List<String> problems = new ArrayList<>();
        LocalDateTime when = EventRequests.time(at, problems);
        if (when == null) {
            error(ex, 400, "`at`: " + problems.get(0));
            return;
        }
        Status s = runtime.status(when, false);
        send(ex, 200, "application/json", StatusJson.write(s).getBytes(StandardCharsets.UTF_8));
    }

    private void metrics(HttpExchange ex) throws IOException, StoreException {
        List<Event> events = runtime.events().events();
        LocalDateTime now = runtime.now();
        ObjectNode root = JSON.createObjectNode();
        root.put("planStart", runtime.plan().start().toString());
        root.put("asOf", now.toString());
        ArrayNode list = root.putArray("metrics");
        for (Metric m : runtime.plan().metrics()) {
            ObjectNode o = list.addObject();
            o.put("id", m.id());
            o.put("title", m.title());
            o.put("unit", m.unit());
            o.put("baseline", m.baseline());
            o.put("target", m.target());
            o.put("targetDate", m.targetDate() == null ? null : m.targetDate().toString());
            o.put("tolerancePercent", m.tolerance().movePointRight(2).stripTrailingZeros());
            o.put("lowerIsBetter", m.lowerIsBetter());
            ArrayNode readings = o.putArray("readings");
            for (Event e : events) {
                if (e.type() == Event.Type.MEASURE && m.id().equals(e.subject()) && !e.at().isAfter(now)) {
                    ObjectNode r = readings.addObject();
                    r.put("at", e.at().toString());
                    r.put("value", e.number());
                }
            }
        }
        send(ex, 200, "application/json", (root + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private void listEvents(HttpExchange ex) throws IOException, StoreException {
        EventStore.ReadResult read = runtime.events();
        StringBuilder b = new StringBuilder(read.events().size() * 200 + 64).append("{\"events\": [");
        boolean first = true;
        for (Event e : read.events()) {
            b.append(first ? "\n" : ",\n").append(EventCodec.line(e));
            first = false;
        }
        ArrayNode warnings = JSON.createArrayNode();
        read.warnings().forEach(warnings::add);
        b.append("],\n\"warnings\": ").append(warnings).append("}\n");
        send(ex, 200, "application/json", b.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void subscribe(HttpExchange ex) throws IOException, StoreException {
        Follower.Snapshot s = follower.current();
        ObjectNode hello = JSON.createObjectNode();
        hello.put("asOf", s.status().asOf().toString());
        hello.put("overall", s.status().overall().word());
        if (!stream.subscribe(ex, hello.toString())) {
            error(ex, 503, "too many stream clients (" + Stream.MAX_SUBSCRIBERS + ")");
        }
    }

    private void postEvents(HttpExchange ex) throws IOException, StoreException {
        if (!authorized(ex)) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"planc\"");
            error(ex, 401, tokenDigest == null
                    ? "writes are disabled: start planc serve with --token-file PATH or PLANC_TOKEN"
                    : "a write needs the header `Authorization: Bearer TOKEN` with the server's token");
            return;
        }
        byte[] body = body(ex);
        if (body == null) {
            error(ex, 413, "the body is larger than " + MAX_BODY + " bytes (1 MiB)");
            return;
        }
        EventRequests.Parsed parsed = EventRequests.parse(body, runtime, "api");
        if (!parsed.problems().isEmpty()) {
            errors(ex, 400, parsed.problems());
            return;
        }
        PlanRuntime.Logged logged;
        long ticket;
        try {
            logged = runtime.log(parsed.events());
            ticket = follower.appended();
        } catch (EventStore.Rejected r) {
            errors(ex, 400, r.reasons());
            return;
        }
        follower.fired(logged.firings());
        // Refresh the shared status before acknowledging: whoever reads status after this 201
        // sees these events (writers waiting here share one computation).
        try {
            follower.including(ticket);
        } catch (StoreException e) {
            // The events are stored: answer 201 all the same (a retry would store them twice).
            options.log().accept("stored " + parsed.events().size() + " events but cannot refresh status: "
                    + e.getMessage());
        }
        ObjectNode o = JSON.createObjectNode();
        ArrayNode ids = o.putArray("stored");
        int own = parsed.events().size();
        for (int i = 0; i < own; i++) {
            ids.add(logged.events().get(i).id());
        }
        ArrayNode fired = o.putArray("fired");
        for (Replay.Firing f : logged.firings()) {
            ObjectNode x = fired.addObject();
            x.put("contingency", f.contingency());
            x.put("at", f.at().toString());
            x.put("because", f.because());
        }
        json(ex, 201, o + "\n");
        followSoon();
    }

    private boolean authorized(HttpExchange ex) {
        byte[] expected = tokenDigest;
        String header = ex.getRequestHeaders().getFirst("Authorization");
        if (expected == null || header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        // Comparing digests of equal length in constant time: neither the token's characters nor
        // its length leak through the time an answer takes.
        return MessageDigest.isEqual(expected, sha256(header.substring(7).trim()));
    }

    /**
     * The request body, or null when it is larger than {@link #MAX_BODY}. An oversized body is
     * still read (and thrown away) up to {@link #DISCARD_LIMIT}, so that the client, which is
     * usually still sending, reads the 413 instead of a reset connection; beyond that the
     * connection is simply closed after the answer.
     */
    private static byte @Nullable [] body(HttpExchange ex) throws IOException {
        long declared = -1;
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = Long.MAX_VALUE;
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            if (declared > MAX_BODY) {
                if (declared <= DISCARD_LIMIT) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                return null;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            long seen = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                seen += n;
                if (seen > MAX_BODY) {
                    if (seen > DISCARD_LIMIT) {
                        return null;
                    }
                    continue; // keep reading to discard
                }
                out.write(buf, 0, n);
            }
            return seen > MAX_BODY ? null : out.toByteArray();
        }
    }

    private void asset(HttpExchange ex, String name) throws IOException {
        byte[] bytes = assets.get(name);
        if (bytes == null) {
            error(ex, 404, "this build has no dashboard asset `" + name + "`");
            return;
        }
        String type = name.endsWith(".html") ? "text/html; charset=utf-8"
                : name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
        ex.getResponseHeaders().set("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        send(ex, 200, type, bytes);
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> q = new LinkedHashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.putIfAbsent(k, v);
        }
        return q;
    }

    private static void errors(HttpExchange ex, int code, List<String> problems) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("error", problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems, nothing was stored: " + String.join("; ", problems));
        ArrayNode all = o.putArray("problems");
        problems.forEach(all::add);
        json(ex, code, o + "\n");
    }

    private static void error(HttpExchange ex, int code, String message) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("error", message);
        json(ex, code, o + "\n");
    }

    private static void json(HttpExchange ex, int code, String body) throws IOException {
        send(ex, code, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends a document that is kept compressed as well: a client that accepts gzip gets the
     * smaller form (a 1,000-task status is about 600 KB of JSON, 34 KB gzipped).
     */
    private static void send(HttpExchange ex, int code, String type, byte[] body, byte[] gzipped) throws IOException {
        ex.getResponseHeaders().set("Vary", "Accept-Encoding");
        String accept = ex.getRequestHeaders().getFirst("Accept-Encoding");
        if (accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("gzip")) {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            send(ex, code, type, gzipped);
        } else {
            send(ex, code, type, body);
        }
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 8 + 64);
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out, 1 << 16)) {
            z.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e); // in memory: cannot happen
        }
        return out.toByteArray();
    }

    private static void send(HttpExchange ex, int code, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type.startsWith("application/json")
                ? "application/json; charset=utf-8" : type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        if (ex.getRequestMethod().equals("HEAD")) {
            // HEAD (uptime monitors): the headers a GET would get, no body.
            ex.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
            ex.sendResponseHeaders(code, -1);
            ex.close();
            return;
        }
        ex.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java platform has SHA-256
        }
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
