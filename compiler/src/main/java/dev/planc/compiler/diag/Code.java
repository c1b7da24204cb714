package dev.planc.compiler.diag;

/**
 * The diagnostic catalogue: every code the compiler can report, its default severity, and the
 * text that {@code docs/diagnostics.md} is generated from. Codes are stable: never renumber,
 * only add. Ranges: E00xx source and syntax, E01xx values, E02xx names and structure, E03xx
 * tasks and resources, E04xx expressions, W0xxx warnings.
 */
public enum Code {
    // --- source and syntax --------------------------------------------------------------
    E0001(Severity.ERROR, "syntax error",
            "The text does not follow the grammar of the language: a token is missing, extra or in the wrong place.",
            "Read the message: it names what was found and what could come there instead."),
    E0002(Severity.ERROR, "unterminated string",
            "A string opened with `\"` has no closing `\"` on the same line.",
            "Close the string; a string cannot span lines (use `\\n` for a line break)."),
    E0003(Severity.ERROR, "unterminated comment",
            "A block comment opened with `/*` is never closed.",
            "Add `*/` where the comment ends."),
    E0004(Severity.ERROR, "invalid character",
            "A character that cannot start any token of the language.",
            "Remove it, or put it inside a string or comment."),
    E0005(Severity.ERROR, "invalid escape",
            "A string contains a backslash escape other than `\\\"`, `\\\\`, `\\n`, `\\t` and `\\u{HEX}`.",
            "Use one of the supported escapes, or write `\\\\` for a literal backslash."),
    E0007(Severity.ERROR, "nesting too deep",
            "Blocks or parentheses are nested more deeply than the compiler accepts (" + Limits.MAX_NESTING + " levels).",
            "Flatten the structure: deeply nested groups are almost always a generated or broken file."),
    E0008(Severity.ERROR, "unknown unit",
            "A number is glued to letters that are not a duration unit (`3days`, `40000EUR`).",
            "Duration units are `min`, `h`, `d`, `w` (working time) and `emin`, `eh`, `ed`, `ew` (elapsed); "
                    + "money takes its currency after a space: `40000 EUR`."),

    // --- values -------------------------------------------------------------------------
    E0101(Severity.ERROR, "invalid date",
            "A date or date-time that does not exist in the calendar, such as `2027-02-30` or `T25:00`.",
            "Write a real date `YYYY-MM-DD` (and time `THH:MM`)."),
    E0102(Severity.ERROR, "empty range",
            "A date range `FROM..TO` whose end is before its start. Both ends are inclusive, so `d..d` is one day.",
            "Swap the ends, or fix the typo in one of them."),
    E0103(Severity.ERROR, "bad working hours",
            "An `hours` interval runs backwards or is empty, overlaps another, or a time of day does not exist.",
            "Give ordered, disjoint intervals within 00:00-24:00: `hours 09:00-12:00, 13:00-17:00`."),
    E0104(Severity.ERROR, "duration without a unit",
            "A duration was written as a bare number, so it is unclear whether it means hours, days or weeks.",
            "Add a unit without a space: `3d`, `4h`, `30min`, `2w`, or elapsed `3ed`."),
    E0105(Severity.ERROR, "capacity not positive",
            "A resource's `capacity` is zero or less.",
            "Give a positive capacity: `50%` for a half-time person, `3` for a pool of three."),
    E0106(Severity.ERROR, "tolerance out of range",
            "A metric's `tolerance` is not a percentage between 0% and 100%.",
            "Write a percentage such as `tolerance 10%`."),
    E0107(Severity.ERROR, "priority out of range",
            "A task's `priority` is not a whole number between 1 and 1000.",
            "Use a value from 1 to 1000 (default 500; higher wins when tasks compete for a resource)."),
    E0108(Severity.ERROR, "unknown time zone",
            "The plan's `timezone` is not an IANA time-zone name.",
            "Use a name such as \"Europe/Berlin\", \"America/New_York\" or \"UTC\"."),
    E0109(Severity.ERROR, "money without a currency",
            "An amount of money has no currency code and the plan declares no `currency`.",
            "Write the code after the amount (`400 EUR`), or declare `currency EUR` in the plan block."),
    E0110(Severity.ERROR, "invalid currency",
            "A currency code is not three capital letters (ISO 4217), or differs from the plan's `currency`.",
            "Use the plan's currency code, such as `EUR` or `USD`."),
    E0111(Severity.ERROR, "invalid number",
            "A number is out of its allowed range: `hours_per_day` must be in (0, 24], `days_per_week` in 1..7, "
                    + "an assignment amount and a rate positive, a duration not negative, and the status bands of "
                    + "`flag_spi` / `flag_cpi` ordered as 0 < amber < green <= 1.",
            "Change the number to one within the range the message gives."),
    E0112(Severity.ERROR, "unknown weekday",
            "`workdays` names something that is not a day of the week.",
            "Use `mon tue wed thu fri sat sun`."),
    E0113(Severity.ERROR, "wrong kind of value",
            "An attribute got a value of the wrong kind, such as a percentage where a number is required.",
            "Write the kind of value the message asks for."),

    E0114(Severity.ERROR, "no working time",
            "The plan cannot be scheduled because some task's calendar has no working time for centuries "
                    + "(a calendar without workdays or hours, or leaves that never end).",
            "Give the calendar `workdays` and `hours`, or shorten the leave."),

    // --- names and structure ------------------------------------------------------------
    E0201(Severity.ERROR, "unknown task",
            "A dependency, `activate` or goal names a task or milestone that does not exist in scope. "
                    + "The first name of a reference is looked up in the enclosing blocks, innermost first, then at top level.",
            "Fix the spelling (see the suggestion), or write the full dotted path from the top level (`build.backend`)."),
    E0202(Severity.ERROR, "unknown resource",
            "An `assign`, `members`, `notify` or `owner` names a resource or team that is not declared.",
            "Declare the resource, or fix the spelling (see the suggestion)."),
    E0203(Severity.ERROR, "unknown calendar",
            "A `calendar` or `extends` names a calendar that is not declared.",
            "Declare the calendar, or fix the spelling."),
    E0204(Severity.ERROR, "unknown name in expression",
            "A `when` condition names something that is neither a metric, a task or milestone property, nor one of "
                    + "`today`, `spi`, `cpi`.",
            "Use `METRIC`, `METRIC.expected`, `TASK.slip`, `TASK.progress`, `TASK.started`, `TASK.done` or `TASK.late`."),
    E0205(Severity.ERROR, "ambiguous reference",
            "A name matches more than one declaration at the same level, so the reference cannot be resolved.",
            "Rename one of the declarations (which are duplicates themselves), or use a longer dotted path."),
    E0206(Severity.ERROR, "duplicate id",
            "Two declarations share an id where ids must be unique: among sibling tasks and milestones, at top "
                    + "level, or across resources, teams, calendars and metrics.",
            "Rename one of them."),
    E0207(Severity.ERROR, "dependency cycle",
            "Tasks depend on each other in a circle, so none of them could ever start. A dependency on a group "
                    + "applies to all of its children, and `after group` waits for all of them.",
            "Remove or reverse one of the dependencies the message lists."),
    E0208(Severity.ERROR, "include cycle",
            "Files include each other in a circle.",
            "Remove one of the `include`s the message lists; each file needs to be included once."),
    E0209(Severity.ERROR, "missing include",
            "An `include` names a file that cannot be read. Paths are relative to the including file.",
            "Fix the path, or create the file."),
    E0210(Severity.ERROR, "plan block",
            "The root file must hold exactly one `plan` block with a `start` date; an included file holds none.",
            "Keep one `plan \"Name\" { start YYYY-MM-DD }` in the file you compile, and none in included files."),
    E0211(Severity.ERROR, "wrong kind of reference",
            "A name refers to a declaration of the wrong kind, such as `milestones` naming a task, or `assign` a task.",
            "Name a declaration of the kind the attribute expects."),
    E0212(Severity.ERROR, "duplicate attribute",
            "An attribute that takes one value is given twice in the same block.",
            "Keep one of them."),
    E0213(Severity.ERROR, "calendar extends cycle",
            "Calendars extend each other in a circle.",
            "Remove one of the `extends`."),

    // --- tasks and resources ------------------------------------------------------------
    E0301(Severity.ERROR, "both duration and effort",
            "A task has both `duration` and `effort`; a task's length is given by one or the other.",
            "Keep `duration` for a fixed length, or `effort` for work spread over the assigned resources."),
    E0302(Severity.ERROR, "effort without assign",
            "A task has `effort` but nobody is assigned to do the work.",
            "Add `assign RESOURCE`, or use `duration` for a fixed length."),
    E0303(Severity.ERROR, "task without length",
            "A task without children has neither `duration` nor `effort`, so it cannot be scheduled.",
            "Add `duration` or `effort`; or make it a `milestone` if it takes no time."),
    E0304(Severity.ERROR, "group with its own length",
            "A task with children spans them, so it cannot also have a `duration` or `effort`.",
            "Move the duration or effort to a child task, or remove it."),
    E0305(Severity.ERROR, "assignment exceeds capacity",
            "An assignment asks for more units of a resource than it has.",
            "Assign at most the resource's capacity, or raise the capacity."),
    E0306(Severity.ERROR, "activate of a non-contingent task",
            "`activate` names a task that is not marked `contingent`; it is already in the schedule.",
            "Mark the task `contingent` (`task plan_b \"...\" contingent { }`), or activate another task."),
    E0307(Severity.ERROR, "missed deadline",
            "A task or milestone finishes after its `deadline` when the plan is scheduled as soon as possible. "
                    + "The message names the chain of tasks that drives the date, each with its length.",
            "Shorten or parallelise the chain, add resources to it, or move the deadline."),
    // --- expressions --------------------------------------------------------------------
    E0401(Severity.ERROR, "type mismatch",
            "An operator got operands of types it cannot combine, such as a duration compared with a number.",
            "Make both sides the same kind: `x.slip > 5d` (duration), `x.progress < 50%` (percent), "
                    + "`metric < 2.0` (number)."),
    E0402(Severity.ERROR, "condition is not a yes/no value",
            "A `when` condition must be true or false: a comparison, a boolean property, or `and`/`or`/`not` of them.",
            "Compare the value with something: `spi < 0.9` rather than `spi`."),
    E0403(Severity.ERROR, "unknown property",
            "A property after a task, milestone or metric does not exist for it.",
            "Tasks and milestones have `slip`, `progress`, `started`, `done`, `late`; metrics have `expected`."),
    E0404(Severity.ERROR, "contingency without condition or action",
            "A contingency needs a `when` condition and a `then` block with at least one action.",
            "Add the missing part."),

    // --- warnings -----------------------------------------------------------------------
    W0001(Severity.WARNING, "unused resource",
            "A resource is neither assigned to any task nor a member of a team that is.",
            "Assign it, or remove it from the plan."),
    W0002(Severity.WARNING, "metric without target",
            "A metric has no `target`, so it cannot be tracked against an expected line.",
            "Add `target NUMBER by DATE`."),
    W0003(Severity.WARNING, "contingent task never activated",
            "A task is marked `contingent` but no contingency activates it, so it can never run.",
            "Add `activate TASK` to a contingency's `then` block, or drop `contingent`."),
    W0004(Severity.WARNING, "unused calendar",
            "A calendar is declared but neither the plan, a resource nor another calendar uses it.",
            "Use it with `calendar ID`, or remove it.");

    private final Severity severity;
    private final String title;
    private final String explanation;
    private final String fix;

    Code(Severity severity, String title, String explanation, String fix) {
        this.severity = severity;
        this.title = title;
        this.explanation = explanation;
        this.fix = fix;
    }

    public String id() {
        return name();
    }

    public Severity severity() {
        return severity;
    }

    public String title() {
        return title;
    }

    public String explanation() {
        return explanation;
    }

    public String fix() {
        return fix;
    }
}
