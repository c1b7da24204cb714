package dev.planc.runtime.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The live feed ({@code GET /api/stream}): server-sent events, as the HTML standard specifies
 * them (https://html.spec.whatwg.org/multipage/server-sent-events.html — {@code event:} and
 * {@code data:} lines, a blank line ends a message, lines starting with a colon are comments).
 *
 * <p>Each subscriber has its own queue, drained by the shared sender pool one message at a time
 * in order, so a slow or dead client delays nobody else; one that falls {@link #MAX_QUEUED}
 * messages behind is dropped (it reconnects and re-reads status).
 */
final class Stream implements AutoCloseable {
    static final int MAX_QUEUED = 1_000;
    static final int MAX_SUBSCRIBERS = 256;

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final ExecutorService senders;
    private final Consumer<String> log;

    Stream(ExecutorService senders, Consumer<String> log) {
        this.senders = senders;
        this.log = log;
    }

    /** Starts streaming to this exchange; false when there are too many subscribers already. */
    boolean subscribe(HttpExchange exchange, String hello) throws IOException {
        if (subscribers.size() >= MAX_SUBSCRIBERS) {
            return false;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        Subscriber s = new Subscriber(exchange);
        subscribers.add(s);
        s.offer(message("hello", hello));
        return true;
    }

    /** Sends a named event with a JSON payload to every subscriber. */
    void publish(String event, String json) {
        byte[] m = message(event, json);
        for (Subscriber s : subscribers) {
            s.offer(m);
        }
    }

    /** A comment line, which keeps proxies from timing out and finds dead connections. */
    void ping() {
        byte[] m = ": ping\n\n".getBytes(StandardCharsets.UTF_8);
        for (Subscriber s : subscribers) {
            s.offer(m);
        }
    }

    int size() {
        return subscribers.size();
    }

    private static byte[] message(String event, String json) {
        // JSON from Jackson has no raw line breaks in compact form, so one data line suffices.
        return ("event: " + event + "\ndata: " + json.replace("\n", "\ndata: ") + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        for (Subscriber s : subscribers) {
            s.drop();
        }
    }

    private final class Subscriber {
        private final HttpExchange exchange;
        private final OutputStream out;
        private final ArrayDeque<byte[]> queue = new ArrayDeque<>(); // guarded by this
        private boolean sending; // guarded by this
        private volatile boolean dropped;

        Subscriber(HttpExchange exchange) {
            this.exchange = exchange;
            this.out = exchange.getResponseBody();
        }

        void offer(byte[] message) {
            boolean start;
            synchronized (this) {
                if (dropped) {
                    return;
                }
                if (queue.size() >= MAX_QUEUED) {
                    log.accept("stream: dropped a client " + exchange.getRemoteAddress() + " that fell "
                            + MAX_QUEUED + " messages behind");
                    dropLater();
                    return;
                }
                queue.add(message);
                start = !sending;
                sending = true;
            }
            if (start) {
                try {
                    senders.execute(this::drain);
                } catch (RejectedExecutionException e) {
                    drop(); // shutting down
                }
            }
        }

        private void dropLater() {
            dropped = true;
            queue.clear();
            try {
                senders.execute(this::drop);
            } catch (RejectedExecutionException e) {
                drop();
            }
        }

        private void drain() {
            while (true) {
                byte[] next;
                synchronized (this) {
                    next = queue.poll();
                    if (next == null || dropped) {
                        sending = false;
                        return;
                    }
                }
                try {
                    out.write(next);
                    out.flush();
                } catch (IOException e) {
                    drop(); // the client went away
                    synchronized (this) {
                        sending = false;
                    }
                    return;
                }
            }
        }

        void drop() {
            dropped = true;
            subscribers.remove(this);
            exchange.close();
        }
    }
}
