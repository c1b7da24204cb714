package dev.planc.compiler.validate;

import dev.planc.compiler.diag.Diagnostics;
import dev.planc.compiler.parallel.Parallel;
import java.util.List;

/** The registry of rules, in the order they run. */
public final class Rules {
    /** Look only at values in the syntax tree: safe even when the syntax is broken. */
    static final List<Rule> VALUE_RULES = List.of(new InvalidDateRule(), new EmptyRangeRule(), new WorkingHoursRule(),
            new DurationUnitRule(), new CapacityRule(), new ToleranceRule(), new PriorityRule(), new TimezoneRule(),
            new CurrencyRule(), new NumberRangeRule(), new WorkdaysRule(), new DuplicateAttributeRule());

    /** Shape of declarations: run when the syntax is clean, so a dropped attribute cannot mislead them. */
    static final List<Rule> STRUCTURE_RULES = List.of(new DurationAndEffortRule(), new EffortWithoutAssignRule(),
            new LeafWithoutLengthRule(), new GroupWithLengthRule(), new ContingencyShapeRule(),
            new DependencyCycleRule(), new CapacityExceededRule());

    /** Warnings: only once there are no errors, so a mistake never cascades into warnings. */
    static final List<Rule> WARNING_RULES = List.of(new UnusedResourceRule(), new MetricWithoutTargetRule(),
            new NeverActivatedRule(), new UnusedCalendarRule());

    private Rules() {}

    public static void runValueRules(RuleContext context, Diagnostics out) {
        for (Rule r : VALUE_RULES) {
            r.check(context, out);
        }
    }

    /**
     * Structure rules, then warnings if nothing so far was an error. Needs the resolved plan.
     * The rules of each group are independent (rules keep no state; the context's index is
     * built once under its lock), so they run side by side, each into diagnostics of its own,
     * added in rule order: the same list as running them one after the other.
     */
    public static void runModelRules(RuleContext context, Diagnostics out) {
        runTogether(STRUCTURE_RULES, context, out);
        if (!out.hasErrors()) {
            runTogether(WARNING_RULES, context, out);
        }
    }

    private static void runTogether(List<Rule> rules, RuleContext context, Diagnostics out) {
        List<Diagnostics> found = Parallel.map(rules.size(), i -> {
            Diagnostics d = new Diagnostics();
            rules.get(i).check(context, d);
            return d;
        });
        for (Diagnostics d : found) {
            out.reportAll(d);
        }
    }
}
