package dev.planc.compiler.ast;

import dev.planc.compiler.source.Span;
import java.math.BigDecimal;

/** A {@code when} condition, untyped as written; the resolver types it. */
public sealed interface Expr extends Node {

    enum BinaryOp {
        OR("or"), AND("and"), LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!="),
        ADD("+"), SUB("-"), MUL("*"), DIV("/");

        private final String text;

        BinaryOp(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        public boolean comparison() {
            return ordinal() >= LT.ordinal() && ordinal() <= NE.ordinal();
        }
    }

    enum UnaryOp { NOT, NEG }

    record Binary(BinaryOp op, Expr left, Expr right, Span span) implements Expr {}
    record Unary(UnaryOp op, Expr operand, Span span) implements Expr {}
    record Paren(Expr inner, Span span) implements Expr {}
    record NumberLit(BigDecimal value, Span span) implements Expr {}
    record PercentLit(BigDecimal value, Span span) implements Expr {}
    record DurationLit(Dur value, Span span) implements Expr {}
    record DateLit(DateValue value, Span span) implements Expr {}
    record MoneyLit(Money value, Span span) implements Expr {}
    record BoolLit(boolean value, Span span) implements Expr {}
    record RefExpr(Ref ref, Span span) implements Expr {}
}
