package dev.planc.compiler.model;

import dev.planc.compiler.source.Span;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/** A typed {@code when} expression; every node knows its type. */
public sealed interface Condition {
    Type type();

    Span span();

    enum Type {
        NUMBER("a number"), PERCENT("a percentage"), DURATION("a duration"), DATE("a date"),
        MONEY("money"), BOOLEAN("true/false");

        private final String words;

        Type(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    enum Op { OR, AND, LT, LE, GT, GE, EQ, NE, ADD, SUB, MUL, DIV }

    enum TaskProperty {
        SLIP(Type.DURATION), PROGRESS(Type.PERCENT), STARTED(Type.BOOLEAN), DONE(Type.BOOLEAN), LATE(Type.BOOLEAN);

        private final Type type;

        TaskProperty(Type type) {
            this.type = type;
        }

        public Type type() {
            return type;
        }
    }

    enum Builtin {
        TODAY(Type.DATE), SPI(Type.NUMBER), CPI(Type.NUMBER);

        private final Type type;

        Builtin(Type type) {
            this.type = type;
        }

        public Type type() {
            return type;
        }
    }

    /** A number, percentage (value as written: 50 for 50%) or money amount. */
    record Constant(Type type, BigDecimal value, @Nullable String currency, Span span) implements Condition {}

    record DurationConstant(long minutes, boolean elapsed, Span span) implements Condition {
        public Type type() { return Type.DURATION; }
    }

    record DateConstant(LocalDateTime value, Span span) implements Condition {
        public Type type() { return Type.DATE; }
    }

    record BoolConstant(boolean value, Span span) implements Condition {
        public Type type() { return Type.BOOLEAN; }
    }

    /** The latest measured value of a metric (index), or its expected value on the baseline→target line. */
    record MetricValue(int metric, boolean expected, Span span) implements Condition {
        public Type type() { return Type.NUMBER; }
    }

    record TaskValue(int task, TaskProperty property, Span span) implements Condition {
        public Type type() { return property.type(); }
    }

    record BuiltinValue(Builtin builtin, Span span) implements Condition {
        public Type type() { return builtin.type(); }
    }

    record Binary(Op op, Condition left, Condition right, Type type, Span span) implements Condition {}

    record Not(Condition operand, Span span) implements Condition {
        public Type type() { return Type.BOOLEAN; }
    }

    record Negate(Condition operand, Span span) implements Condition {
        public Type type() { return operand.type(); }
    }
}
