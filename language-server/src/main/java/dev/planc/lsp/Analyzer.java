package dev.planc.lsp;

import dev.planc.compiler.CompiledPlan;
import dev.planc.compiler.Compiler;
import dev.planc.compiler.Result;
import dev.planc.compiler.ast.PlanFile;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.schedule.ScheduleRequest;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.SourceLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Compiles what the editor shows. An edit is checked at once when it follows a quiet spell, and
 * otherwise once the edits pause for the debounce (see {@link #changed}); checks of the plan the
 * file belongs to run one at a time on one worker thread, with the
 * open documents' unsaved text, through {@link Compiler#check}, and their diagnostics are
 * published at once. Then, once no new check has come for {@link #SCHEDULE_DELAY_MILLIS},
 * {@link Compiler#schedule} completes the same result on a second worker (so a slow schedule
 * never holds up the next check, nor runs while the user types): a missed deadline appears when
 * it is done, and hovers read dates from it. A result whose input changed meanwhile is dropped.
 *
 * <p>A file without a {@code plan} block is checked through the plan that includes it: an open
 * one, or one found in the workspace folders, as {@code planc check DIR} does.
 */
final class Analyzer {
    private static final Pattern PLAN_BLOCK = Pattern.compile("(?m)^[ \\t\\uFEFF]*plan\\s*(\"|\\{)");
    private static final Pattern INCLUDE = Pattern.compile("(?m)^[ \\t]*include\\s*\"([^\"\\r\\n]*)\"");
    /** How many files a workspace search for a file's includer reads at most. */
    private static final int SCAN_LIMIT = 2000;

    /** Where the diagnostics of one file go. */
    interface Publisher {
        void publish(Path file, @Nullable Integer version, List<Diagnostic> diagnostics);
    }

    private final Documents docs;
    private final Publisher publisher;
    private final Consumer<String> log;
    private final long debounceMillis;
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "planc-check"));
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            r -> thread(r, "planc-schedule"));
    /** Scheduling waits this long after a check: while the user types, checks do not compete with it. */
    static final long SCHEDULE_DELAY_MILLIS = 400;
    private final Map<Path, ScheduledFuture<?>> pendingSchedules = new ConcurrentHashMap<>();
    private final Map<Path, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    /** When each file's latest edit arrived ({@link System#nanoTime}). */
    private final Map<Path, Long> lastEdit = new ConcurrentHashMap<>();
    /** The latest compilation of each root, front end or scheduled. */
    private final Map<Path, Snapshot> latest = new ConcurrentHashMap<>();
    /** The latest compilation of each root that has its schedule (or could have none: errors). */
    private final Map<Path, CompletableFuture<Snapshot>> scheduled = new ConcurrentHashMap<>();
    /** Which root each file was last compiled through. */
    private final Map<Path, Path> rootOf = new ConcurrentHashMap<>();
    /** The files each root's last published compilation had diagnostics published for. */
    private final Map<Path, Set<Path>> publishedFiles = new ConcurrentHashMap<>();
    private volatile List<Path> workspaceFolders = List.of();

    Analyzer(Documents docs, Publisher publisher, Consumer<String> log, long debounceMillis) {
        this.docs = docs;
        this.publisher = publisher;
        this.log = log;
        this.debounceMillis = debounceMillis;
    }

    private static Thread thread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    void workspaceFolders(List<Path> folders) {
        workspaceFolders = List.copyOf(folders);
    }

    /**
     * A file was opened or changed: check its plan. An edit that comes after a quiet spell of at
     * least the debounce is checked at once; an edit that follows another sooner (typing) is
     * checked once the edits pause for the debounce, so a burst costs two checks, not one per key.
     */
    void changed(Path file, boolean now) {
        long arrived = System.nanoTime();
        Long previous = lastEdit.put(file, arrived);
        boolean quiet = previous == null || arrived - previous >= TimeUnit.MILLISECONDS.toNanos(debounceMillis);
        checker.execute(() -> {
            Path root = rootFor(file);
            ScheduledFuture<?> before = pending.remove(root);
            if (before != null) {
                before.cancel(false);
            }
            Runnable check = () -> {
                pending.remove(root);
                analyze(root);
            };
            if (now || quiet || debounceMillis <= 0) {
                check.run();
            } else {
                pending.put(root, checker.schedule(check, debounceMillis, TimeUnit.MILLISECONDS));
            }
        });
    }

    /** A file was closed: its plan is checked again from what is now open and on disk. */
    void closed(Path file) {
        changed(file, false);
    }

    /** A compilation that matches the open documents and holds {@code file}; compiled now if needed. */
    CompletableFuture<Snapshot> snapshot(Path file) {
        return CompletableFuture.supplyAsync(() -> {
            Path root = rootFor(file);
            Snapshot s = latest.get(root);
            if (s != null && s.source(file) != null && docs.current(sources(s))) {
                return s;
            }
            Snapshot fresh = analyze(root);
            return fresh != null ? fresh : compileQuietly(root);
        }, checker);
    }

    /**
     * The same, with its schedule when the plan has one: waits up to {@code waitMillis} for the
     * scheduler, else gives the front-end snapshot.
     */
    CompletableFuture<Snapshot> scheduledSnapshot(Path file, long waitMillis) {
        return snapshot(file).thenCompose(s -> {
            CompletableFuture<Snapshot> f = scheduled.get(s.root());
            if (s.scheduled() || f == null) {
                return CompletableFuture.completedFuture(s);
            }
            // wait without holding a worker: the copy times out, the shared future does not
            return f.copy().completeOnTimeout(s, waitMillis, TimeUnit.MILLISECONDS)
                    .thenApply(done -> done == s || sameInput(done, s) ? done : s);
        });
    }

    private static boolean sameInput(Snapshot a, Snapshot b) {
        List<Source> x = sources(a);
        List<Source> y = sources(b);
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (!x.get(i).text().equals(y.get(i).text())) {
                return false;
            }
        }
        return true;
    }

    /** The loader compilations read through (open documents first, then the disk). */
    SourceLoader loader() {
        return docs;
    }

    void shutdown() {
        checker.shutdownNow();
        scheduler.shutdownNow();
    }

    // ------------------------------------------------------------------ on the check thread

    private @Nullable Snapshot analyze(Path root) {
        Snapshot s;
        try {
            s = compile(root);
        } catch (RuntimeException | StackOverflowError e) {
            log.accept("planc: checking " + root + " failed: " + e);
            return null;
        }
        if (s == null) {
            return null;
        }
        latest.put(root, s);
        for (PlanFile f : s.compiled().files()) {
            rootOf.put(Documents.key(f.source().path()), root);
        }
        Map<Path, @Nullable Integer> versions = versions(s);
        if (versions == null) {
            return s; // edited meanwhile: a newer check is on its way; publish nothing stale
        }
        publish(s, versions);
        CompletableFuture<Snapshot> done = new CompletableFuture<>();
        CompletableFuture<Snapshot> before = scheduled.put(root, done);
        ScheduledFuture<?> waiting = pendingSchedules.remove(root);
        if (waiting != null && waiting.cancel(false) && before != null) {
            before.complete(latest.getOrDefault(root, s)); // superseded before it started
        }
        pendingSchedules.put(root, scheduler.schedule(() -> schedule(s, done), SCHEDULE_DELAY_MILLIS,
                TimeUnit.MILLISECONDS));
        return s;
    }

    private Snapshot compileQuietly(Path root) {
        Snapshot s = compile(root);
        if (s == null) {
            throw new IllegalStateException("cannot read " + root);
        }
        return s;
    }

    private @Nullable Snapshot compile(Path root) {
        SourceLoader.LoadResult loaded = docs.load(root);
        if (!(loaded instanceof SourceLoader.LoadResult.Loaded l)) {
            log.accept("planc: cannot read " + root + ": " + ((SourceLoader.LoadResult.Failed) loaded).reason());
            return null;
        }
        return Snapshot.of(root, Compiler.check(l.source(), docs), false);
    }

    /** The open documents' versions of a compilation's files, or null when any was edited since it read them. */
    private @Nullable Map<Path, @Nullable Integer> versions(Snapshot s) {
        Map<Path, @Nullable Integer> out = new java.util.HashMap<>();
        for (PlanFile f : s.compiled().files()) {
            Path k = Documents.key(f.source().path());
            Documents.Doc d = docs.get(k); // one immutable (version, text) pair
            if (d != null && !d.text().equals(f.source().text())) {
                return null;
            }
            out.put(k, d == null ? null : d.version());
        }
        return out;
    }

    private void publish(Snapshot s, Map<Path, @Nullable Integer> versions) {
        Map<Path, List<Diagnostic>> byFile = new LinkedHashMap<>();
        for (PlanFile f : s.compiled().files()) {
            byFile.put(Documents.key(f.source().path()), new ArrayList<>());
        }
        for (Diagnostic d : s.result().diagnostics()) {
            byFile.computeIfAbsent(Documents.key(d.span().source().path()), k -> new ArrayList<>()).add(d);
        }
        Set<Path> before = publishedFiles.put(s.root(), byFile.keySet());
        if (before != null) {
            for (Path gone : before) {
                if (!byFile.containsKey(gone) && s.root().equals(rootOf.get(gone))) {
                    publisher.publish(gone, version(gone), List.of());
                }
            }
        }
        for (Map.Entry<Path, List<Diagnostic>> e : byFile.entrySet()) {
            publisher.publish(e.getKey(), versions.get(e.getKey()), e.getValue());
        }
    }

    private @Nullable Integer version(Path file) {
        Documents.Doc d = docs.get(file);
        return d == null ? null : d.version();
    }

    private static List<Source> sources(Snapshot s) {
        List<Source> out = new ArrayList<>();
        for (PlanFile f : s.compiled().files()) {
            out.add(f.source());
        }
        return out;
    }

    // ------------------------------------------------------------------ on the schedule thread

    private void schedule(Snapshot front, CompletableFuture<Snapshot> done) {
        try {
            if (!docs.current(sources(front))) {
                done.complete(front);
                return;
            }
            Result<CompiledPlan> full = Compiler.schedule(front.result(), ScheduleRequest.plain());
            Snapshot s = new Snapshot(front.root(), full, front.symbols(), true);
            latest.replace(front.root(), front, s);
            done.complete(s);
            Map<Path, @Nullable Integer> versions = versions(s);
            if (!full.diagnostics().equals(front.result().diagnostics()) && versions != null
                    && latest.get(front.root()) == s) {
                publish(s, versions);
            }
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            log.accept("planc: scheduling " + front.root() + " failed: " + e);
            done.complete(front);
        }
    }

    // ------------------------------------------------------------------ which plan a file belongs to

    /** The plan to compile for a file: itself when it has a plan block, else a plan that includes it. */
    private Path rootFor(Path file) {
        String text = text(file);
        if (text == null || PLAN_BLOCK.matcher(text).find()) {
            return file;
        }
        Path known = rootOf.get(file);
        if (known != null && !known.equals(file) && includes(known, file)) {
            return known;
        }
        for (Documents.Doc d : docs.all()) {
            if (!d.path().equals(file) && PLAN_BLOCK.matcher(d.text()).find() && includes(d.path(), file)) {
                return d.path();
            }
        }
        for (Path candidate : workspacePlans(file)) {
            if (includes(candidate, file)) {
                return candidate;
            }
        }
        return file;
    }

    private @Nullable String text(Path file) {
        SourceLoader.LoadResult r = docs.load(file);
        return r instanceof SourceLoader.LoadResult.Loaded l ? l.source().text() : null;
    }

    /** Whether compiling {@code root} reads {@code file}: its last compilation says, else a check now. */
    private boolean includes(Path root, Path file) {
        Snapshot s = latest.get(root);
        // a plan that included the file still does after an edit (an edit of the file itself,
        // typically); one that did not is asked again once it changed
        if (s != null && (s.source(file) != null || docs.current(sources(s)))) {
            return s.source(file) != null;
        }
        String text = text(root);
        if (text == null || !PLAN_BLOCK.matcher(text).find() || !INCLUDE.matcher(text).find()) {
            return false;
        }
        Snapshot compiled = compile(root);
        if (compiled == null) {
            return false;
        }
        latest.put(root, compiled);
        return compiled.source(file) != null;
    }

    /** Plans under the workspace folders that mention an include of a file with this file's name. */
    private List<Path> workspacePlans(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        List<Path> out = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path folder : workspaceFolders) {
            if (!file.startsWith(folder)) {
                continue;
            }
            List<Path> found;
            try (Stream<Path> walk = Files.walk(folder, 12)) {
                found = walk.filter(p -> p.getFileName() != null && p.getFileName().toString().endsWith(".plan")
                        && !p.toString().contains("/node_modules/") && !p.toString().contains("/target/")
                        && Files.isRegularFile(p)).limit(SCAN_LIMIT).sorted().toList();
            } catch (IOException | UncheckedIOException e) {
                continue;
            }
            for (Path p : found) {
                Path k = p.toAbsolutePath().normalize();
                if (k.equals(file) || !seen.add(k)) {
                    continue;
                }
                String text = text(k);
                if (text != null && text.contains(name) && INCLUDE.matcher(text).find()) {
                    out.add(k);
                }
            }
        }
        return out;
    }
}
