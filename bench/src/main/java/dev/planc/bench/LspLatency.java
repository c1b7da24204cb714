package dev.planc.bench;

import dev.planc.lsp.PlancLanguageServer;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Edit → diagnostics latency of the language server on a large plan, through the real
 * protocol (JSON-RPC over a local socket, server in this process). Opens a generated plan of at
 * least {@code --lines} lines, then applies {@code --edits} incremental edits that alternately
 * break and repair a dependency name in the middle of the file, and times each from sending
 * {@code didChange} to receiving the {@code publishDiagnostics} of that version (checked: one
 * E0201, then none). An edit after a pause is checked at once; with {@code --burst N} each edit
 * is N keystrokes {@code --gap} ms apart, timed from the last one, which the server checks once
 * the keystrokes pause for the debounce ({@code --debounce}, 0 here by default, 150 ms in
 * {@code planc lsp}). Also reports the check thread's CPU time per edit (all checks of the edit).
 *
 * <pre>
 * java -cp bench/target/planc-bench.jar dev.planc.bench.LspLatency [--lines 5000] [--edits 60]
 *     [--warmup 20] [--pause 300] [--debounce 0] [--burst 1] [--gap 30]
 * </pre>
 *
 * Exit status 0 when the median is within 200 ms, 1 otherwise.
 */
public final class LspLatency implements LanguageClient {
    private final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();

    public static void main(String[] args) throws Exception {
        int lines = 5000;
        int edits = 60;
        int warmup = 20;
        long pause = 300;
        long debounce = 0;
        int burst = 1;
        long gap = 30;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--lines" -> lines = Integer.parseInt(args[++i]);
                case "--edits" -> edits = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--pause" -> pause = Long.parseLong(args[++i]);
                case "--debounce" -> debounce = Long.parseLong(args[++i]);
                case "--burst" -> burst = Integer.parseInt(args[++i]);
                case "--gap" -> gap = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("usage: LspLatency [--lines N] [--edits N] [--warmup N] [--pause MS] [--debounce MS] [--burst N] [--gap MS]");
                    System.exit(2);
                }
            }
        }
        System.exit(new LspLatency().run(lines, edits, warmup, pause, debounce, burst, gap));
    }

    private int run(int lines, int edits, int warmup, long pause, long debounce, int burst, long gap) throws Exception {
        int tasks = Math.max(PlanGenerator.MIN_TASKS, (int) (lines / 1.4));
        String text = PlanGenerator.generate(tasks);
        while (text.split("\n", -1).length - 1 < lines) {
            tasks += Math.max(1, tasks / 50);
            text = PlanGenerator.generate(tasks);
        }
        int lineCount = text.split("\n", -1).length - 1;
        Path dir = Files.createTempDirectory("planc-lsp-bench");
        Path file = dir.resolve("big.plan");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        String uri = file.toUri().toString();

        // the edit: `after NAME` in the middle of the file becomes `after NAMEx` (E0201) and back
        int mid = text.indexOf("after ", text.length() / 2) + "after ".length();
        int nameEnd = mid;
        while (Character.isLetterOrDigit(text.charAt(nameEnd)) || text.charAt(nameEnd) == '_') {
            nameEnd++;
        }
        int line = (int) text.substring(0, nameEnd).chars().filter(c -> c == '\n').count();
        int column = nameEnd - (text.lastIndexOf('\n', nameEnd - 1) + 1);
        Position at = new Position(line, column);
        Position after = new Position(line, column + 1);

        ServerSocket listen = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        long debounceMillis = debounce;
        Thread server = new Thread(() -> {
            try (listen; Socket s = listen.accept()) {
                PlancLanguageServer.run(s.getInputStream(), s.getOutputStream(), new PrintStream(System.err, true),
                        debounceMillis);
            } catch (IOException e) {
                System.err.println("server: " + e);
            }
        }, "server");
        server.setDaemon(true);
        server.start();
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), listen.getLocalPort());
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(this, socket.getInputStream(),
                socket.getOutputStream());
        launcher.startListening();
        LanguageServer remote = launcher.getRemoteProxy();
        InitializeParams init = new InitializeParams();
        init.setCapabilities(new ClientCapabilities());
        remote.initialize(init).get(60, TimeUnit.SECONDS);
        remote.initialized(new InitializedParams());

        long t0 = System.nanoTime();
        remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "planc", 1, text)));
        PublishDiagnosticsParams first = next(1);
        long openMillis = (System.nanoTime() - t0) / 1_000_000;
        if (!first.getDiagnostics().isEmpty()) {
            System.err.println("the generated plan does not check clean: " + first.getDiagnostics().get(0).getMessage());
            return 2;
        }
        System.out.printf(Locale.ROOT, "plan: %d lines, %d tasks, %d bytes; debounce %d ms; pause %d ms between edits; "
                + "%d keystroke(s) per edit, %d ms apart%n",
                lineCount, tasks, text.getBytes(StandardCharsets.UTF_8).length, debounce, pause, burst, gap);
        System.out.printf(Locale.ROOT, "didOpen → first diagnostics: %d ms (cold)%n", openMillis);

        List<Long> times = new ArrayList<>();
        List<Long> cpus = new ArrayList<>();
        long scheduleCpuBefore = 0;
        int version = 1;
        for (int i = 0; i < warmup + edits; i++) {
            boolean breakIt = i % 2 == 0;
            if (i == warmup) {
                scheduleCpuBefore = cpuNanos("planc-schedule");
            }
            long cpuStart = cpuNanos("planc-check");
            long start = 0;
            for (int k = 0; k < burst; k++) {
                // break: type `x` `burst` times after the name; repair: delete them one by one
                version++;
                Position from = new Position(line, column + k);
                Range range = breakIt ? new Range(from, from) : new Range(at, after);
                if (k > 0) {
                    Thread.sleep(gap);
                }
                start = System.nanoTime(); // timed from the last keystroke
                remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                        new VersionedTextDocumentIdentifier(uri, version),
                        List.of(new TextDocumentContentChangeEvent(range, breakIt ? "x" : ""))));
            }
            PublishDiagnosticsParams p = next(version);
            long micros = (System.nanoTime() - start) / 1_000;
            long cpuMicros = (cpuNanos("planc-check") - cpuStart) / 1_000;
            int expected = breakIt ? 1 : 0;
            if (p.getDiagnostics().size() != expected
                    || breakIt && !"E0201".equals(p.getDiagnostics().get(0).getCode().getLeft())) {
                System.err.println("unexpected diagnostics for version " + version + ": " + p.getDiagnostics());
                return 2;
            }
            if (i >= warmup) {
                times.add(micros);
                cpus.add(cpuMicros);
            }
            Thread.sleep(pause);
        }
        long scheduleCpu = cpuNanos("planc-schedule") - scheduleCpuBefore;
        remote.shutdown().get(60, TimeUnit.SECONDS);
        remote.exit();
        socket.close();

        Collections.sort(times);
        double median = times.get(times.size() / 2) / 1000.0;
        double p95 = times.get(Math.min(times.size() - 1, (int) Math.ceil(times.size() * 0.95) - 1)) / 1000.0;
        System.out.printf(Locale.ROOT, "edit → publishDiagnostics over %d edits: median %.1f ms, p95 %.1f ms, "
                + "min %.1f ms, max %.1f ms (debounce %d ms included)%n", times.size(), median, p95,
                times.get(0) / 1000.0, times.get(times.size() - 1) / 1000.0, debounce);
        Collections.sort(cpus);
        System.out.printf(Locale.ROOT, "CPU of the check thread per edit: median %.1f ms, p95 %.1f ms; "
                + "the schedule thread used %.0f ms of CPU during the timed edits%n", cpus.get(cpus.size() / 2) / 1000.0,
                cpus.get(Math.min(cpus.size() - 1, (int) Math.ceil(cpus.size() * 0.95) - 1)) / 1000.0,
                scheduleCpu / 1e6);
        System.out.printf(Locale.ROOT, "load average at the end: %.2f (%d CPUs)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
        return median <= 200 ? 0 : 1;
    }

    /** CPU time of the server's thread with this name (its workers are named), 0 before it exists. */
    private static long cpuNanos(String name) {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(name)) {
                return Math.max(0, mx.getThreadCpuTime(t.getId()));
            }
        }
        return 0;
    }

    /** The diagnostics published for {@code version}, skipping older ones. */
    private PublishDiagnosticsParams next(int version) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < until) {
            PublishDiagnosticsParams p = published.poll(100, TimeUnit.MILLISECONDS);
            if (p != null && p.getVersion() != null && p.getVersion() == version) {
                return p;
            }
        }
        throw new IllegalStateException("no diagnostics for version " + version);
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
        published.add(diagnostics);
    }

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void showMessage(MessageParams messageParams) {
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {
    }
}
