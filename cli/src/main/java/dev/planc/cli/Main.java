package dev.planc.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
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
    private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("check", CheckCommand::new);
        COMMANDS.put("fmt", FmtCommand::new);
        COMMANDS.put("schedule", ScheduleCommand::new);
        COMMANDS.put("log", LogCommand::new);
        COMMANDS.put("status", StatusCommand::new);
        COMMANDS.put("baseline", BaselineCommand::new);
        COMMANDS.put("serve", ServeCommand::new);
        COMMANDS.put("lsp", LspCommand::new);
        COMMANDS.put("help", CommandLine.HelpCommand::new);
    }

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
        CommandLine cli = new CommandLine(new Main());
        Supplier<Object> asked = args.length > 0 && !args[0].equals("help") ? COMMANDS.get(args[0]) : null;
        if (asked != null) {
            cli.addSubcommand(args[0], asked.get());
        } else {
            COMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> FAILURE);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("planc: " + ex.getMessage());
            err.println("Try 'planc " + (ex.getCommandLine().getCommandName().equals("planc") ? ""
                    : ex.getCommandLine().getCommandName() + " ") + "--help' for usage.");
            err.flush();
            return FAILURE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("planc: internal error: " + ex + (debug ? "" : " (run with --debug for details)"));
            if (debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return FAILURE;
        });
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

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"planc " + (v == null ? "dev" : v)};
        }
    }
}
