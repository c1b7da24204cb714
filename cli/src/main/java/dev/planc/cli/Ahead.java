package dev.planc.cli;

import dev.planc.compiler.CompiledPlan;
import dev.planc.compiler.Compiler;
import dev.planc.compiler.Result;
import dev.planc.compiler.schedule.ScheduleRequest;
import dev.planc.compiler.source.FileSourceLoader;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.SourceLoader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * {@code planc schedule}'s compile, started on another thread before picocli has read the
 * command line (which takes about a tenth of a second in a fresh JVM): from the raw arguments it
 * guesses the first plan, and compiles it with the plain request while picocli works. The command
 * then {@linkplain #take takes} the result only if picocli's reading names the same file and asks
 * for the plain request; otherwise (or if the guess failed in any way) it compiles as it always
 * did. Compiling is deterministic, so a result taken is exactly the one the command would have
 * made. The file is read once, by this thread.
 *
 * <p>The guess is deliberately narrow: the first argument after the command that is not an option
 * and does not follow one (so never an option's value), naming a regular file. Nothing is started
 * when an argument mentions {@code --leveling-budget} (the request would not be the plain one) or
 * is {@code --}.
 */
final class Ahead implements Runnable {
    private static volatile @Nullable Ahead started;

    private final Path path;
    private @Nullable Result<CompiledPlan> result; // written by the thread, read after join()
    private final Thread thread;

    private Ahead(Path path) {
        this.path = path;
        this.thread = new Thread(null, this, "planc-ahead", 16L << 20);
        thread.setDaemon(true);
    }

    /** Starts compiling ahead when {@code args} are a {@code schedule} command with a guessable plan; true if started. */
    static boolean start(String[] args) {
        if (args.length < 2 || !args[0].equals("schedule")) {
            return false;
        }
        Path path = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--leveling-budget") || a.equals("--")) {
                return false;
            }
            if (path == null && !a.startsWith("-") && (i == 1 || !args[i - 1].startsWith("-"))) {
                try {
                    path = Path.of(a);
                } catch (InvalidPathException e) {
                    return false;
                }
            }
        }
        if (path == null || !Files.isRegularFile(path)) {
            return false;
        }
        Ahead ahead = new Ahead(path);
        started = ahead;
        ahead.thread.start();
        return true;
    }

    /**
     * The compile of {@code path} with {@code request} if it was started ahead (waiting for it to
     * end), else null: the caller compiles itself. Hands a result out once.
     */
    static @Nullable Result<CompiledPlan> take(Path path, ScheduleRequest request) {
        Ahead ahead = started;
        if (ahead == null || !ahead.path.equals(path) || !plain(request)) {
            return null;
        }
        started = null;
        boolean interrupted = false;
        while (true) {
            try {
                ahead.thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return ahead.result;
    }

    /**
     * Whether {@code request} is {@link ScheduleRequest#plain()}, the only request compiled
     * ahead (asked field by field: a record's generated equals is linked through method handles
     * on first use, which costs a fresh JVM milliseconds).
     */
    private static boolean plain(ScheduleRequest request) {
        return request.now() == null && request.actuals().isEmpty() && request.activated().isEmpty()
                && request.levelingBudget() == 0 && request.order().isEmpty();
    }

    @Override
    public void run() {
        try {
            SourceLoader loader = new FileSourceLoader();
            if (loader.load(path) instanceof SourceLoader.LoadResult.Loaded loaded) {
                Source source = loaded.source();
                result = Compiler.compile(source, loader, ScheduleRequest.plain());
            }
        } catch (RuntimeException | Error e) {
            result = null; // the command compiles again and reports whatever goes wrong
        }
    }
}
