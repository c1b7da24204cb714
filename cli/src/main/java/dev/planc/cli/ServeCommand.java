package dev.planc.cli;

import dev.planc.runtime.PlanRuntime;
import dev.planc.runtime.journal.StoreException;
import dev.planc.runtime.server.PlanServer;
import dev.planc.runtime.store.Stores;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code planc serve FILE}: the runtime as a long-running HTTP service (CLI.md). Runs until
 * interrupted (Ctrl-C, SIGTERM), then stops accepting requests and closes the store.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Serve the plan's runtime over HTTP: dashboard at /, JSON API under /api, live stream.")
final class ServeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The plan.")
    Path plan;

    @CommandLine.Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host = "127.0.0.1";

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = 8080;

    @Option(names = "--token-file", paramLabel = "PATH",
            description = "File holding the bearer token that writes need (else PLANC_TOKEN; neither: writes refused).")
    @Nullable Path tokenFile;

    @Option(names = "--webhook", paramLabel = "URL",
            description = "POST each contingency firing and flag change to URL as JSON (repeatable).")
    List<String> webhooks = new ArrayList<>();

    @Option(names = "--poll", defaultValue = "1s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How often to look for new events from elsewhere and for time passing (default: ${DEFAULT-VALUE}).")
    Duration poll = Duration.ofSeconds(1);

    @CommandLine.Mixin
    Output output = new Output();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CommandLine cl = spec.commandLine();
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(cl, "--port " + port + " is not a port (0-65535)");
        }
        List<URI> hooks = new ArrayList<>();
        for (String w : webhooks) {
            hooks.add(webhook(w, cl));
        }
        String token = token(cl);
        Runtimes.Opened opened = store.open(plan, err, output.useColor(), cl);
        if (opened.runtime() == null) {
            return opened.exit();
        }
        PlanRuntime rt = opened.runtime();
        PlanServer server;
        try {
            server = PlanServer.start(rt, Objects.requireNonNull(Objects.requireNonNull(opened.compiled()).schedule()), new PlanServer.Options(host, port,
                    token, hooks, poll, m -> {
                        synchronized (err) {
                            err.println("planc serve: " + m);
                            err.flush();
                        }
                    }));
        } catch (BindException e) {
            err.println("planc: cannot listen on " + host + ":" + port + ": " + e.getMessage());
            return Main.FAILURE;
        } catch (IOException e) {
            err.println("planc: cannot start the server on " + host + ":" + port + ": " + e.getMessage());
            return Main.FAILURE;
        } catch (StoreException e) {
            err.println("planc: " + e.getMessage());
            return Main.FAILURE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            try {
                rt.store().close();
            } catch (StoreException ignored) {
                // exiting anyway
            }
            stopped.countDown();
        }, "planc-serve-stop"));
        out.println("planc: serving `" + plan + "` at " + server.uri() + " (events: " + Stores.describe(rt.store())
                + "; " + (token == null ? "no token configured, writes are refused" : "writes need the bearer token")
                + ")");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Main.OK;
    }

    private @Nullable String token(CommandLine cl) {
        if (tokenFile != null) {
            try {
                String t = Files.readString(tokenFile, StandardCharsets.UTF_8).trim();
                if (t.isEmpty()) {
                    throw new CommandLine.ParameterException(cl, "--token-file " + tokenFile + " is empty");
                }
                return t;
            } catch (IOException e) {
                throw new CommandLine.ParameterException(cl, "cannot read --token-file " + tokenFile + ": "
                        + e.getMessage());
            }
        }
        String env = System.getenv("PLANC_TOKEN");
        return env == null || env.isBlank() ? null : env.trim();
    }

    private static URI webhook(String text, CommandLine cl) {
        try {
            URI u = new URI(text);
            if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
                return u;
            }
        } catch (URISyntaxException e) {
            // fall through
        }
        throw new CommandLine.ParameterException(cl, "--webhook `" + text + "` is not an http(s) URL");
    }

    /** {@code 500ms}, {@code 2s}, {@code 1m}. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.trim();
            try {
                if (v.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
                }
                long n = Long.parseLong(v.substring(0, v.length() - 1));
                switch (v.charAt(v.length() - 1)) {
                    case 's':
                        return Duration.ofSeconds(n);
                    case 'm':
                        return Duration.ofMinutes(n);
                    default:
                        break;
                }
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                // fall through
            }
            throw new CommandLine.TypeConversionException("`" + value + "` is not a duration: write 500ms, 2s or 1m");
        }
    }
}
