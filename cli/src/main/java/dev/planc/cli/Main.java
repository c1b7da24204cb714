package dev.planc.cli;

import java.io.PrintWriter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code planc}: the command line. Exit codes per CLI.md: 0 ok, 1 plan errors, 2 usage or I/O.
 *
 * <p>Start-up matters for a command that runs in a fraction of a second, so picocli is shown only
 * the command that was asked for (reading a command's annotations costs several milliseconds
 * each in a cold JVM); anything else, such as {@code --help}, {@code help} or a mistyped command,
 * gets them all. And while picocli reads the command line, {@link Warmup} loads the compiler on
 * the other core.
 */
@Command(name = "planc", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Plan-as-code: check, format and schedule .plan files; log what happened and ask for status.")
public final class Main implements Runnable {
    /** The commands, in the order help lists them. */
    private static final List<String> COMMANDS = List.of("check", "fmt", "schedule", "log", "status", "baseline",
            "serve", "lsp", "help");

    /** A new instance of the command called {@code name}, or null (a switch: no lambdas to link at start-up). */
    private static @Nullable Object command(String name) {
        return switch (name) {
            case "check" -> new CheckCommand();
            case "fmt" -> new FmtCommand();
            case "schedule" -> new ScheduleCommand();
            case "log" -> new LogCommand();
            case "status" -> new StatusCommand();
            case "baseline" -> new BaselineCommand();
            case "serve" -> new ServeCommand();
            case "lsp" -> new LspCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> null;
        };
    }

    /**
     * picocli's switch for the built-in converters it should not register, and ours: those it
     * would find by reflection for java.sql and java.time types, which no option here has
     * ({@code --poll} brings its own converter). Looking them up loaded the java.sql module and
     * cost a fresh JVM about 20 ms of every start.
     */
    private static final String CONVERTERS_EXCLUDES = "picocli.converters.excludes";
    private static final String UNUSED_CONVERTERS = "java\\.sql\\..*,java\\.time\\..*";

    public static final int OK = 0;
    public static final int PLAN_ERRORS = 1;
    public static final int FAILURE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a command is required (check, fmt, schedule, log, status, baseline, serve, lsp)");
    }

    public static void main(String[] args) {
        if (args.length > 0 && Warmup.helps(args[0])) {
            Warmup.start();
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams; returns the exit code. Never throws. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        if (System.getProperty(CONVERTERS_EXCLUDES) == null) {
            System.setProperty(CONVERTERS_EXCLUDES, UNUSED_CONVERTERS);
        }
        CommandLine cli = new CommandLine(new Main());
        Object asked = args.length > 0 && !args[0].equals("help") ? command(args[0]) : null;
        if (asked != null) {
            cli.addSubcommand(args[0], asked);
        } else {
            for (String name : COMMANDS) {
                cli.addSubcommand(name, command(name));
            }
        }
        cli.setOut(out);
        cli.setErr(err);
        Handlers handlers = new Handlers(err, debug);
        cli.setExitCodeExceptionMapper(handlers);
        cli.setParameterExceptionHandler(handlers);
        cli.setExecutionExceptionHandler(handlers);
        try {
            int code = cli.execute(args);
            out.flush();
            err.flush();
            return code;
        } catch (OutOfMemoryError | StackOverflowError e) {
            err.println("planc: out of resources: " + e);
            err.flush();
            return FAILURE;
        }
    }

    /**
     * How failures end: a usage error names the command's help, anything else is an internal
     * error, without a stack trace unless {@code --debug}; both exit 2. (A class rather than three
     * lambdas: the interfaces are picocli's, whose old class files the class-data-sharing archive
     * cannot hold, so a lambda for them would be generated at run time, every run.)
     */
    private static final class Handlers implements CommandLine.IExitCodeExceptionMapper,
            CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
        private final PrintWriter err;
        private final boolean debug;

        Handlers(PrintWriter err, boolean debug) {
            this.err = err;
            this.debug = debug;
        }

        @Override
        public int getExitCode(Throwable exception) {
            return FAILURE;
        }

        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            err.println("planc: " + ex.getMessage());
            err.println("Try 'planc " + (ex.getCommandLine().getCommandName().equals("planc") ? ""
                    : ex.getCommandLine().getCommandName() + " ") + "--help' for usage.");
            err.flush();
            return FAILURE;
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine commandLine,
                CommandLine.ParseResult parseResult) {
            err.println("planc: internal error: " + ex + (debug ? "" : " (run with --debug for details)"));
            if (debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return FAILURE;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"planc " + (v == null ? "dev" : v)};
        }
    }
}
