package dev.planc.compiler.resolve;

import dev.planc.compiler.ast.Expr;
import dev.planc.compiler.ast.Ident;
import dev.planc.compiler.ast.Ref;
import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;
import dev.planc.compiler.model.Condition;
import dev.planc.compiler.model.Condition.Op;
import dev.planc.compiler.model.Condition.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Resolves and types a {@code when} expression. Types: number, percent, duration, date, money,
 * boolean. {@code or}/{@code and}/{@code not} take booleans; comparisons take two values of one
 * type; {@code + -} add like to like (and a duration to a date; date minus date is a duration);
 * {@code * /} scale a value by a number (and a value divided by a value of its own type is a
 * number). Anything else is a type error that names both types.
 */
final class ExpressionTyper {
    private static final List<String> TASK_PROPERTIES = List.of("slip", "progress", "started", "done", "late");

    private final Diagnostics diagnostics;
    private final Map<String, Integer> metrics;
    private final @Nullable String currency;
    private final Units units;
    private final BiFunction<Ref, String, @Nullable Integer> taskLookup;
    private final Predicate<String> isTopLevelTask;
    private final Function<String, @Nullable String> globalKind;
    private final java.util.function.Consumer<Ident> metricUsed;
    private boolean failed;

    ExpressionTyper(Diagnostics diagnostics, Map<String, Integer> metrics, @Nullable String currency, Units units,
            BiFunction<Ref, String, @Nullable Integer> taskLookup, Predicate<String> isTopLevelTask,
            Function<String, @Nullable String> globalKind, java.util.function.Consumer<Ident> metricUsed) {
        this.diagnostics = diagnostics;
        this.metrics = metrics;
        this.currency = currency;
        this.units = units;
        this.taskLookup = taskLookup;
        this.isTopLevelTask = isTopLevelTask;
        this.globalKind = globalKind;
        this.metricUsed = metricUsed;
    }

    /** A typed boolean condition, or null after reporting why there is none. */
    @Nullable Condition condition(Expr expr) {
        failed = false;
        Condition c = type(expr);
        if (c == null || failed) {
            return null;
        }
        if (c.type() != Type.BOOLEAN) {
            diagnostics.report(Diagnostic.of(Code.E0402, expr.span(), "the condition is " + c.type().words()
                    + ", not true/false").withHelp("compare it with something, such as `... > 5d` or `... < 2.0`"));
            return null;
        }
        return c;
    }

    private @Nullable Condition type(Expr e) {
        if (e instanceof Expr.Paren p) {
            return type(p.inner());
        } else if (e instanceof Expr.NumberLit n) {
            return new Condition.Constant(Type.NUMBER, n.value(), null, n.span());
        } else if (e instanceof Expr.PercentLit p) {
            return new Condition.Constant(Type.PERCENT, p.value(), null, p.span());
        } else if (e instanceof Expr.MoneyLit m) {
            Ident cur = m.value().currency();
            if (cur != null && !cur.name().matches("[A-Z]{3}")) {
                failed = true; // not a currency code: the currency rule reports it (`2 d` is a spaced duration)
                return null;
            }
            return new Condition.Constant(Type.MONEY, m.value().amount(), cur != null ? cur.name() : currency, m.span());
        } else if (e instanceof Expr.DurationLit d) {
            Long minutes = units.minutes(d.value());
            if (minutes == null) {
                failed = true; // the unit rule reports it
                return null;
            }
            return new Condition.DurationConstant(minutes, d.value().unit().elapsed(), d.span());
        } else if (e instanceof Expr.DateLit d) {
            if (d.value().value() == null) {
                failed = true;
                return null;
            }
            return new Condition.DateConstant(d.value().value(), d.span());
        } else if (e instanceof Expr.BoolLit b) {
            return new Condition.BoolConstant(b.value(), b.span());
        } else if (e instanceof Expr.RefExpr r) {
            return reference(r);
        } else if (e instanceof Expr.Unary u) {
            Condition inner = type(u.operand());
            if (inner == null) {
                return null;
            }
            if (u.op() == Expr.UnaryOp.NOT) {
                if (inner.type() != Type.BOOLEAN) {
                    return mismatch(u.span(), "`not` needs true/false, but its operand is " + inner.type().words(), null);
                }
                return new Condition.Not(inner, u.span());
            }
            if (inner.type() == Type.BOOLEAN || inner.type() == Type.DATE) {
                return mismatch(u.span(), "`-` cannot negate " + inner.type().words(), null);
            }
            return new Condition.Negate(inner, u.span());
        } else if (e instanceof Expr.Binary b) {
            return binary(b);
        }
        return null;
    }

    private @Nullable Condition binary(Expr.Binary b) {
        Condition l = type(b.left());
        Condition r = type(b.right());
        if (l == null || r == null) {
            return null;
        }
        Op op = Op.valueOf(b.op().name());
        Type lt = l.type();
        Type rt = r.type();
        String sym = "`" + b.op().text() + "`";
        Type result = switch (b.op()) {
            case OR, AND -> lt == Type.BOOLEAN && rt == Type.BOOLEAN ? Type.BOOLEAN : null;
            case LT, LE, GT, GE -> lt == rt && lt != Type.BOOLEAN ? Type.BOOLEAN : null;
            case EQ, NE -> lt == rt ? Type.BOOLEAN : null;
            case ADD -> lt == rt && lt != Type.BOOLEAN && lt != Type.DATE ? lt
                    : lt == Type.DATE && rt == Type.DURATION || lt == Type.DURATION && rt == Type.DATE ? Type.DATE : null;
            case SUB -> lt == rt && lt == Type.DATE ? Type.DURATION
                    : lt == rt && lt != Type.BOOLEAN ? lt
                    : lt == Type.DATE && rt == Type.DURATION ? Type.DATE : null;
            case MUL -> lt == Type.NUMBER && rt != Type.BOOLEAN && rt != Type.DATE ? rt
                    : rt == Type.NUMBER && lt != Type.BOOLEAN && lt != Type.DATE ? lt : null;
            case DIV -> rt == Type.NUMBER && lt != Type.BOOLEAN && lt != Type.DATE ? lt
                    : lt == rt && lt != Type.BOOLEAN && lt != Type.DATE ? Type.NUMBER : null;
        };
        if (result == null) {
            String msg;
            if (b.op() == Expr.BinaryOp.OR || b.op() == Expr.BinaryOp.AND) {
                msg = sym + " needs true/false on both sides, but got " + lt.words() + " and " + rt.words();
            } else if (b.op().comparison() && lt == Type.BOOLEAN && rt == Type.BOOLEAN) {
                msg = sym + " cannot order true/false values; use `==`, `!=`, `and`, `or` or `not`";
            } else if (b.op().comparison()) {
                msg = "cannot compare " + lt.words() + " with " + rt.words();
            } else {
                msg = "cannot apply " + sym + " to " + lt.words() + " and " + rt.words();
            }
            return mismatch(b.span(), msg, hint(l, r));
        }
        // With a plan currency, a differing code is already reported where it is written (E0110).
        if (currency == null && l instanceof Condition.Constant lc && r instanceof Condition.Constant rc
                && lt == Type.MONEY && rt == Type.MONEY && lc.currency() != null && rc.currency() != null
                && !lc.currency().equals(rc.currency())) {
            return mismatch(b.span(), "cannot combine money in " + lc.currency() + " with money in " + rc.currency(),
                    "convert one amount so both are in the same currency");
        }
        return new Condition.Binary(op, l, r, result, b.span());
    }

    private static @Nullable String hint(Condition l, Condition r) {
        Condition number = l.type() == Type.NUMBER ? l : r.type() == Type.NUMBER ? r : null;
        Condition other = number == l ? r : l;
        if (number instanceof Condition.Constant c) {
            String v = c.value().toPlainString();
            return switch (other.type()) {
                case PERCENT -> "write the number as a percentage: `" + v + "%`";
                case DURATION -> "give the number a unit: `" + v + "d`, `" + v + "h` or `" + v + "ed`";
                case MONEY -> "give the amount a currency: `" + v + " EUR`";
                default -> null;
            };
        }
        return null;
    }

    private @Nullable Condition mismatch(dev.planc.compiler.source.Span span, String message, @Nullable String help) {
        failed = true;
        Diagnostic d = Diagnostic.of(Code.E0401, span, message);
        diagnostics.report(help == null ? d : d.withHelp(help));
        return null;
    }

    private @Nullable Condition reference(Expr.RefExpr r) {
        Ref ref = r.ref();
        List<Ident> parts = ref.parts();
        if (parts.size() == 1) {
            String name = parts.get(0).name();
            switch (name) {
                case "today":
                    return new Condition.BuiltinValue(Condition.Builtin.TODAY, r.span());
                case "spi":
                    return new Condition.BuiltinValue(Condition.Builtin.SPI, r.span());
                case "cpi":
                    return new Condition.BuiltinValue(Condition.Builtin.CPI, r.span());
                default:
                    break;
            }
            Integer m = metrics.get(name);
            if (m != null) {
                metricUsed.accept(parts.get(0));
                return new Condition.MetricValue(m, false, r.span());
            }
            failed = true;
            if (isTopLevelTask.test(name)) {
                diagnostics.report(Diagnostic.of(Code.E0204, r.span(), "`" + name + "` is a task, not a value")
                        .withHelp("use one of its properties: `" + name + ".done`, `" + name + ".slip`, `" + name
                                + ".progress`, `" + name + ".started`, `" + name + ".late`"));
                return null;
            }
            String kind = globalKind.apply(name);
            if (kind != null) {
                diagnostics.report(Diagnostic.of(Code.E0211, r.span(), "`" + name + "` is a " + kind + ", not a value")
                        .withHelp("a condition uses metrics, task and milestone properties (`TASK.slip`, ...), "
                                + "`today`, `spi` and `cpi`"));
                return null;
            }
            List<String> candidates = new ArrayList<>(metrics.keySet());
            candidates.addAll(List.of("today", "spi", "cpi"));
            Diagnostic d = Diagnostic.of(Code.E0204, r.span(), "unknown name `" + name + "` in condition: "
                    + "not a metric, nor `today`, `spi` or `cpi`");
            diagnostics.report(Resolver.withSuggestion(d, name, candidates));
            return null;
        }
        Ident last = ref.last();
        String prop = last.name();
        Ref subject = ref.withoutLast();
        if (subject.parts().size() == 1 && metrics.containsKey(subject.parts().get(0).name())
                && !TASK_PROPERTIES.contains(prop)) {
            if (prop.equals("expected")) {
                metricUsed.accept(subject.parts().get(0));
                return new Condition.MetricValue(metrics.get(subject.parts().get(0).name()), true, r.span());
            }
            failed = true;
            Diagnostic d = Diagnostic.of(Code.E0403, last.span(), "unknown property `" + prop + "` of metric `"
                    + subject.dotted() + "`").withHelp("a metric has `expected`; the metric itself is its latest value");
            diagnostics.report(Resolver.withSuggestion(d, prop, List.of("expected")));
            return null;
        }
        if (!TASK_PROPERTIES.contains(prop)) {
            failed = true;
            // Is the whole path a task? Then the property is what is missing or wrong.
            Diagnostic d = Diagnostic.of(Code.E0403, last.span(), "unknown property `" + prop + "` of `"
                    + subject.dotted() + "`").withHelp("tasks and milestones have "
                    + String.join(", ", TASK_PROPERTIES.stream().map(p -> "`" + p + "`").toList()));
            diagnostics.report(Resolver.withSuggestion(d, prop.toLowerCase(Locale.ROOT), TASK_PROPERTIES));
            return null;
        }
        Integer task = taskLookup.apply(subject, "in condition");
        if (task == null) {
            failed = true;
            return null;
        }
        Condition.TaskProperty p = Condition.TaskProperty.valueOf(prop.toUpperCase(Locale.ROOT));
        return new Condition.TaskValue(task, p, r.span());
    }

}
