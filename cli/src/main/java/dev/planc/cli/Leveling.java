package dev.planc.cli;

import dev.planc.compiler.schedule.ScheduleRequest;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/** The leveling search's budget, for the commands that schedule (every compile does). */
final class Leveling {
    @CommandLine.Option(names = "--leveling-budget", paramLabel = "SCHEDULES", defaultValue = "0",
            description = "Schedules the resource-leveling search may try when resources are contended "
                    + "(default 0: decided by the plan's size, at most 2,000). More can find an earlier "
                    + "finish; the result stays deterministic.")
    int budget;

    /** The request for the compile, or a usage error for a negative budget. */
    ScheduleRequest request(CommandLine commandLine) {
        if (budget < 0) {
            throw new CommandLine.ParameterException(commandLine,
                    "--leveling-budget must be 0 (the default) or a positive number of schedules, not " + budget);
        }
        return new ScheduleRequest(null, Map.of(), Set.of(), budget);
    }
}
