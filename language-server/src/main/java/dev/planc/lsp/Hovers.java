package dev.planc.lsp;

import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.model.Metric;
import dev.planc.compiler.model.Plan;
import dev.planc.compiler.model.Resource;
import dev.planc.compiler.model.Task;
import dev.planc.compiler.model.Team;
import dev.planc.compiler.schedule.Schedule;
import dev.planc.compiler.schedule.Times;
import dev.planc.compiler.schedule.Calendars;
import dev.planc.compiler.schedule.WorkingTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a hover says (Markdown). For a task or milestone: its title, scheduled start and finish,
 * slack, whether it is critical, its assignees. For a resource: its load over the schedule. For
 * a metric: its target line. Dates and bookings come from the compiled baseline schedule; when
 * there is none (the plan has errors) the hover says so.
 */
final class Hovers {
    private Hovers() {}

    static @Nullable String hover(Snapshot s, Symbols.Entry e) {
        Plan plan = s.compiled().plan();
        Schedule schedule = s.compiled().schedule();
        Decl d = e.decl();
        StringBuilder b = new StringBuilder();
        b.append("**").append(d.keyword()).append("** `").append(e.path()).append('`');
        String title = Completion.title(d);
        if (!title.isEmpty()) {
            b.append(title);
        }
        b.append("\n\n");
        if (plan == null) {
            b.append("_no model: fix the syntax errors first_");
            return b.toString();
        }
        if (d instanceof Decl.TaskDecl || d instanceof Decl.MilestoneDecl) {
            Optional<Task> t = plan.task(e.path());
            if (t.isPresent()) {
                task(plan, schedule, t.get(), s.result().hasErrors(), b);
            }
        } else if (d instanceof Decl.ResourceDecl) {
            Optional<Resource> r = plan.resource(e.path());
            if (r.isPresent()) {
                resource(plan, schedule, r.get(), s.result().hasErrors(), b);
            }
        } else if (d instanceof Decl.TeamDecl) {
            for (Team t : plan.teams()) {
                if (t.id().equals(e.path())) {
                    b.append("members: ").append(String.join(", ",
                            t.members().stream().map(i -> "`" + plan.resources().get(i).id() + "`").toList()));
                }
            }
        } else if (d instanceof Decl.MetricDecl) {
            Optional<Metric> m = plan.metric(e.path());
            if (m.isPresent()) {
                metric(plan, m.get(), b);
            }
        }
        return b.toString().trim();
    }

    private static void task(Plan plan, @Nullable Schedule schedule, Task t, boolean errors, StringBuilder b) {
        if (t.kind() == Task.Kind.GROUP) {
            b.append("group of ").append(t.children().size()).append(t.children().size() == 1 ? " item" : " items")
                    .append("  \n");
        }
        if (schedule == null) {
            b.append(errors ? "_not scheduled: the plan has errors_" : "_scheduling\u2026_").append("  \n");
        } else {
            Schedule.Entry entry = schedule.entry(t.index());
            if (!entry.scheduled()) {
                b.append("not scheduled: contingent, not activated  \n");
            } else if (t.kind() == Task.Kind.MILESTONE) {
                b.append("date: ").append(Times.text(entry.start())).append("  \n");
            } else {
                b.append("start: ").append(Times.text(entry.start())).append("  \n");
                b.append("finish: ").append(Times.text(entry.finish())).append("  \n");
            }
            if (entry.scheduled()) {
                b.append("slack: ").append(duration(entry.slackMinutes(), plan.minutesPerDay()))
                        .append(entry.critical() ? " \u2014 **critical**" : " \u2014 not critical").append("  \n");
            }
        }
        if (!t.assignments().isEmpty()) {
            List<String> who = new ArrayList<>();
            for (Task.Allocation a : t.assignments()) {
                Resource r = plan.resources().get(a.resource());
                who.add("`" + r.id() + "`" + (a.units().compareTo(BigDecimal.ONE) == 0 ? ""
                        : " \u00d7 " + a.units().stripTrailingZeros().toPlainString()));
            }
            b.append("assigned: ").append(String.join(", ", who)).append("  \n");
        }
        if (t.work() != null) {
            b.append(t.work().effort() ? "effort: " : "duration: ")
                    .append(duration(t.work().minutes(), plan.minutesPerDay()))
                    .append(t.work().elapsed() ? " (elapsed)" : "").append("  \n");
        }
        if (t.deadlineText() != null) {
            b.append("deadline: ").append(t.deadlineText()).append("  \n");
        }
    }

    private static void resource(Plan plan, @Nullable Schedule schedule, Resource r, boolean errors, StringBuilder b) {
        b.append("capacity: ").append(r.capacity().stripTrailingZeros().toPlainString()).append("  \n");
        if (schedule == null) {
            b.append(errors ? "_load unknown: the plan has errors_" : "_scheduling\u2026_");
            return;
        }
        java.time.LocalDate to = schedule.finish().toLocalDate();
        WorkingTime time = WorkingTime.of(plan, Calendars.of(plan, to.plusDays(1)), to);
        BigDecimal booked = BigDecimal.ZERO;
        int tasks = 0;
        for (Schedule.Entry e : schedule.entries()) {
            boolean on = false;
            for (Schedule.Booking k : e.bookings()) {
                if (k.resource() == r.index()) {
                    booked = booked.add(k.units().multiply(BigDecimal.valueOf(time.minutes(r, k.from(), k.to()))));
                    on = true;
                }
            }
            tasks += on ? 1 : 0;
        }
        BigDecimal available = r.capacity().multiply(BigDecimal.valueOf(time.minutes(r, schedule.start(),
                schedule.finish())));
        long bookedMinutes = booked.setScale(0, RoundingMode.HALF_UP).longValue();
        b.append("load: ").append(duration(bookedMinutes, plan.minutesPerDay())).append(" booked on ")
                .append(tasks).append(tasks == 1 ? " task" : " tasks");
        if (available.signum() > 0) {
            b.append(", ").append(booked.multiply(BigDecimal.valueOf(100)).divide(available, 0, RoundingMode.HALF_UP))
                    .append(" % of its working time from ").append(Times.text(schedule.start())).append(" to ")
                    .append(Times.text(schedule.finish()));
        }
    }

    private static void metric(Plan plan, Metric m, StringBuilder b) {
        String unit = m.unit() == null ? "" : " " + m.unit();
        if (m.target() == null) {
            b.append("no target");
        } else {
            b.append("target line: ").append(m.baseline() == null ? "?" : m.baseline().toPlainString() + unit)
                    .append(" at ").append(plan.start().toLocalDate()).append(" \u2192 ")
                    .append(m.target().toPlainString()).append(unit).append(" by ")
                    .append(m.targetDate() == null ? "?" : m.targetDate().toString());
        }
        b.append("  \ntolerance: ").append(m.tolerance().multiply(BigDecimal.valueOf(100)).stripTrailingZeros()
                .toPlainString()).append(" %, ").append(m.lowerIsBetter() ? "lower is better" : "higher is better");
        if (m.goal() != null) {
            b.append("  \ngoal: `").append(m.goal()).append('`');
        }
    }

    /** Working minutes as days and hours of the plan ({@code 2d 3h}, {@code 0}). */
    static String duration(long minutes, int minutesPerDay) {
        if (minutes == 0) {
            return "0d";
        }
        String sign = minutes < 0 ? "-" : "";
        long m = Math.abs(minutes);
        long days = m / minutesPerDay;
        long rest = m % minutesPerDay;
        StringBuilder s = new StringBuilder(sign);
        if (days > 0) {
            s.append(days).append('d');
        }
        if (rest >= 60) {
            s.append(s.length() > sign.length() ? " " : "").append(rest / 60).append('h');
        }
        if (rest % 60 != 0) {
            s.append(s.length() > sign.length() ? " " : "").append(rest % 60).append("min");
        }
        return s.toString();
    }
}
