package dev.planc.cli;

import dev.planc.compiler.ast.PlanFile;
import dev.planc.compiler.diag.Diagnostics;
import dev.planc.compiler.diag.TextRenderer;
import dev.planc.compiler.format.Formatter;
import dev.planc.compiler.source.FileSourceLoader;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.syntax.SyntaxParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code planc fmt FILE|DIR... [--check]}: rewrites plans in the canonical layout (comments kept).
 * A file with syntax errors is left untouched and its errors are shown. With {@code --check}
 * nothing is written; files that would change are named and the exit code is 1.
 */
@Command(name = "fmt", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, description = "Format plans in the canonical layout.")
final class FmtCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Plans, or directories to search for *.plan.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--check", description = "Write nothing; exit 1 and name the files that would change.")
    boolean check;

    @CommandLine.Mixin
    Output output = new Output();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> problems = new ArrayList<>();
        List<Inputs.Input> inputs = Inputs.expand(paths, problems);
        FileSourceLoader loader = new FileSourceLoader();
        boolean syntaxErrors = false;
        int wouldChange = 0;
        for (Inputs.Input in : inputs) {
            Source source = Inputs.load(in.path(), loader, problems);
            if (source == null) {
                continue;
            }
            Diagnostics diagnostics = new Diagnostics();
            PlanFile file = SyntaxParser.parse(source, diagnostics);
            if (diagnostics.hasErrors()) {
                err.print(new TextRenderer(output.useColor()).render(Diagnostics.sorted(diagnostics.all())));
                err.println("planc: not formatting `" + in.path() + "`: fix the syntax errors first");
                syntaxErrors = true;
                continue;
            }
            String formatted = Formatter.format(file);
            if (formatted.equals(source.text())) {
                continue;
            }
            wouldChange++;
            if (check) {
                out.println("would reformat " + in.path());
                continue;
            }
            try {
                write(in.path(), formatted);
                out.println("formatted " + in.path());
            } catch (IOException e) {
                problems.add("cannot write `" + in.path() + "`: " + e.getMessage());
            }
        }
        for (String p : problems) {
            err.println("planc: " + p);
        }
        out.flush();
        err.flush();
        if (!problems.isEmpty()) {
            return Main.FAILURE;
        }
        return syntaxErrors || (check && wouldChange > 0) ? Main.PLAN_ERRORS : Main.OK;
    }

    /** Writes through a temporary file in the same directory and renames it over the original. */
    private static void write(Path path, String text) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".planc-fmt-", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
