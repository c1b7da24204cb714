package dev.planc.cli;

import dev.planc.compiler.Compiler;
import dev.planc.compiler.parallel.Parallel;
import dev.planc.compiler.schedule.ScheduleRequest;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.SourceLoader;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a small built-in plan on a second core while the main thread starts up (picocli
 * reading the command line takes about a tenth of a second in a fresh JVM): the grammar's tables
 * are deserialised, the parser's prediction cache gets its common paths, and the compiler's
 * classes are loaded and initialised, which the command would otherwise do itself, later, on the
 * main thread. Nothing it makes is kept and nothing it finds is reported; whatever it has not
 * finished when the command needs a class, the JVM lets the command wait for or do itself.
 */
final class Warmup {
    /** Commands that compile a plan first thing. */
    private static final Set<String> COMPILING = Set.of("check", "schedule", "status", "log", "baseline", "serve",
            "fmt");

    private static final String PLAN = """
            plan "Warm-up" { start 2027-01-04  timezone "Europe/Berlin" }
            calendar office { workdays mon tue wed thu fri  hours 09:00-12:00, 13:00-17:00  holiday 2027-01-06 }
            resource ann "Ann" { calendar office  rate 600 EUR/d  leave 2027-01-11..2027-01-12 }
            resource bob "Bob" { capacity 0.5 }
            task design "Design" { effort 3d  assign ann, bob  priority 600 }
            task build "Build" {
              task api { duration 2d  after design + 2h  assign bob }
              task ui { effort 16h  after design.start  assign ann  deadline 2027-03-01 }
            }
            milestone done "Done" { after build }
            """;

    private Warmup() {}

    static boolean helps(String command) {
        return COMPILING.contains(command) && Parallel.threads() > 1;
    }

    static void start() {
        Thread t = new Thread(null, Warmup::run, "planc-warmup", 16L << 20);
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void run() {
        try {
            // a few schedules of the search, not the thousands a plan this small gets by default
            Compiler.compile(new Source("warmup.plan", PLAN), path -> new SourceLoader.LoadResult.Failed("no includes", true),
                    new ScheduleRequest(null, Map.of(), Set.of(), 4));
        } catch (RuntimeException | Error e) {
            // a warm-up that fails costs nothing: the command does the real work and reports
        }
    }
}
