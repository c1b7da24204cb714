package dev.planc.runtime.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code --webhook URL}: each contingency firing and flag change is POSTed as JSON to every
 * hook. Each hook has its own queue and sender thread, so deliveries to one hook keep their
 * order, a slow hook delays no other, and nobody waits for a hook: {@link #post} only enqueues.
 * A delivery that fails (no connection, a timeout, a status other than 2xx) is retried after 1,
 * 2, 4 and 8 seconds, then dropped with a log line; a hook more than {@link #MAX_QUEUED}
 * deliveries behind drops the new ones, also logged.
 */
final class Webhooks implements AutoCloseable {
    static final int MAX_QUEUED = 10_000;
    private static final int ATTEMPTS = 5;

    private final List<Hook> hooks = new ArrayList<>();
    private final HttpClient client;
    private final Consumer<String> log;
    private final Duration firstRetry;

    Webhooks(List<URI> urls, Consumer<String> log, Duration firstRetry) {
        this.log = log;
        this.firstRetry = firstRetry;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        for (URI url : urls) {
            hooks.add(new Hook(url));
        }
    }

    /** Queues one JSON document for every hook; never blocks. */
    void post(String json) {
        for (Hook h : hooks) {
            if (!h.queue.offer(json)) {
                log.accept("webhook " + h.url + ": more than " + MAX_QUEUED + " deliveries waiting; dropped one");
            }
        }
    }

    @Override
    public void close() {
        for (Hook h : hooks) {
            h.sender.shutdownNow();
        }
    }

    private final class Hook {
        final URI url;
        final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
        final ExecutorService sender;

        Hook(URI url) {
            this.url = url;
            this.sender = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "planc-webhook " + url);
                t.setDaemon(true);
                return t;
            });
            sender.execute(this::run);
        }

        private void run() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    deliver(queue.take());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void deliver(String json) throws InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("User-Agent", "planc-serve")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build();
            long wait = firstRetry.toMillis();
            String why = "";
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                try {
                    HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() / 100 == 2) {
                        return;
                    }
                    why = "HTTP " + r.statusCode();
                } catch (java.io.IOException e) {
                    why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                }
                if (attempt < ATTEMPTS) {
                    TimeUnit.MILLISECONDS.sleep(wait);
                    wait *= 2;
                }
            }
            log.accept("webhook " + url + ": gave up after " + ATTEMPTS + " attempts (" + why + ")");
        }
    }
}
