package dev.planc.cli;

import dev.planc.runtime.PlanRuntime;
import dev.planc.runtime.journal.Event;
import dev.planc.runtime.journal.EventStore;
import dev.planc.runtime.journal.StoreException;
import dev.planc.runtime.store.Stores;
import dev.planc.runtime.status.Replay;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code planc log FILE EVENT...}: checks events against the plan and the journal and appends
 * them durably (all or nothing), then records the contingencies they make fire.
 */
@Command(name = "log", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Record what happened: start TASK, finish TASK, progress TASK PERCENT, measure METRIC NUMBER, "
                + "cost TASK AMOUNT [CURRENCY], note TEXT. Several events may follow each other.")
final class LogCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The plan.")
    Path plan;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "EVENT", description = "Events (see above).")
    List<String> words = new ArrayList<>();

    @CommandLine.Mixin
    JournalOptions journalOptions = new JournalOptions();

    @CommandLine.Mixin
    Output output = new Output();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Runtimes.Opened opened = journalOptions.open(plan, err, output.useColor(), spec.commandLine());
        if (opened.runtime() == null) {
            return opened.exit();
        }
        PlanRuntime rt = opened.runtime();
        LocalDateTime when = journalOptions.at(rt, spec.commandLine());
        List<Event> events = parse(rt, when);
        try {
            PlanRuntime.Logged logged = rt.log(events);
            int own = events.size();
            out.println("planc: logged " + own + (own == 1 ? " event" : " events") + " to "
                    + Stores.describe(rt.store()));
            for (Replay.Firing f : logged.firings()) {
                out.println("planc: contingency `" + f.contingency() + "` fired at " + f.at()
                        + (f.because().isEmpty() ? "" : " because " + f.because()));
            }
            return Main.OK;
        } catch (EventStore.Rejected r) {
            err.println("planc: nothing was logged:");
            for (String reason : r.reasons()) {
                err.println("  error: " + reason);
            }
            return Main.PLAN_ERRORS;
        } catch (StoreException e) {
            err.println("planc: " + e.getMessage());
            return Main.FAILURE;
        }
    }

    private List<Event> parse(PlanRuntime rt, LocalDateTime when) {
        List<Event> events = new ArrayList<>();
        CommandLine cl = spec.commandLine();
        for (int i = 0; i < words.size(); ) {
            String word = words.get(i++);
            Event.Type type = Event.Type.of(word);
            if (type == null || type == Event.Type.FIRED) {
                throw new CommandLine.ParameterException(cl, "unknown event `" + word
                        + "`: use start, finish, progress, measure, cost or note");
            }
            switch (type) {
                case START, FINISH -> events.add(rt.event(type, when, arg(i++, word + " TASK"), null, null, null));
                case PROGRESS -> {
                    String task = arg(i++, "progress TASK PERCENT");
                    String pct = arg(i++, "progress TASK PERCENT");
                    events.add(rt.event(type, when, task, number(pct.endsWith("%") ? pct.substring(0,
                            pct.length() - 1) : pct, "progress"), null, null));
                }
                case MEASURE -> {
                    String metric = arg(i++, "measure METRIC NUMBER");
                    events.add(rt.event(type, when, metric, number(arg(i++, "measure METRIC NUMBER"), "measure"),
                            null, null));
                }
                case COST -> {
                    String task = arg(i++, "cost TASK AMOUNT [CURRENCY]");
                    BigDecimal amount = number(arg(i++, "cost TASK AMOUNT [CURRENCY]"), "cost");
                    String currency = null;
                    if (i < words.size() && words.get(i).matches("[A-Z]{3}")) {
                        currency = words.get(i++);
                    }
                    events.add(rt.event(type, when, task, amount, currency, null));
                }
                case NOTE -> events.add(rt.event(type, when, null, null, null, arg(i++, "note TEXT")));
                default -> throw new IllegalStateException(type.word());
            }
        }
        return events;
    }

    private String arg(int i, String form) {
        if (i >= words.size()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "incomplete event: expected `" + form + "`");
        }
        return words.get(i);
    }

    private BigDecimal number(String text, String what) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "`" + text + "` is not a number (in `"
                    + what + "`)");
        }
    }
}
