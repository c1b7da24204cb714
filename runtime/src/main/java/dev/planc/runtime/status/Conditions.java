package dev.planc.runtime.status;

import dev.planc.compiler.model.Condition;
import dev.planc.compiler.model.Plan;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates a typed {@code when} condition (LANGUAGE.md §5) against the state at one instant.
 * Durations are working minutes, dates epoch minutes of local wall time, percentages as written
 * (40 for 40 %). A metric with no reading yet makes the whole condition false, as the language
 * says; so does an undefined SPI or CPI (no planned value or no cost yet).
 */
final class Conditions {
    private Conditions() {}

    /** What a condition can ask about; null answers mean "not known yet". */
    interface Facts {
        @Nullable BigDecimal metric(int metric);

        @Nullable BigDecimal expected(int metric);

        /** slip (working minutes), progress (percent) or started/done/late (Boolean). */
        @Nullable Object task(int task, Condition.TaskProperty property);

        @Nullable BigDecimal spi();

        @Nullable BigDecimal cpi();

        LocalDateTime now();
    }

    /** Outcome: whether it holds, and the values it looked at ({@code beta.slip = 6d}). */
    record Outcome(boolean holds, String because) {}

    /** Thrown inside evaluation when a value is not known yet. */
    private static final class Unknown extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unknown() {
            super(null, null, false, false);
        }
    }

    static Outcome evaluate(Condition c, Facts facts, Plan plan) {
        Set<String> seen = new LinkedHashSet<>();
        try {
            Object v = eval(c, facts, plan, seen);
            return new Outcome(Boolean.TRUE.equals(v), String.join(", ", seen));
        } catch (Unknown e) {
            return new Outcome(false, String.join(", ", seen));
        }
    }

    private static Object eval(Condition c, Facts f, Plan plan, Set<String> seen) {
        if (c instanceof Condition.Constant k) {
            return k.value();
        } else if (c instanceof Condition.DurationConstant d) {
            return BigDecimal.valueOf(d.minutes());
        } else if (c instanceof Condition.DateConstant d) {
            return BigDecimal.valueOf(epochMinute(d.value()));
        } else if (c instanceof Condition.BoolConstant b) {
            return b.value();
        } else if (c instanceof Condition.MetricValue m) {
            BigDecimal v = m.expected() ? f.expected(m.metric()) : f.metric(m.metric());
            String name = plan.metrics().get(m.metric()).id() + (m.expected() ? ".expected" : "");
            if (v == null) {
                seen.add(name + " = no reading yet");
                throw new Unknown();
            }
            seen.add(name + " = " + number(v));
            return v;
        } else if (c instanceof Condition.TaskValue t) {
            Object v = f.task(t.task(), t.property());
            String name = plan.tasks().get(t.task()).path() + "."
                    + t.property().name().toLowerCase(java.util.Locale.ROOT);
            if (v == null) {
                seen.add(name + " = unknown");
                throw new Unknown();
            }
            seen.add(name + " = " + show(v, t.property().type(), plan));
            return v;
        } else if (c instanceof Condition.BuiltinValue b) {
            Object v = switch (b.builtin()) {
                case TODAY -> BigDecimal.valueOf(epochMinute(f.now().toLocalDate().atStartOfDay()));
                case SPI -> f.spi();
                case CPI -> f.cpi();
            };
            String name = b.builtin().name().toLowerCase(java.util.Locale.ROOT);
            if (v == null) {
                seen.add(name + " = undefined");
                throw new Unknown();
            }
            seen.add(name + " = " + (b.builtin() == Condition.Builtin.TODAY ? f.now().toLocalDate().toString()
                    : number((BigDecimal) v)));
            return v;
        } else if (c instanceof Condition.Not n) {
            return !((Boolean) eval(n.operand(), f, plan, seen));
        } else if (c instanceof Condition.Negate n) {
            return ((BigDecimal) eval(n.operand(), f, plan, seen)).negate();
        } else if (c instanceof Condition.Binary b) {
            return binary(b, f, plan, seen);
        }
        throw new IllegalStateException("unknown condition " + c);
    }

    private static Object binary(Condition.Binary b, Facts f, Plan plan, Set<String> seen) {
        if (b.op() == Condition.Op.AND || b.op() == Condition.Op.OR) {
            boolean left = (Boolean) eval(b.left(), f, plan, seen);
            if (b.op() == Condition.Op.AND ? !left : left) {
                return left; // short circuit: the other side's values are not part of why
            }
            return eval(b.right(), f, plan, seen);
        }
        Object l = eval(b.left(), f, plan, seen);
        Object r = eval(b.right(), f, plan, seen);
        if (l instanceof Boolean x && r instanceof Boolean y) {
            return switch (b.op()) {
                case EQ -> x.equals(y);
                case NE -> !x.equals(y);
                default -> throw new IllegalStateException("typed as boolean: " + b.op());
            };
        }
        BigDecimal x = (BigDecimal) l;
        BigDecimal y = (BigDecimal) r;
        return switch (b.op()) {
            case LT -> x.compareTo(y) < 0;
            case LE -> x.compareTo(y) <= 0;
            case GT -> x.compareTo(y) > 0;
            case GE -> x.compareTo(y) >= 0;
            case EQ -> x.compareTo(y) == 0;
            case NE -> x.compareTo(y) != 0;
            case ADD -> x.add(y);
            case SUB -> x.subtract(y);
            case MUL -> x.multiply(y);
            case DIV -> {
                if (y.signum() == 0) {
                    throw new Unknown(); // undefined, never an exception or infinity
                }
                yield x.divide(y, MathContext.DECIMAL64);
            }
            default -> throw new IllegalStateException(b.op().name());
        };
    }

    static long epochMinute(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC) / 60;
    }

    private static String show(Object v, Condition.Type type, Plan plan) {
        if (v instanceof Boolean b) {
            return b.toString();
        }
        BigDecimal d = (BigDecimal) v;
        return switch (type) {
            case DURATION -> duration(d.longValue(), plan.minutesPerDay());
            case PERCENT -> number(d) + "%";
            default -> number(d);
        };
    }

    /** Working minutes as days ({@code 6d}), or hours when not whole days ({@code 4.5h}). */
    static String duration(long minutes, int minutesPerDay) {
        if (minutes % minutesPerDay == 0) {
            return minutes / minutesPerDay + "d";
        }
        return number(BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)) + "h";
    }

    static String number(BigDecimal v) {
        BigDecimal r = v.setScale(Math.min(Math.max(v.scale(), 0), 2), RoundingMode.HALF_UP).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0).toPlainString() : r.toPlainString();
    }

    /** The properties a condition reads, to know whether evaluating it needs a forecast. */
    static boolean needsForecast(Condition c) {
        List<Condition> stack = new ArrayList<>(List.of(c));
        while (!stack.isEmpty()) {
            Condition x = stack.remove(stack.size() - 1);
            if (x instanceof Condition.TaskValue t) {
                if (t.property() == Condition.TaskProperty.SLIP || t.property() == Condition.TaskProperty.LATE) {
                    return true;
                }
            } else if (x instanceof Condition.Binary b) {
                stack.add(b.left());
                stack.add(b.right());
            } else if (x instanceof Condition.Not n) {
                stack.add(n.operand());
            } else if (x instanceof Condition.Negate n) {
                stack.add(n.operand());
            }
        }
        return false;
    }
}
