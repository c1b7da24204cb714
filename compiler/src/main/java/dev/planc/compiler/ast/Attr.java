package dev.planc.compiler.ast;

import dev.planc.compiler.source.Span;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An attribute inside a block; each starts with its keyword. */
public sealed interface Attr extends Member {

    /** The keyword as written in the language, for messages ({@code "finish after"}). */
    String keyword();

    // --- plan ---
    record Start(DateValue date, Span span) implements Attr { public String keyword() { return "start"; } }
    record Timezone(Str zone, Span span) implements Attr { public String keyword() { return "timezone"; } }
    record Currency(Ident code, Span span) implements Attr { public String keyword() { return "currency"; } }
    record UseCalendar(Ident calendar, Span span) implements Attr { public String keyword() { return "calendar"; } }
    record HoursPerDay(Num value, Span span) implements Attr { public String keyword() { return "hours_per_day"; } }
    record DaysPerWeek(Num value, Span span) implements Attr { public String keyword() { return "days_per_week"; } }
    record Note(Str text, Span span) implements Attr { public String keyword() { return "note"; } }
    /** Status flags: a task turns amber once it slips more than this (within its slack). */
    record FlagSlip(Dur value, Span span) implements Attr { public String keyword() { return "flag_slip"; } }
    /** Status flags: SPI is green from {@code green} (to 2 − green), amber from {@code amber}, red beyond. */
    record FlagSpi(Num green, Num amber, Span span) implements Attr { public String keyword() { return "flag_spi"; } }
    /** Status flags: the same bands for CPI. */
    record FlagCpi(Num green, Num amber, Span span) implements Attr { public String keyword() { return "flag_cpi"; } }

    // --- calendar ---
    record Workdays(List<Ident> days, Span span) implements Attr {
        public Workdays { days = List.copyOf(days); }
        public String keyword() { return "workdays"; }
    }
    record Hours(List<TimeRange> ranges, Span span) implements Attr {
        public Hours { ranges = List.copyOf(ranges); }
        public String keyword() { return "hours"; }
    }
    record Holiday(DateRange range, @Nullable Str reason, Span span) implements Attr { public String keyword() { return "holiday"; } }
    record Extends(Ident calendar, Span span) implements Attr { public String keyword() { return "extends"; } }

    // --- resource and team ---
    record Capacity(Amount amount, Span span) implements Attr { public String keyword() { return "capacity"; } }
    /** {@code rate 640 EUR/d}: {@code per} is {@code d} or {@code h}. */
    record Rate(Money money, Ident per, Span span) implements Attr { public String keyword() { return "rate"; } }
    record Leave(DateRange range, @Nullable Str reason, Span span) implements Attr { public String keyword() { return "leave"; } }
    record Members(List<Ident> members, Span span) implements Attr {
        public Members { members = List.copyOf(members); }
        public String keyword() { return "members"; }
    }

    // --- task and milestone ---
    record Duration(Dur value, Span span) implements Attr { public String keyword() { return "duration"; } }
    record Effort(Dur value, Span span) implements Attr { public String keyword() { return "effort"; } }
    record Assign(List<Assignment> assignments, Span span) implements Attr {
        public Assign { assignments = List.copyOf(assignments); }
        public String keyword() { return "assign"; }
    }
    record After(List<Dependency> dependencies, Span span) implements Attr {
        public After { dependencies = List.copyOf(dependencies); }
        public String keyword() { return "after"; }
    }
    record FinishAfter(Dependency dependency, Span span) implements Attr { public String keyword() { return "finish after"; } }
    record StartNoEarlier(DateValue date, Span span) implements Attr { public String keyword() { return "start >="; } }
    record Deadline(DateValue date, Span span) implements Attr { public String keyword() { return "deadline"; } }
    record Priority(Num value, Span span) implements Attr { public String keyword() { return "priority"; } }
    record Budget(Money money, Span span) implements Attr { public String keyword() { return "budget"; } }
    record Cost(Money money, Span span) implements Attr { public String keyword() { return "cost"; } }

    // --- goal and metric ---
    record Milestones(List<Ref> milestones, Span span) implements Attr {
        public Milestones { milestones = List.copyOf(milestones); }
        public String keyword() { return "milestones"; }
    }
    record Owner(Ident owner, Span span) implements Attr { public String keyword() { return "owner"; } }
    record Unit(Str unit, Span span) implements Attr { public String keyword() { return "unit"; } }
    record Baseline(Num value, Span span) implements Attr { public String keyword() { return "baseline"; } }
    record Target(Num value, DateValue by, Span span) implements Attr { public String keyword() { return "target"; } }
    record Tolerance(Amount amount, Span span) implements Attr { public String keyword() { return "tolerance"; } }
    record LowerIsBetter(Span span) implements Attr { public String keyword() { return "lower_is_better"; } }

    // --- contingency ---
    record When(Expr condition, Span span) implements Attr { public String keyword() { return "when"; } }
    record Then(List<Action> actions, Span span) implements Attr {
        public Then { actions = List.copyOf(actions); }
        public String keyword() { return "then"; }
    }
    record Once(Span span) implements Attr { public String keyword() { return "once"; } }
}
