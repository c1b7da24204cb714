package dev.planc.compiler.validate;

import dev.planc.compiler.diag.Diagnostics;
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

    /** Structure rules, then warnings if nothing so far was an error. Needs the resolved plan. */
    public static void runModelRules(RuleContext context, Diagnostics out) {
        for (Rule r : STRUCTURE_RULES) {
            r.check(context, out);
        }
        if (!out.hasErrors()) {
            for (Rule r : WARNING_RULES) {
                r.check(context, out);
            }
        }
    }
}
