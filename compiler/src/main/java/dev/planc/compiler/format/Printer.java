package dev.planc.compiler.format;

import dev.planc.compiler.ast.Action;
import dev.planc.compiler.ast.Amount;
import dev.planc.compiler.ast.Assignment;
import dev.planc.compiler.ast.Attr;
import dev.planc.compiler.ast.DateRange;
import dev.planc.compiler.ast.DateValue;
import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.ast.Dependency;
import dev.planc.compiler.ast.Dur;
import dev.planc.compiler.ast.Expr;
import dev.planc.compiler.ast.Ident;
import dev.planc.compiler.ast.Money;
import dev.planc.compiler.ast.Num;
import dev.planc.compiler.ast.Ref;
import dev.planc.compiler.ast.Str;
import dev.planc.compiler.ast.TimeRange;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Prints single-line constructs: declaration headers, attributes (all but {@code then}, whose
 * block the layout prints), actions, expressions and literals. Pure functions of the AST.
 */
final class Printer {
    private Printer() {}

    // ------------------------------------------------------------------ headers

    /** The header of a block declaration, without the {@code {}. */
    static String header(Decl d) {
        if (d instanceof Decl.PlanDecl p) {
            return "plan" + opt(p.name());
        } else if (d instanceof Decl.CalendarDecl c) {
            return "calendar " + name(c.id());
        } else if (d instanceof Decl.ResourceDecl r) {
            return "resource " + name(r.id()) + opt(r.title());
        } else if (d instanceof Decl.TeamDecl t) {
            return "team " + name(t.id()) + opt(t.title());
        } else if (d instanceof Decl.TaskDecl t) {
            return "task " + name(t.id()) + opt(t.title()) + (t.contingent() ? " contingent" : "");
        } else if (d instanceof Decl.MilestoneDecl m) {
            return "milestone " + name(m.id()) + opt(m.title());
        } else if (d instanceof Decl.GoalDecl g) {
            return "goal " + name(g.id()) + opt(g.title());
        } else if (d instanceof Decl.MetricDecl m) {
            return "metric " + name(m.id()) + opt(m.title());
        } else if (d instanceof Decl.ContingencyDecl c) {
            return "contingency " + name(c.id()) + opt(c.title());
        } else if (d instanceof Decl.IncludeDecl i) {
            return "include " + str(i.path());
        }
        throw new IllegalArgumentException("unknown declaration " + d.getClass().getName());
    }

    private static String opt(@Nullable Str s) {
        return s == null ? "" : " " + str(s);
    }

    // ------------------------------------------------------------------ attributes and actions

    /** One attribute on one line; {@code then} prints only its keyword (the layout adds the block). */
    static String attr(Attr a) {
        if (a instanceof Attr.Start s) {
            return "start " + s.date().text();
        } else if (a instanceof Attr.Timezone t) {
            return "timezone " + str(t.zone());
        } else if (a instanceof Attr.Currency c) {
            return "currency " + name(c.code());
        } else if (a instanceof Attr.UseCalendar c) {
            return "calendar " + name(c.calendar());
        } else if (a instanceof Attr.HoursPerDay h) {
            return "hours_per_day " + num(h.value());
        } else if (a instanceof Attr.DaysPerWeek d) {
            return "days_per_week " + num(d.value());
        } else if (a instanceof Attr.Note n) {
            return "note " + str(n.text());
        } else if (a instanceof Attr.FlagSlip f) {
            return "flag_slip " + dur(f.value());
        } else if (a instanceof Attr.FlagSpi f) {
            return "flag_spi " + num(f.green()) + " " + num(f.amber());
        } else if (a instanceof Attr.FlagCpi f) {
            return "flag_cpi " + num(f.green()) + " " + num(f.amber());
        } else if (a instanceof Attr.Workdays w) {
            return "workdays " + join(w.days(), Printer::name, " ");
        } else if (a instanceof Attr.Hours h) {
            return "hours " + join(h.ranges(), Printer::timeRange, ", ");
        } else if (a instanceof Attr.Holiday h) {
            return "holiday " + dateRange(h.range()) + opt(h.reason());
        } else if (a instanceof Attr.Extends e) {
            return "extends " + name(e.calendar());
        } else if (a instanceof Attr.Capacity c) {
            return "capacity " + amount(c.amount());
        } else if (a instanceof Attr.Rate r) {
            return "rate " + money(r.money()) + "/" + name(r.per());
        } else if (a instanceof Attr.Leave l) {
            return "leave " + dateRange(l.range()) + opt(l.reason());
        } else if (a instanceof Attr.Members m) {
            return "members " + join(m.members(), Printer::name, ", ");
        } else if (a instanceof Attr.Duration d) {
            return "duration " + dur(d.value());
        } else if (a instanceof Attr.Effort e) {
            return "effort " + dur(e.value());
        } else if (a instanceof Attr.Assign as) {
            return "assign " + join(as.assignments(), Printer::assignment, ", ");
        } else if (a instanceof Attr.After af) {
            return "after " + join(af.dependencies(), Printer::dependency, ", ");
        } else if (a instanceof Attr.FinishAfter f) {
            return "finish after " + dependency(f.dependency());
        } else if (a instanceof Attr.StartNoEarlier s) {
            return "start >= " + s.date().text();
        } else if (a instanceof Attr.Deadline d) {
            return "deadline " + d.date().text();
        } else if (a instanceof Attr.Priority p) {
            return "priority " + num(p.value());
        } else if (a instanceof Attr.Budget b) {
            return "budget " + money(b.money());
        } else if (a instanceof Attr.Cost c) {
            return "cost " + money(c.money());
        } else if (a instanceof Attr.Milestones m) {
            return "milestones " + join(m.milestones(), Printer::ref, ", ");
        } else if (a instanceof Attr.Owner o) {
            return "owner " + name(o.owner());
        } else if (a instanceof Attr.Unit u) {
            return "unit " + str(u.unit());
        } else if (a instanceof Attr.Baseline b) {
            return "baseline " + num(b.value());
        } else if (a instanceof Attr.Target t) {
            return "target " + num(t.value()) + " by " + t.by().text();
        } else if (a instanceof Attr.Tolerance t) {
            return "tolerance " + amount(t.amount());
        } else if (a instanceof Attr.LowerIsBetter) {
            return "lower_is_better";
        } else if (a instanceof Attr.When w) {
            return "when " + expr(w.condition());
        } else if (a instanceof Attr.Then) {
            return "then";
        } else if (a instanceof Attr.Once) {
            return "once";
        }
        throw new IllegalArgumentException("unknown node " + a.getClass().getName());
    }

    static String action(Action a) {
        if (a instanceof Action.Notify n) {
            return "notify " + name(n.target()) + " " + str(n.message());
        } else if (a instanceof Action.Activate ac) {
            return "activate " + ref(ac.task());
        } else if (a instanceof Action.Escalate e) {
            return "escalate " + str(e.message());
        }
        throw new IllegalArgumentException("unknown node " + a.getClass().getName());
    }

    // ------------------------------------------------------------------ expressions

    /** On one line: single spaces around binary operators, parentheses exactly where the AST has them. */
    static String expr(Expr e) {
        StringBuilder out = new StringBuilder();
        expr(e, out);
        return out.toString();
    }

    private static void expr(Expr e, StringBuilder out) {
        if (e instanceof Expr.Binary b) {
            expr(b.left(), out);
            out.append(' ').append(b.op().text()).append(' ');
            expr(b.right(), out);
        } else if (e instanceof Expr.Unary u) {
            out.append(u.op() == Expr.UnaryOp.NOT ? "not " : "-");
            expr(u.operand(), out);
        } else if (e instanceof Expr.Paren p) {
            out.append('(');
            expr(p.inner(), out);
            out.append(')');
        } else if (e instanceof Expr.NumberLit n) {
            out.append(num(n.value()));
        } else if (e instanceof Expr.PercentLit p) {
            out.append(num(p.value())).append('%');
        } else if (e instanceof Expr.DurationLit d) {
            out.append(dur(d.value()));
        } else if (e instanceof Expr.DateLit d) {
            out.append(d.value().text());
        } else if (e instanceof Expr.MoneyLit m) {
            out.append(money(m.value()));
        } else if (e instanceof Expr.BoolLit b) {
            out.append(b.value());
        } else if (e instanceof Expr.RefExpr r) {
            out.append(ref(r.ref()));
        } else {
            throw new IllegalArgumentException("unknown expression " + e.getClass().getName());
        }
    }

    // ------------------------------------------------------------------ values

    static String name(Ident id) {
        return id.name();
    }

    static String ref(Ref r) {
        return r.dotted();
    }

    static String num(Num n) {
        return num(n.value());
    }

    /** Plain notation, scale kept as written: {@code 3.0} stays {@code 3.0}. */
    static String num(BigDecimal n) {
        return n.toPlainString();
    }

    static String amount(Amount a) {
        return num(a.value()) + (a.percent() ? "%" : "");
    }

    static String money(Money m) {
        return num(m.amount()) + (m.currency() == null ? "" : " " + name(m.currency()));
    }

    /** The amount and the unit as written (empty or unknown units included: validation reports them). */
    static String dur(Dur d) {
        return num(d.amount()) + d.unitText();
    }

    static String dependency(Dependency d) {
        String s = ref(d.target()) + (d.fromStart() ? ".start" : "");
        Dur lag = d.lag();
        return lag == null ? s : s + (d.lead() ? " - " : " + ") + dur(lag);
    }

    static String assignment(Assignment a) {
        Amount amount = a.amount();
        return name(a.resource()) + (amount == null ? "" : ":" + amount(amount));
    }

    static String dateRange(DateRange r) {
        DateValue to = r.to();
        return to == null ? r.from().text() : r.from().text() + ".." + to.text();
    }

    static String timeRange(TimeRange r) {
        return r.from().text() + "-" + r.to().text();
    }

    static String str(Str s) {
        return quote(s.value());
    }

    /**
     * A string literal for a decoded value: {@code \"}, {@code \\}, {@code \n}, {@code \t}, other
     * control characters as <code>&#92;u{HEX}</code>; everything else (including non-ASCII) as itself.
     */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        value.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.getType(cp) == Character.CONTROL) {
                        out.append("\\u{").append(Integer.toHexString(cp).toUpperCase(Locale.ROOT)).append('}');
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    private static <T> String join(List<T> items, Function<T, String> print, String separator) {
        return items.stream().map(print).collect(Collectors.joining(separator));
    }
}
