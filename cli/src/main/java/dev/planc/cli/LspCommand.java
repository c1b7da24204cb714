package dev.planc.cli;

import dev.planc.lsp.PlancLanguageServer;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code planc lsp}: the language server over standard input and output. Standard output
 * carries the protocol and nothing else: {@code System.out} is pointed at standard error for
 * the life of the server, so a stray print cannot corrupt the stream; logs go to standard
 * error and to the client. Exit code 0 after {@code shutdown} then {@code exit}, 1 when the
 * client went away without {@code shutdown} (as the protocol says).
 */
@Command(name = "lsp", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Run the language server (LSP) over standard input and output.")
final class LspCommand implements Callable<Integer> {

    @Option(names = "--debounce", defaultValue = "150", paramLabel = "MILLIS",
            description = "While edits come faster than this, check this long after the last one; an edit after a pause is checked at once (default: ${DEFAULT-VALUE}).")
    long debounceMillis = PlancLanguageServer.DEFAULT_DEBOUNCE_MILLIS;

    @Option(names = "--stdio", description = "Accepted for clients that pass it; standard input and output are always used.")
    boolean stdio;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (debounceMillis < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--debounce must be 0 or more milliseconds");
        }
        FileOutputStream protocol = new FileOutputStream(FileDescriptor.out);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, java.nio.charset.StandardCharsets.UTF_8);
        System.setOut(err);
        PlancLanguageServer.logTo(err);
        return PlancLanguageServer.run(new FileInputStream(FileDescriptor.in), protocol, err, debounceMillis);
    }
}
