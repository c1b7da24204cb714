package dev.planc.lsp;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * An LSP client in the test's process that talks to a {@link PlancLanguageServer} through the
 * real protocol (JSON-RPC over a local socket), and records what the server publishes.
 */
final class LspClient implements LanguageClient, AutoCloseable {
    final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    final Map<String, PublishDiagnosticsParams> latest = new ConcurrentHashMap<>();
    final BlockingQueue<String> logs = new LinkedBlockingQueue<>();
    final LanguageServer server;
    private final Thread serverThread;
    private final Socket socket;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    LspClient(Path workspace, long debounceMillis) throws Exception {
        ServerSocket listen = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        serverThread = new Thread(() -> {
            try (listen; Socket s = listen.accept()) {
                exit.complete(PlancLanguageServer.run(s.getInputStream(), s.getOutputStream(),
                        new PrintStream(System.err, true), debounceMillis));
            } catch (IOException e) {
                exit.completeExceptionally(e);
            }
        }, "test-server");
        serverThread.setDaemon(true);
        serverThread.start();
        socket = new Socket(InetAddress.getLoopbackAddress(), listen.getLocalPort());
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(this, socket.getInputStream(),
                socket.getOutputStream());
        launcher.startListening();
        server = launcher.getRemoteProxy();
        InitializeParams init = new InitializeParams();
        init.setCapabilities(new ClientCapabilities());
        init.setWorkspaceFolders(List.of(new WorkspaceFolder(workspace.toUri().toString(), "ws")));
        server.initialize(init).get(30, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
    }

    static String uri(Path p) {
        return p.toAbsolutePath().normalize().toUri().toString();
    }

    void open(Path p, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri(p), "planc", 1, text)));
    }

    void replace(Path p, int version, Range range, String text) {
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri(p), version),
                List.of(new TextDocumentContentChangeEvent(range, text))));
    }

    void replaceAll(Path p, int version, String text) {
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri(p), version), List.of(new TextDocumentContentChangeEvent(text))));
    }

    /** The next diagnostics published for {@code p}, skipping other files' (fails after 30 s). */
    PublishDiagnosticsParams next(Path p) throws InterruptedException {
        String u = uri(p);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < until) {
            PublishDiagnosticsParams d = published.poll(100, TimeUnit.MILLISECONDS);
            if (d != null && d.getUri().equals(u)) {
                return d;
            }
        }
        throw new AssertionError("no diagnostics for " + u + " within 30 s");
    }

    /** The diagnostics published for {@code p} at {@code version}, skipping earlier ones (fails after 30 s). */
    PublishDiagnosticsParams next(Path p, int version) throws InterruptedException {
        while (true) {
            PublishDiagnosticsParams d = next(p);
            if (d.getVersion() != null && d.getVersion() == version) {
                return d;
            }
        }
    }

    /** The position of the {@code nth} (0-based) occurrence of {@code needle} in {@code text}, plus {@code delta} UTF-16 units. */
    static Position at(String text, String needle, int nth, int delta) {
        int i = -1;
        for (int k = 0; k <= nth; k++) {
            i = text.indexOf(needle, i + 1);
            if (i < 0) {
                throw new AssertionError("no occurrence " + nth + " of " + needle);
            }
        }
        int offset = i + delta;
        int line = 0;
        int start = 0;
        for (int j = 0; j < offset; j++) {
            if (text.charAt(j) == '\n') {
                line++;
                start = j + 1;
            }
        }
        return new Position(line, offset - start);
    }

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
        latest.put(diagnostics.getUri(), diagnostics);
        published.add(diagnostics);
    }

    @Override
    public void showMessage(MessageParams messageParams) {
        logs.add(messageParams.getMessage());
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {
        logs.add(message.getMessage());
    }

    /** shutdown, exit; the server's exit code. */
    int stop() throws Exception {
        server.shutdown().get(30, TimeUnit.SECONDS);
        server.exit();
        return exit.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        socket.close();
        serverThread.join(10_000);
    }
}
