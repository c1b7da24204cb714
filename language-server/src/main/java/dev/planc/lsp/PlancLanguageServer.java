package dev.planc.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;
import org.jspecify.annotations.Nullable;

/**
 * The Planc language server: LSP over the compiler. Protocol on the given streams only; its own
 * messages go to the client's log and to {@code log} (stderr), never to the protocol stream.
 */
public final class PlancLanguageServer implements LanguageServer, LanguageClientAware {
    /** Quiet spell after the last edit before a check, by default. */
    public static final long DEFAULT_DEBOUNCE_MILLIS = 150;

    /** Held so the configuration below is not lost with a collected logger. */
    private static final java.util.logging.Logger LSP4J = java.util.logging.Logger.getLogger("org.eclipse.lsp4j");

    private final PrintStream log;
    private final Documents documents = new Documents();
    private final Analyzer analyzer;
    private final PlanTextService text;
    private volatile @Nullable LanguageClient client;
    private volatile boolean shutdown;
    private volatile Runnable onExit = () -> { };

    public PlancLanguageServer(PrintStream log, long debounceMillis) {
        this.log = log;
        this.analyzer = new Analyzer(documents, this::publish, this::log, debounceMillis);
        this.text = new PlanTextService(documents, analyzer, this::log);
    }

    /**
     * Serves one client over {@code in}/{@code out} until it sends {@code exit} or closes the
     * stream; returns the process exit code the protocol asks for (0 after {@code shutdown}, 1
     * otherwise).
     */
    public static int run(InputStream in, OutputStream out, PrintStream log, long debounceMillis) {
        PlancLanguageServer server = new PlancLanguageServer(log, debounceMillis);
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        server.onExit = () -> listening.cancel(true);
        try {
            listening.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            // the stream closed or `exit` arrived
        }
        server.analyzer.shutdown();
        return server.shutdown ? 0 : 1;
    }

    /**
     * Sends lsp4j's own log (java.util.logging) to {@code err} as one line per record, warnings
     * and worse only: a client that hangs up is not worth a stack trace.
     */
    public static void logTo(PrintStream err) {
        java.util.logging.Handler h = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                if (isLoggable(r)) {
                    Throwable t = r.getThrown();
                    err.println("planc lsp: " + r.getLevel().getName().toLowerCase(java.util.Locale.ROOT) + ": "
                            + new java.util.logging.SimpleFormatter().formatMessage(r) + (t == null ? "" : " (" + t + ")"));
                    err.flush();
                }
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {
                err.flush();
            }
        };
        h.setLevel(java.util.logging.Level.WARNING);
        LSP4J.setUseParentHandlers(false);
        LSP4J.setLevel(java.util.logging.Level.WARNING);
        for (java.util.logging.Handler old : LSP4J.getHandlers()) {
            LSP4J.removeHandler(old);
        }
        LSP4J.addHandler(h);
    }

    @Override
    public void connect(LanguageClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        List<Path> folders = new ArrayList<>();
        if (params.getWorkspaceFolders() != null) {
            for (WorkspaceFolder f : params.getWorkspaceFolders()) {
                Path p = Documents.path(f.getUri());
                if (p != null) {
                    folders.add(p);
                }
            }
        } else if (params.getRootUri() != null) {
            Path p = Documents.path(params.getRootUri());
            if (p != null) {
                folders.add(p);
            }
        }
        analyzer.workspaceFolders(folders);

        ServerCapabilities caps = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        caps.setTextDocumentSync(sync);
        caps.setCompletionProvider(new CompletionOptions(false, List.of(".")));
        caps.setHoverProvider(true);
        caps.setDefinitionProvider(true);
        caps.setReferencesProvider(true);
        caps.setRenameProvider(new RenameOptions(true));
        caps.setDocumentSymbolProvider(true);
        caps.setDocumentFormattingProvider(true);
        caps.setFoldingRangeProvider(true);
        String version = PlancLanguageServer.class.getPackage().getImplementationVersion();
        return CompletableFuture.completedFuture(new InitializeResult(caps,
                new ServerInfo("planc", version == null ? "dev" : version)));
    }

    @Override
    public void initialized(InitializedParams params) {
        log("planc language server ready");
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        analyzer.shutdown();
        onExit.run();
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return text;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return new WorkspaceService() {
            @Override
            public void didChangeConfiguration(DidChangeConfigurationParams params) {
                // no settings yet
            }

            @Override
            public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
                // files on disk are read at each check
            }
        };
    }

    private void publish(Path file, @Nullable Integer version, List<dev.planc.compiler.diag.Diagnostic> diagnostics) {
        LanguageClient c = client;
        if (c != null) {
            c.publishDiagnostics(Diagnostics.params(documents.uri(file), version, diagnostics));
        }
    }

    private void log(String message) {
        log.println(message);
        log.flush();
        LanguageClient c = client;
        if (c != null) {
            c.logMessage(new MessageParams(MessageType.Log, message));
        }
    }
}
