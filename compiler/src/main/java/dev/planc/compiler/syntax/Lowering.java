package dev.planc.compiler.syntax;

import dev.planc.compiler.ast.Action;
import dev.planc.compiler.ast.Amount;
import dev.planc.compiler.ast.Assignment;
import dev.planc.compiler.ast.Attr;
import dev.planc.compiler.ast.Comment;
import dev.planc.compiler.ast.DateRange;
import dev.planc.compiler.ast.DateValue;
import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.ast.Dependency;
import dev.planc.compiler.ast.Dur;
import dev.planc.compiler.ast.DurUnit;
import dev.planc.compiler.ast.Expr;
import dev.planc.compiler.ast.Ident;
import dev.planc.compiler.ast.Member;
import dev.planc.compiler.ast.Money;
import dev.planc.compiler.ast.Num;
import dev.planc.compiler.ast.PlanFile;
import dev.planc.compiler.ast.Ref;
import dev.planc.compiler.ast.Str;
import dev.planc.compiler.ast.TimeOfDay;
import dev.planc.compiler.ast.TimeRange;
import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;
import dev.planc.compiler.diag.Limits;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.Span;
import dev.planc.grammar.PlanLexer;
import dev.planc.grammar.PlanParser;
import dev.planc.grammar.PlanParser.*;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.jspecify.annotations.Nullable;

/**
 * Parse tree to AST: the only code (with {@link SyntaxParser}) that sees ANTLR types. After a
 * syntax error the tree may have holes; a node whose required parts are missing is left out
 * (the syntax error already explains why), so nothing here throws on broken input.
 */
final class Lowering {
    private final Source source;
    private final OffsetMap offsets;
    private final Diagnostics diagnostics;
    private final List<Comment> comments;
    private @Nullable Span lastSpan;
    /** String values lowered so far, so that a title or note written many times is kept once. */
    private final java.util.Map<String, String> strings = new java.util.HashMap<>();

    Lowering(Source source, OffsetMap offsets, Diagnostics diagnostics, List<Comment> comments) {
        this.source = source;
        this.offsets = offsets;
        this.diagnostics = diagnostics;
        this.comments = comments;
    }

    PlanFile file(FileContext ctx) {
        List<Decl> decls = new ArrayList<>();
        for (DeclarationContext d : ctx.declaration()) {
            Decl decl = declaration(d);
            if (decl != null) {
                decls.add(decl);
            }
        }
        return file(decls);
    }

    /** The file of top-level declarations lowered one by one with {@link #declaration}. */
    PlanFile file(List<Decl> decls) {
        return new PlanFile(source, decls, comments, new Span(source, 0, source.text().length()));
    }

    // ------------------------------------------------------------------ declarations

    /** One top-level declaration; null when its required parts are missing. */
    @Nullable Decl declaration(DeclarationContext ctx) {
        if (ctx.planDecl() != null) {
            return plan(ctx.planDecl());
        } else if (ctx.calendarDecl() != null) {
            return calendar(ctx.calendarDecl());
        } else if (ctx.resourceDecl() != null) {
            return resource(ctx.resourceDecl());
        } else if (ctx.teamDecl() != null) {
            return team(ctx.teamDecl());
        } else if (ctx.taskDecl() != null) {
            return task(ctx.taskDecl());
        } else if (ctx.milestoneDecl() != null) {
            return milestone(ctx.milestoneDecl());
        } else if (ctx.goalDecl() != null) {
            return goal(ctx.goalDecl());
        } else if (ctx.metricDecl() != null) {
            return metric(ctx.metricDecl());
        } else if (ctx.contingencyDecl() != null) {
            return contingency(ctx.contingencyDecl());
        } else if (ctx.includeDecl() != null) {
            Str path = str(ctx.includeDecl().STRING());
            return path == null ? null : new Decl.IncludeDecl(path, span(ctx.includeDecl()));
        }
        return null;
    }

    private @Nullable Decl plan(PlanDeclContext ctx) {
        List<Member> body = new ArrayList<>();
        for (PlanAttrContext a : ctx.planAttr()) {
            add(body, planAttr(a));
        }
        return new Decl.PlanDecl(str(ctx.STRING()), body, span(ctx));
    }

    private @Nullable Attr planAttr(PlanAttrContext ctx) {
        Span s = span(ctx);
        if (ctx instanceof PlanStartContext c) {
            DateValue d = date(c.dateValue());
            return d == null ? null : new Attr.Start(d, s);
        } else if (ctx instanceof PlanTimezoneContext c) {
            Str z = str(c.STRING());
            return z == null ? null : new Attr.Timezone(z, s);
        } else if (ctx instanceof PlanCurrencyContext c) {
            Ident id = ident(c.ID());
            return id == null ? null : new Attr.Currency(id, s);
        } else if (ctx instanceof PlanCalendarContext c) {
            Ident id = name(c.name());
            return id == null ? null : new Attr.UseCalendar(id, s);
        } else if (ctx instanceof PlanHoursPerDayContext c) {
            Num n = number(c.number());
            return n == null ? null : new Attr.HoursPerDay(n, s);
        } else if (ctx instanceof PlanDaysPerWeekContext c) {
            Num n = number(c.number());
            return n == null ? null : new Attr.DaysPerWeek(n, s);
        } else if (ctx instanceof PlanNoteContext c) {
            Str n = str(c.STRING());
            return n == null ? null : new Attr.Note(n, s);
        } else if (ctx instanceof PlanFlagSlipContext c) {
            Dur d = duration(c.duration());
            return d == null ? null : new Attr.FlagSlip(d, s);
        } else if (ctx instanceof PlanFlagSpiContext c) {
            Num green = number(c.number(0));
            Num amber = number(c.number(1));
            return green == null || amber == null ? null : new Attr.FlagSpi(green, amber, s);
        } else if (ctx instanceof PlanFlagCpiContext c) {
            Num green = number(c.number(0));
            Num amber = number(c.number(1));
            return green == null || amber == null ? null : new Attr.FlagCpi(green, amber, s);
        }
        return null;
    }

    private @Nullable Decl calendar(CalendarDeclContext ctx) {
        Ident id = name(ctx.name());
        if (id == null) {
            return null;
        }
        List<Member> body = new ArrayList<>();
        for (CalendarAttrContext a : ctx.calendarAttr()) {
            add(body, calendarAttr(a));
        }
        return new Decl.CalendarDecl(id, body, span(ctx));
    }

    private @Nullable Attr calendarAttr(CalendarAttrContext ctx) {
        Span s = span(ctx);
        if (ctx instanceof CalWorkdaysContext c) {
            List<Ident> days = new ArrayList<>();
            for (TerminalNode t : c.ID()) {
                add(days, ident(t));
            }
            return days.isEmpty() ? null : new Attr.Workdays(days, s);
        } else if (ctx instanceof CalHoursContext c) {
            List<TimeRange> ranges = new ArrayList<>();
            for (TimeRangeContext r : c.timeRange()) {
                add(ranges, timeRange(r));
            }
            return ranges.isEmpty() ? null : new Attr.Hours(ranges, s);
        } else if (ctx instanceof CalHolidayContext c) {
            DateRange r = dateRange(c.dateRange());
            return r == null ? null : new Attr.Holiday(r, str(c.STRING()), s);
        } else if (ctx instanceof CalExtendsContext c) {
            Ident id = name(c.name());
            return id == null ? null : new Attr.Extends(id, s);
        }
        return null;
    }

    private @Nullable Decl resource(ResourceDeclContext ctx) {
        Ident id = name(ctx.name());
        if (id == null) {
            return null;
        }
        List<Member> body = new ArrayList<>();
        for (ResourceAttrContext a : ctx.resourceAttr()) {
            add(body, resourceAttr(a));
        }
        return new Decl.ResourceDecl(id, str(ctx.STRING()), body, span(ctx));
    }

    private @Nullable Attr resourceAttr(ResourceAttrContext ctx) {
        Span s = span(ctx);
        if (ctx instanceof ResCapacityContext c) {
            Amount a = amount(c.amount());
            return a == null ? null : new Attr.Capacity(a, s);
        } else if (ctx instanceof ResRateContext c) {
            Money m = money(c.money());
            Ident per = ident(c.ID());
            return m == null || per == null ? null : new Attr.Rate(m, per, s);
        } else if (ctx instanceof ResCalendarContext c) {
            Ident id = name(c.name());
            return id == null ? null : new Attr.UseCalendar(id, s);
        } else if (ctx instanceof ResLeaveContext c) {
            DateRange r = dateRange(c.dateRange());
            return r == null ? null : new Attr.Leave(r, str(c.STRING()), s);
        } else if (ctx instanceof ResNoteContext c) {
            Str n = str(c.STRING());
            return n == null ? null : new Attr.Note(n, s);
        }
        return null;
    }

    private @Nullable Decl team(TeamDeclContext ctx) {
        Ident id = name(ctx.name());
        if (id == null) {
            return null;
        }
        List<Member> body = new ArrayList<>();
        for (TeamAttrContext a : ctx.teamAttr()) {
            if (a instanceof TeamMembersContext c) {
                List<Ident> members = new ArrayList<>();
                for (NameContext n : c.name()) {
                    add(members, name(n));
                }
                if (!members.isEmpty()) {
                    body.add(new Attr.Members(members, span(c)));
                }
            } else if (a instanceof TeamNoteContext c) {
                Str n = str(c.STRING());
                if (n != null) {
                    body.add(new Attr.Note(n, span(c)));
                }
            }
        }
        return new Decl.TeamDecl(id, str(ctx.STRING()), body, span(ctx));
    }

    private @Nullable Decl task(TaskDeclContext ctx) {
        Ident id = name(ctx.name());
        if (id == null) {
            return null;
        }
        // One pass over the children for the members, the title and `contingent` (what ctx.taskMember(),
        // ctx.STRING() and ctx.CONTINGENT() find, each with a scan of its own); a class test first,
        // so a rule context is never tested against the TerminalNode interface.
        List<Member> body = new ArrayList<>();
        TerminalNode title = null;
        TerminalNode contingent = null;
        for (int i = 0; i < ctx.getChildCount(); i++) {
            ParseTree c = ctx.getChild(i);
            if (c instanceof ParserRuleContext) {
                if (c instanceof TaskMemberContext m) {
                    member(m, body);
                }
            } else if (c instanceof TerminalNode t) {
                int type = t.getSymbol().getType();
                if (type == PlanLexer.STRING && title == null) {
                    title = t;
                } else if (type == PlanLexer.CONTINGENT && contingent == null) {
                    contingent = t;
                }
            }
        }
        return new Decl.TaskDecl(id, str(title), present(contingent), body, span(ctx));
    }

    /** A task's member: the first nested task, else milestone, else attribute among its children. */
    private void member(TaskMemberContext m, List<Member> body) {
        TaskDeclContext task = null;
        MilestoneDeclContext milestone = null;
        TaskAttrContext attr = null;
        for (int i = 0; i < m.getChildCount(); i++) {
            ParseTree c = m.getChild(i);
            if (c instanceof TaskDeclContext t) {
                task = task == null ? t : task;
            } else if (c instanceof MilestoneDeclContext d) {
                milestone = milestone == null ? d : milestone;
            } else if (c instanceof TaskAttrContext a) {
                attr = attr == null ? a : attr;
            }
        }
        if (task != null) {
            add(body, task(task));
        } else if (milestone != null) {
            add(body, milestone(milestone));
        } else if (attr != null) {
            add(body, taskAttr(attr));
        }
    }

    private @Nullable Attr taskAttr(TaskAttrContext ctx) {
        Span s = span(ctx);
        if (ctx instanceof TaskDurationContext c) {
            Dur d = duration(c.duration());
            return d == null ? null : new Attr.Duration(d, s);
        } else if (ctx instanceof TaskEffortContext c) {
            Dur d = duration(c.duration());
            return d == null ? null : new Attr.Effort(d, s);
        } else if (ctx instanceof TaskAssignContext c) {
            List<Assignment> list = new ArrayList<>();
            for (AssignmentContext a : c.assignment()) {
                add(list, assignment(a));
            }
            return list.isEmpty() ? null : new Attr.Assign(list, s);
        } else if (ctx instanceof TaskAfterContext c) {
            return after(c.dependency(), s);
        } else if (ctx instanceof TaskFinishAfterContext c) {
            Dependency d = dependency(c.dependency());
            return d == null ? null : new Attr.FinishAfter(d, s);
        } else if (ctx instanceof TaskStartNoEarlierContext c) {
            DateValue d = date(c.dateValue());
            return d == null ? null : new Attr.StartNoEarlier(d, s);
        } else if (ctx instanceof TaskDeadlineContext c) {
            DateValue d = date(c.dateValue());
            return d == null ? null : new Attr.Deadline(d, s);
        } else if (ctx instanceof TaskPriorityContext c) {
            Num n = number(c.number());
            return n == null ? null : new Attr.Priority(n, s);
        } else if (ctx instanceof TaskBudgetContext c) {
            Money m = money(c.money());
            return m == null ? null : new Attr.Budget(m, s);
        } else if (ctx instanceof TaskCostContext c) {
            Money m = money(c.money());
            return m == null ? null : new Attr.Cost(m, s);
        } else if (ctx instanceof TaskNoteContext c) {
            Str n = str(c.STRING());
            return n == null ? null : new Attr.Note(n, s);
        }
        return null;
    }

    private @Nullable Attr after(List<DependencyContext> deps, Span s) {
        List<Dependency> list = new ArrayList<>();
        for (DependencyContext d : deps) {
            add(list, dependency(d));
        }
        return list.isEmpty() ? null : new Attr.After(list, s);
    }

    private @Nullable Decl milestone(MilestoneDeclContext ctx) {
        Ident id = name(ctx.name());
        if (id == null) {
            return null;
        }
        List<Member> body = new ArrayList<>();
        for (MilestoneAttrContext a : ctx.milestoneAttr()) {
            Span s = span(a);
            if (a instanceof MsAfterContext c) {
                add(body, after(c.dependency(), s));
            } else if (a instanceof MsFinishAfterContext c) {
                Dependency d = dependency(c.dependency());
                add(body, d == null ? null : new Attr.FinishAfter(d, s));
            } else if (a instanceof MsStartNoEarlierContext c) {
                DateValue d = date(c.dateValue());
                add(body, d == null ? null : new Attr.StartNoEarlier(d, s));
            } else if (a instanceof MsDeadlineContext c) {
                DateValue d = date(c.dateValue());
                add(body, d == null ? null : new Attr.Deadline(d, s));
            } else if (a instanceof MsNoteContext c) {
                Str n = str(c.STRING());
                add(body, n == null ? null : new Attr.Note(n, s));
            }
        }
        return new Decl.MilestoneDecl(id, str(ctx.STRING()), body, span(ctx));
    }

    private @Nullable Decl goal(GoalDeclContext ctx) {
        Ident id = name(ctx.name());
        if (id == null) {
            return null;
        }
        List<Member> body = new ArrayList<>();
        for (GoalMemberContext m : ctx.goalMember()) {
            Span s = span(m);
            if (m instanceof GoalMilestonesContext c) {
                List<Ref> refs = new ArrayList<>();
                for (RefContext r : c.ref()) {
                    add(refs, ref(r));
                }
                add(body, refs.isEmpty() ? null : new Attr.Milestones(refs, s));
            } else if (m instanceof GoalOwnerContext c) {
                Ident owner = name(c.name());
                add(body, owner == null ? null : new Attr.Owner(owner, s));
            } else if (m instanceof GoalNoteContext c) {
                Str n = str(c.STRING());
                add(body, n == null ? null : new Attr.Note(n, s));
            } else if (m instanceof GoalMetricContext c) {
                add(body, metric(c.metricDecl()));
            }
        }
        return new Decl.GoalDecl(id, str(ctx.STRING()), body, span(ctx));
    }

    private @Nullable Decl metric(@Nullable MetricDeclContext ctx) {
        if (ctx == null) {
            return null;
        }
        Ident id = name(ctx.name());
        if (id == null) {
            return null;
        }
        List<Member> body = new ArrayList<>();
        for (MetricAttrContext a : ctx.metricAttr()) {
            Span s = span(a);
            if (a instanceof MetricUnitContext c) {
                Str u = str(c.STRING());
                add(body, u == null ? null : new Attr.Unit(u, s));
            } else if (a instanceof MetricBaselineContext c) {
                Num n = number(c.number());
                add(body, n == null ? null : new Attr.Baseline(n, s));
            } else if (a instanceof MetricTargetContext c) {
                Num n = number(c.number());
                DateValue by = date(c.dateValue());
                add(body, n == null || by == null ? null : new Attr.Target(n, by, s));
            } else if (a instanceof MetricToleranceContext c) {
                Amount t = amount(c.amount());
                add(body, t == null ? null : new Attr.Tolerance(t, s));
            } else if (a instanceof MetricLowerIsBetterContext) {
                body.add(new Attr.LowerIsBetter(s));
            } else if (a instanceof MetricNoteContext c) {
                Str n = str(c.STRING());
                add(body, n == null ? null : new Attr.Note(n, s));
            }
        }
        return new Decl.MetricDecl(id, str(ctx.STRING()), body, span(ctx));
    }

    private @Nullable Decl contingency(ContingencyDeclContext ctx) {
        Ident id = name(ctx.name());
        if (id == null) {
            return null;
        }
        List<Member> body = new ArrayList<>();
        for (ContingencyAttrContext a : ctx.contingencyAttr()) {
            Span s = span(a);
            if (a instanceof ContWhenContext c) {
                Expr e = expr(c.expr());
                add(body, e == null ? null : new Attr.When(e, s));
            } else if (a instanceof ContThenContext c) {
                List<Action> actions = new ArrayList<>();
                for (ActionContext ac : c.action()) {
                    add(actions, action(ac));
                }
                body.add(new Attr.Then(actions, s));
            } else if (a instanceof ContOnceContext) {
                body.add(new Attr.Once(s));
            } else if (a instanceof ContNoteContext c) {
                Str n = str(c.STRING());
                add(body, n == null ? null : new Attr.Note(n, s));
            }
        }
        return new Decl.ContingencyDecl(id, str(ctx.STRING()), body, span(ctx));
    }

    private @Nullable Action action(ActionContext ctx) {
        Span s = span(ctx);
        if (ctx instanceof ActNotifyContext c) {
            Ident who = name(c.name());
            Str msg = str(c.STRING());
            return who == null || msg == null ? null : new Action.Notify(who, msg, s);
        } else if (ctx instanceof ActActivateContext c) {
            Ref r = ref(c.ref());
            return r == null ? null : new Action.Activate(r, s);
        } else if (ctx instanceof ActEscalateContext c) {
            Str msg = str(c.STRING());
            return msg == null ? null : new Action.Escalate(msg, s);
        }
        return null;
    }

    // ------------------------------------------------------------------ expressions

    private @Nullable Expr expr(@Nullable ExprContext ctx) {
        return ctx == null ? null : or(ctx.orExpr());
    }

    private @Nullable Expr or(@Nullable OrExprContext ctx) {
        if (ctx == null) {
            return null;
        }
        List<Expr> parts = new ArrayList<>();
        for (AndExprContext a : ctx.andExpr()) {
            parts.add(and(a));
        }
        return chain(parts, ctx, Expr.BinaryOp.OR, null);
    }

    private @Nullable Expr and(AndExprContext ctx) {
        List<Expr> parts = new ArrayList<>();
        for (NotExprContext n : ctx.notExpr()) {
            parts.add(not(n));
        }
        return chain(parts, ctx, Expr.BinaryOp.AND, null);
    }

    private @Nullable Expr not(@Nullable NotExprContext ctx) {
        if (ctx == null) {
            return null;
        }
        if (present(ctx.NOT())) {
            Expr inner = not(ctx.notExpr());
            return inner == null ? null : new Expr.Unary(Expr.UnaryOp.NOT, inner, span(ctx));
        }
        ComparisonContext c = ctx.comparison();
        if (c == null) {
            return null;
        }
        List<AdditiveContext> sides = c.additive();
        if (sides.isEmpty()) {
            return null;
        }
        Expr left = additive(sides.get(0));
        if (c.op == null) {
            return left;
        }
        if (sides.size() < 2) {
            return null;
        }
        Expr right = additive(sides.get(1));
        if (left == null || right == null) {
            return null;
        }
        return new Expr.Binary(comparisonOp(c.op), left, right, span(c));
    }

    private static Expr.BinaryOp comparisonOp(Token op) {
        return switch (op.getType()) {
            case PlanLexer.LT -> Expr.BinaryOp.LT;
            case PlanLexer.LE -> Expr.BinaryOp.LE;
            case PlanLexer.GT -> Expr.BinaryOp.GT;
            case PlanLexer.GE -> Expr.BinaryOp.GE;
            case PlanLexer.EQ -> Expr.BinaryOp.EQ;
            default -> Expr.BinaryOp.NE;
        };
    }

    private @Nullable Expr additive(AdditiveContext ctx) {
        List<Expr> parts = new ArrayList<>();
        for (MultiplicativeContext m : ctx.multiplicative()) {
            parts.add(multiplicative(m));
        }
        return chain(parts, ctx, null, ctx.ops);
    }

    private @Nullable Expr multiplicative(MultiplicativeContext ctx) {
        List<Expr> parts = new ArrayList<>();
        for (UnaryContext u : ctx.unary()) {
            parts.add(unary(u));
        }
        return chain(parts, ctx, null, ctx.ops);
    }

    /** Folds {@code a op b op c} to the left; null when any part is missing. */
    private @Nullable Expr chain(List<Expr> parts, ParserRuleContext ctx, Expr.@Nullable BinaryOp fixed,
            @Nullable List<Token> ops) {
        if (parts.isEmpty() || parts.contains(null)) {
            return null;
        }
        if (parts.size() > Limits.MAX_NESTING) {
            diagnostics.report(Code.E0007, span(ctx), "expression too long: more than " + Limits.MAX_NESTING
                    + " operands in one chain");
            return null;
        }
        Expr acc = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            Expr.BinaryOp op;
            if (fixed != null) {
                op = fixed;
            } else {
                if (ops == null || ops.size() < i) {
                    return null;
                }
                op = switch (ops.get(i - 1).getType()) {
                    case PlanLexer.PLUS -> Expr.BinaryOp.ADD;
                    case PlanLexer.MINUS -> Expr.BinaryOp.SUB;
                    case PlanLexer.STAR -> Expr.BinaryOp.MUL;
                    default -> Expr.BinaryOp.DIV;
                };
            }
            Expr right = parts.get(i);
            acc = new Expr.Binary(op, acc, right, acc.span().to(right.span()));
        }
        return acc;
    }

    private @Nullable Expr unary(@Nullable UnaryContext ctx) {
        if (ctx == null) {
            return null;
        }
        if (present(ctx.MINUS())) {
            Expr inner = unary(ctx.unary());
            return inner == null ? null : new Expr.Unary(Expr.UnaryOp.NEG, inner, span(ctx));
        }
        PrimaryContext p = ctx.primary();
        if (p == null) {
            return null;
        }
        Span s = span(p);
        if (p instanceof ParenExprContext c) {
            Expr inner = expr(c.expr());
            return inner == null || !present(c.RPAREN()) ? null : new Expr.Paren(inner, s);
        } else if (p instanceof NumberOrMoneyExprContext c) {
            BigDecimal n = decimal(c.NUMBER());
            if (n == null) {
                return null;
            }
            Ident currency = ident(c.ID());
            if (currency != null) {
                return new Expr.MoneyLit(new Money(n, currency, s), s);
            }
            return new Expr.NumberLit(n, s);
        } else if (p instanceof PercentExprContext c) {
            String t = text(c.PERCENT());
            return t == null ? null : new Expr.PercentLit(decimal(t.substring(0, t.length() - 1)), s);
        } else if (p instanceof DurationExprContext c) {
            Dur d = durationToken(c.DURATION_LIT());
            return d == null ? null : new Expr.DurationLit(d, s);
        } else if (p instanceof BadUnitExprContext c) {
            Dur d = durationToken(c.BAD_UNIT());
            return d == null ? null : new Expr.DurationLit(d, s);
        } else if (p instanceof DateExprContext c) {
            DateValue d = date(c.dateValue());
            return d == null ? null : new Expr.DateLit(d, s);
        } else if (p instanceof BoolExprContext c) {
            return new Expr.BoolLit(present(c.TRUE()), s);
        } else if (p instanceof RefExprContext c) {
            Ref r = ref(c.ref());
            return r == null ? null : new Expr.RefExpr(r, s);
        }
        return null;
    }

    // ------------------------------------------------------------------ values

    private @Nullable Assignment assignment(AssignmentContext ctx) {
        Ident who = name(ctx.name());
        if (who == null) {
            return null;
        }
        Amount amount = null;
        if (present(ctx.COLON())) {
            amount = amount(ctx.amount());
            if (amount == null) {
                return null;
            }
        }
        return new Assignment(who, amount, span(ctx));
    }

    private @Nullable Dependency dependency(@Nullable DependencyContext ctx) {
        if (ctx == null) {
            return null;
        }
        Ref target = ref(ctx.ref());
        if (target == null) {
            return null;
        }
        boolean fromStart = false;
        if (target.parts().size() > 1 && target.last().name().equals("start")) {
            fromStart = true;
            target = target.withoutLast();
        }
        Dur lag = null;
        boolean lead = false;
        if (ctx.sign != null) {
            lag = duration(ctx.duration());
            if (lag == null) {
                return null;
            }
            lead = ctx.sign.getType() == PlanLexer.MINUS;
        }
        return new Dependency(target, fromStart, lead, lag, span(ctx));
    }

    private @Nullable Ref ref(@Nullable RefContext ctx) {
        if (ctx == null) {
            return null;
        }
        // The names and dots among the children, read in one pass (ctx.name() and ctx.DOT() build lists).
        List<Ident> parts = new ArrayList<>(ctx.getChildCount() / 2 + 1);
        int dots = 0;
        for (int i = 0; i < ctx.getChildCount(); i++) {
            ParseTree c = ctx.getChild(i);
            if (c instanceof NameContext n) {
                Ident id = name(n);
                if (id == null) {
                    return null;
                }
                parts.add(id);
            } else if (c instanceof TerminalNode t && t.getSymbol().getType() == PlanLexer.DOT) {
                dots++;
            }
        }
        if (parts.isEmpty() || dots != parts.size() - 1) {
            return null;
        }
        return new Ref(parts, span(ctx));
    }

    private @Nullable Ident name(@Nullable NameContext ctx) {
        if (ctx == null || ctx.getChildCount() != 1 || !(ctx.getChild(0) instanceof TerminalNode t)
                || t instanceof ErrorNode) {
            return null;
        }
        return ident(t);
    }

    private @Nullable Ident ident(@Nullable TerminalNode node) {
        Token t = token(node);
        return t == null ? null : new Ident(t.getText(), span(t));
    }

    private @Nullable Num number(@Nullable NumberContext ctx) {
        if (ctx == null) {
            return null;
        }
        BigDecimal n = decimal(ctx.NUMBER());
        if (n == null) {
            return null;
        }
        return new Num(present(ctx.MINUS()) ? n.negate() : n, span(ctx));
    }

    private @Nullable Amount amount(@Nullable AmountContext ctx) {
        if (ctx == null) {
            return null;
        }
        String pct = text(ctx.PERCENT());
        if (pct != null) {
            return new Amount(decimal(pct.substring(0, pct.length() - 1)), true, span(ctx));
        }
        BigDecimal n = decimal(ctx.NUMBER());
        return n == null ? null : new Amount(n, false, span(ctx));
    }

    private @Nullable Money money(@Nullable MoneyContext ctx) {
        if (ctx == null) {
            return null;
        }
        BigDecimal n = decimal(ctx.NUMBER());
        return n == null ? null : new Money(n, ident(ctx.ID()), span(ctx));
    }

    private @Nullable Dur duration(@Nullable DurationContext ctx) {
        if (ctx == null) {
            return null;
        }
        if (present(ctx.DURATION_LIT())) {
            return durationToken(ctx.DURATION_LIT());
        } else if (present(ctx.BAD_UNIT())) {
            return durationToken(ctx.BAD_UNIT());
        }
        BigDecimal n = decimal(ctx.NUMBER());
        return n == null ? null : new Dur(n, null, "", span(ctx));
    }

    private @Nullable Dur durationToken(@Nullable TerminalNode node) {
        Token t = token(node);
        if (t == null) {
            return null;
        }
        String s = t.getText();
        int i = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
            i++;
        }
        // A trailing '.' belongs to the unit in `3.x`-like garbage; the lexer only allows digits after '.'.
        String num = s.substring(0, i);
        String unit = s.substring(i);
        DurUnit known = DurUnit.of(unit);
        return new Dur(decimal(num), known, known != null ? known.text() : unit, span(t));
    }

    private @Nullable DateValue date(@Nullable DateValueContext ctx) {
        if (ctx == null) {
            return null;
        }
        Token t = token(present(ctx.DATE()) ? ctx.DATE() : ctx.DATETIME());
        if (t == null) {
            return null;
        }
        String s = t.getText();
        LocalDateTime value;
        boolean hasTime = s.length() > 10;
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(5, 7)),
                    Integer.parseInt(s.substring(8, 10)));
            LocalTime time = hasTime
                    ? LocalTime.of(Integer.parseInt(s.substring(11, 13)), Integer.parseInt(s.substring(14, 16)))
                    : LocalTime.MIDNIGHT;
            value = LocalDateTime.of(d, time);
        } catch (DateTimeException | NumberFormatException e) {
            value = null;
        }
        return new DateValue(s, value, hasTime, span(t));
    }

    private @Nullable DateRange dateRange(@Nullable DateRangeContext ctx) {
        if (ctx == null || ctx.dateValue().isEmpty()) {
            return null;
        }
        DateValue from = date(ctx.dateValue(0));
        if (from == null) {
            return null;
        }
        DateValue to = null;
        if (present(ctx.DOTDOT())) {
            to = ctx.dateValue().size() > 1 ? date(ctx.dateValue(1)) : null;
            if (to == null) {
                return null;
            }
        }
        return new DateRange(from, to, span(ctx));
    }

    private @Nullable TimeRange timeRange(TimeRangeContext ctx) {
        if (ctx.TIME().size() != 2) {
            return null;
        }
        TimeOfDay from = time(ctx.TIME(0));
        TimeOfDay to = time(ctx.TIME(1));
        return from == null || to == null ? null : new TimeRange(from, to, span(ctx));
    }

    private @Nullable TimeOfDay time(TerminalNode node) {
        Token t = token(node);
        if (t == null) {
            return null;
        }
        String s = t.getText();
        int colon = s.indexOf(':');
        int h = Integer.parseInt(s.substring(0, colon));
        int m = Integer.parseInt(s.substring(colon + 1));
        int minutes = (h < 24 && m < 60) || (h == 24 && m == 0) ? h * 60 + m : -1;
        return new TimeOfDay(s, minutes, span(t));
    }

    private @Nullable Str str(@Nullable TerminalNode node) {
        Token t = token(node);
        if (t == null) {
            return null;
        }
        String value = unescape(t);
        String shared = strings.putIfAbsent(value, value);
        return new Str(shared != null ? shared : value, span(t));
    }

    /** Decodes the escapes quote, backslash, n, t and u{HEX}; anything else is reported and kept as written. */
    private String unescape(Token t) {
        String raw = t.getText();
        int base = offsets.utf16(t.getStartIndex());
        StringBuilder out = new StringBuilder(raw.length());
        int end = raw.length() - 1; // drop the closing quote
        for (int i = 1; i < end; i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i + 1 >= end) {
                out.append(c);
                break;
            }
            char n = raw.charAt(i + 1);
            switch (n) {
                case '"' -> { out.append('"'); i++; }
                case '\\' -> { out.append('\\'); i++; }
                case 'n' -> { out.append('\n'); i++; }
                case 't' -> { out.append('\t'); i++; }
                case 'u' -> {
                    int close = raw.indexOf('}', i);
                    boolean braced = i + 2 < end && raw.charAt(i + 2) == '{' && close > 0 && close < end;
                    String hex = braced ? raw.substring(i + 3, close) : "";
                    int cp = -1;
                    if (!hex.isEmpty() && hex.length() <= 6) {
                        try {
                            cp = Integer.parseInt(hex, 16);
                        } catch (NumberFormatException e) {
                            cp = -1;
                        }
                    }
                    if (cp < 0 || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
                        int stop = braced ? close + 1 : i + 2;
                        diagnostics.report(Code.E0005, new Span(source, base + i, base + stop),
                                "invalid Unicode escape `" + raw.substring(i, stop) + "`: write `\\u{HEX}` with 1 to 6 "
                                        + "hex digits naming a code point");
                        out.append(raw, i, stop);
                        i = stop - 1;
                    } else {
                        out.appendCodePoint(cp);
                        i = close;
                    }
                }
                default -> {
                    diagnostics.report(Diagnostic.of(Code.E0005, new Span(source, base + i, base + i + 2),
                            "invalid escape `\\" + n + "` in string").withLabel("write `\\\\` for a backslash")
                            .withHelp("supported escapes are `\\\"`, `\\\\`, `\\n`, `\\t` and `\\u{HEX}`"));
                    out.append(c).append(n);
                    i++;
                }
            }
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ helpers

    private static <T> void add(List<? super T> list, @Nullable T item) {
        if (item != null) {
            list.add(item);
        }
    }

    private static @Nullable Token token(@Nullable TerminalNode node) {
        if (node == null || node instanceof ErrorNode) {
            return null;
        }
        Token t = node.getSymbol();
        if (t == null || t.getTokenIndex() < 0 || t.getType() == Token.EOF || t.getStartIndex() < 0) {
            return null;
        }
        return t;
    }

    private static boolean present(@Nullable TerminalNode node) {
        return token(node) != null;
    }

    private static @Nullable String text(@Nullable TerminalNode node) {
        Token t = token(node);
        return t == null ? null : t.getText();
    }

    private static @Nullable BigDecimal decimal(@Nullable TerminalNode node) {
        String t = text(node);
        return t == null ? null : decimal(t);
    }

    /** Shared values of the whole numbers most often written: durations, priorities, percentages. */
    private static final BigDecimal[] SMALL = new BigDecimal[1025];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = new BigDecimal(Integer.toString(i));
        }
    }

    /** {@code new BigDecimal(digits)}; the same value, scale and precision, shared when small and whole. */
    private static BigDecimal decimal(String digits) {
        int n = digits.length();
        if (n > 0 && n <= 4) {
            int v = 0;
            for (int i = 0; i < n; i++) {
                char c = digits.charAt(i);
                if (c < '0' || c > '9') {
                    return new BigDecimal(digits);
                }
                v = v * 10 + (c - '0');
            }
            if (v < SMALL.length && (n == 1 || digits.charAt(0) != '0')) {
                return SMALL[v];
            }
        }
        return new BigDecimal(digits);
    }

    private Span span(Token t) {
        int start = offsets.utf16(t.getStartIndex());
        return span(start, Math.max(start, offsets.utf16(t.getStopIndex() + 1)));
    }

    private Span span(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        if (start == null || start.getStartIndex() < 0 || start.getType() == Token.EOF) {
            int end = source.text().length();
            return span(end, end);
        }
        int s = offsets.utf16(start.getStartIndex());
        int e = s;
        if (stop != null && stop.getStopIndex() >= 0 && stop.getType() != Token.EOF
                && stop.getStopIndex() + 1 > start.getStartIndex()) {
            e = offsets.utf16(stop.getStopIndex() + 1);
        }
        return span(s, Math.max(s, e));
    }

    /**
     * The span from {@code start} to {@code end}, shared with the node lowered just before when it
     * covers the same text (a one-name ref and its name, a dependency without lag and its ref):
     * spans are values, and in the generated 100k-task plan one in twelve is such a repeat.
     */
    private Span span(int start, int end) {
        Span last = lastSpan;
        if (last != null && last.start() == start && last.end() == end) {
            return last;
        }
        last = new Span(source, start, end);
        lastSpan = last;
        return last;
    }

}
