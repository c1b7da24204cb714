package dev.planc.runtime.status;

import dev.planc.compiler.model.Plan;
import dev.planc.compiler.model.Resource;
import dev.planc.compiler.model.Task;
import dev.planc.compiler.schedule.WorkingTime;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * Earned value management at an instant.
 *
 * <p>Formulas: PMI, <i>Practice Standard for Earned Value Management</i>, 2nd ed. (2011): SV = EV −
 * PV, CV = EV − AC, SPI = EV / PV, CPI = EV / AC, EAC = BAC / CPI (typical variances), EAC = AC +
 * (BAC − EV) (atypical), EAC = AC + (BAC − EV) / (CPI × SPI) (schedule and cost both weigh),
 * ETC = EAC − AC, VAC = BAC − EAC, TCPI = (BAC − EV) / (BAC − AC). Earned schedule: W. Lipke,
 * "Schedule is Different", <i>The Measurable News</i>, March 2003: ES is the time at which the
 * baseline's PV equals today's EV; SV(t) = ES − AT, SPI(t) = ES / AT; K. Henderson, "Further
 * Developments in Earned Schedule", <i>The Measurable News</i>, Spring 2004: IEAC(t) = PD / SPI(t).
 * Here time is working time of the plan's calendar from the plan's start, so ES moves through
 * the baseline's PV continuously rather than in whole periods.
 *
 * <p>Value: each leaf task's budget ({@code budget}), else its planned labour (effort or
 * duration × units × the resources' rates) plus its fixed {@code cost}; a group's {@code budget}
 * is spread over leaves that have no money of their own, by planned work. A plan with no money
 * at all is measured in planned work hours instead ({@code unit} says which). PV spreads each
 * task's value evenly over the working time of its baseline span; EV is value × reported
 * progress; AC is logged costs plus, for started tasks, the assigned resources' rates over the
 * working time since the actual start (hours mode: those working hours × units).
 *
 * <p>A division by zero gives null ("undefined"), never NaN or infinity.
 */
public record EarnedValue(String unit, BigDecimal bac, BigDecimal pv, BigDecimal ev, BigDecimal ac, BigDecimal sv,
        BigDecimal cv, @Nullable BigDecimal spi, @Nullable BigDecimal cpi, @Nullable BigDecimal eac,
        @Nullable BigDecimal eacAtypical, @Nullable BigDecimal eacCombined, @Nullable BigDecimal etc,
        @Nullable BigDecimal vac, @Nullable BigDecimal tcpi, @Nullable BigDecimal esDays, @Nullable BigDecimal svtDays,
        @Nullable BigDecimal spit, @Nullable LocalDateTime ieacFinish) {

    private static final MathContext MC = MathContext.DECIMAL64;

    /** The value of each task, computed once per plan and baseline. */
    static final class Values {
        final String unit;
        final BigDecimal[] value; // per task index; zero for groups and milestones
        final BigDecimal bac;
        final boolean money;

        Values(Plan plan, Baseline baseline, WorkingTime wt) {
            int n = plan.tasks().size();
            value = new BigDecimal[n];
            BigDecimal[] work = new BigDecimal[n];
            boolean anyMoney = false;
            for (Task t : plan.tasks()) {
                value[t.index()] = BigDecimal.ZERO;
                work[t.index()] = BigDecimal.ZERO;
                if (t.kind() != Task.Kind.TASK || t.work() == null) {
                    anyMoney |= t.budget() != null;
                    continue;
                }
                BigDecimal minutes = BigDecimal.valueOf(plannedMinutes(t, baseline, wt));
                BigDecimal units = BigDecimal.ZERO;
                BigDecimal ratePerMinute = BigDecimal.ZERO; // summed over allocations, by units
                for (Task.Allocation a : t.assignments()) {
                    units = units.add(a.units());
                    Resource r = plan.resources().get(a.resource());
                    if (r.rate() != null) {
                        BigDecimal per = r.rate().amount().divide(BigDecimal.valueOf(r.rate().perHour() ? 60
                                : plan.minutesPerDay()), MC);
                        ratePerMinute = ratePerMinute.add(per.multiply(a.units()));
                    }
                }
                BigDecimal labour;
                BigDecimal hours;
                if (t.work().effort()) {
                    // effort minutes are person-minutes: the mix of rates is the units-weighted mean
                    labour = units.signum() == 0 ? BigDecimal.ZERO : minutes.multiply(ratePerMinute).divide(units, MC);
                    hours = minutes.divide(BigDecimal.valueOf(60), MC);
                } else {
                    labour = minutes.multiply(ratePerMinute);
                    hours = minutes.multiply(units.signum() == 0 ? BigDecimal.ONE : units)
                            .divide(BigDecimal.valueOf(60), MC);
                }
                work[t.index()] = hours;
                BigDecimal money = t.budget() != null ? t.budget().amount()
                        : labour.add(t.cost() != null ? t.cost().amount() : BigDecimal.ZERO);
                value[t.index()] = money;
                anyMoney |= money.signum() > 0;
            }
            money = anyMoney;
            if (money) {
                spreadGroupBudgets(plan, work);
                unit = plan.currency() != null ? plan.currency() : "money";
            } else {
                System.arraycopy(work, 0, value, 0, n);
                unit = "hours";
            }
            BigDecimal total = BigDecimal.ZERO;
            for (Task t : plan.tasks()) {
                if (t.kind() == Task.Kind.TASK && !t.contingent() && baseline.tasks().containsKey(t.path())) {
                    total = total.add(value[t.index()]);
                }
            }
            bac = total;
        }

        private void spreadGroupBudgets(Plan plan, BigDecimal[] work) {
            for (Task g : plan.tasks()) {
                if (g.kind() != Task.Kind.GROUP || g.budget() == null) {
                    continue;
                }
                java.util.List<Integer> leaves = new java.util.ArrayList<>();
                collectLeaves(plan, g, leaves);
                BigDecimal own = BigDecimal.ZERO;
                BigDecimal w = BigDecimal.ZERO;
                for (int l : leaves) {
                    own = own.add(value[l]);
                    w = w.add(work[l]);
                }
                if (own.signum() != 0 || w.signum() == 0) {
                    continue; // its tasks carry money of their own: the group budget is a cap, not value
                }
                for (int l : leaves) {
                    value[l] = g.budget().amount().multiply(work[l]).divide(w, MC);
                }
            }
        }

        private static void collectLeaves(Plan plan, Task t, java.util.List<Integer> out) {
            if (t.kind() == Task.Kind.TASK) {
                out.add(t.index());
            }
            for (int c : t.children()) {
                collectLeaves(plan, plan.tasks().get(c), out);
            }
        }

        private static long plannedMinutes(Task t, Baseline baseline, WorkingTime wt) {
            if (!t.work().elapsed()) {
                return t.work().minutes();
            }
            Baseline.Dates d = baseline.tasks().get(t.path());
            return d == null ? 0 : Math.max(0, wt.minutes(d.start(), d.finish()));
        }
    }

    /** Planned value at {@code at}: each task's value spread over its baseline span's working time. */
    static BigDecimal pv(Plan plan, Values values, Baseline baseline, WorkingTime wt, LocalDateTime at) {
        BigDecimal pv = BigDecimal.ZERO;
        for (Task t : plan.tasks()) {
            BigDecimal v = values.value[t.index()];
            Baseline.Dates d = baseline.tasks().get(t.path());
            if (v.signum() == 0 || d == null || t.contingent()) {
                continue;
            }
            pv = pv.add(v.multiply(fraction(d, wt, at)));
        }
        return pv;
    }

    private static BigDecimal fraction(Baseline.Dates d, WorkingTime wt, LocalDateTime at) {
        if (!at.isAfter(d.start())) {
            return BigDecimal.ZERO;
        }
        if (!at.isBefore(d.finish())) {
            return BigDecimal.ONE;
        }
        long total = wt.minutes(d.start(), d.finish());
        if (total <= 0) { // round the clock over non-working time: clock time
            long all = java.time.Duration.between(d.start(), d.finish()).toMinutes();
            return BigDecimal.valueOf(java.time.Duration.between(d.start(), at).toMinutes()).divide(
                    BigDecimal.valueOf(Math.max(1, all)), MC);
        }
        return BigDecimal.valueOf(wt.minutes(d.start(), at)).divide(BigDecimal.valueOf(total), MC);
    }

    static EarnedValue compute(Plan plan, Values values, Baseline baseline, Replay replay, WorkingTime wt,
            LocalDateTime at) {
        BigDecimal bac = values.bac;
        BigDecimal pv = pv(plan, values, baseline, wt, at);
        BigDecimal ev = BigDecimal.ZERO;
        BigDecimal ac = values.money ? replay.loggedCost() : BigDecimal.ZERO;
        for (Task t : plan.tasks()) {
            if (t.kind() != Task.Kind.TASK) {
                continue;
            }
            Replay.TaskActual a = replay.task(t.index());
            if (a.started() == null) {
                continue;
            }
            BigDecimal progress = a.done() ? BigDecimal.ONE : a.progress().divide(BigDecimal.valueOf(100), MC);
            ev = ev.add(values.value[t.index()].multiply(progress));
            LocalDateTime until = a.finished() != null && a.finished().isBefore(at) ? a.finished() : at;
            if (!until.isAfter(a.started())) {
                continue;
            }
            for (Task.Allocation al : t.assignments()) {
                Resource r = plan.resources().get(al.resource());
                long minutes = wt.minutes(r, a.started(), until);
                if (values.money) {
                    if (r.rate() != null) {
                        BigDecimal per = r.rate().amount().divide(BigDecimal.valueOf(r.rate().perHour() ? 60
                                : plan.minutesPerDay()), MC);
                        ac = ac.add(per.multiply(al.units()).multiply(BigDecimal.valueOf(minutes)));
                    }
                } else {
                    ac = ac.add(al.units().multiply(BigDecimal.valueOf(minutes)).divide(BigDecimal.valueOf(60), MC));
                }
            }
            if (!values.money && t.assignments().isEmpty()) {
                ac = ac.add(BigDecimal.valueOf(wt.minutes(a.started(), until)).divide(BigDecimal.valueOf(60), MC));
            }
        }
        BigDecimal spi = div(ev, pv);
        BigDecimal cpi = div(ev, ac);
        BigDecimal eac = cpi == null ? null : div(bac, cpi);
        BigDecimal eacAtypical = ac.add(bac.subtract(ev));
        BigDecimal eacCombined = cpi == null || spi == null ? null : div(bac.subtract(ev), cpi.multiply(spi)) == null
                ? null : ac.add(div(bac.subtract(ev), cpi.multiply(spi)));
        BigDecimal etc = eac == null ? null : eac.subtract(ac);
        BigDecimal vac = eac == null ? null : bac.subtract(eac);
        BigDecimal tcpi = div(bac.subtract(ev), bac.subtract(ac));

        // Earned schedule, in working minutes from the plan's start.
        long pd = wt.minutes(plan.start(), baseline.finish());
        long atMinutes = Math.max(0, wt.minutes(plan.start(), at));
        long es = earnedSchedule(plan, values, baseline, wt, ev, pd);
        BigDecimal perDay = BigDecimal.valueOf(plan.minutesPerDay());
        BigDecimal esDays = BigDecimal.valueOf(es).divide(perDay, MC);
        BigDecimal svt = BigDecimal.valueOf(es - atMinutes).divide(perDay, MC);
        BigDecimal spit = div(BigDecimal.valueOf(es), BigDecimal.valueOf(atMinutes));
        LocalDateTime ieac = null;
        if (spit != null && spit.signum() > 0) {
            long ieacMinutes = BigDecimal.valueOf(pd).divide(spit, MC).setScale(0, RoundingMode.HALF_UP).longValue();
            ieac = wt.add(plan.start(), ieacMinutes);
        }
        return new EarnedValue(values.unit, round(bac), round(pv), round(ev), round(ac), round(ev.subtract(pv)),
                round(ev.subtract(ac)), ratio(spi), ratio(cpi), round(eac), round(eacAtypical), round(eacCombined),
                round(etc), round(vac), ratio(tcpi), ratio(esDays), ratio(svt), ratio(spit), ieac);
    }

    /**
     * The working-minute offset at which the baseline's PV reaches {@code ev}: a binary search (PV
     * never falls) over a PV curve precomputed once as running working minutes per task, in
     * doubles (it only has to find a time; the PV reported is computed exactly).
     */
    private static long earnedSchedule(Plan plan, Values values, Baseline baseline, WorkingTime wt, BigDecimal ev,
            long pd) {
        if (ev.signum() <= 0 || pd <= 0) {
            return 0;
        }
        int n = 0;
        double[] value = new double[plan.tasks().size()];
        long[] from = new long[value.length];
        long[] to = new long[value.length];
        for (Task t : plan.tasks()) {
            BigDecimal v = values.value[t.index()];
            Baseline.Dates d = baseline.tasks().get(t.path());
            if (v.signum() == 0 || d == null || t.contingent()) {
                continue;
            }
            value[n] = v.doubleValue();
            from[n] = wt.workUntil(d.start());
            to[n] = wt.workUntil(d.finish());
            n++;
        }
        long origin = wt.workUntil(plan.start());
        double target = ev.doubleValue();
        long lo = 0;
        long hi = pd;
        while (lo < hi) {
            long mid = (lo + hi + 1) >>> 1;
            long m = origin + mid;
            double pv = 0;
            for (int i = 0; i < n; i++) {
                if (m >= to[i]) {
                    pv += value[i];
                } else if (m > from[i]) {
                    pv += value[i] * (m - from[i]) / (double) (to[i] - from[i]);
                }
            }
            if (pv <= target * (1 + 1e-12)) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static @Nullable BigDecimal div(BigDecimal a, BigDecimal b) {
        return b.signum() == 0 ? null : a.divide(b, MC);
    }

    private static @Nullable BigDecimal round(@Nullable BigDecimal v) {
        return v == null ? null : v.setScale(2, RoundingMode.HALF_UP);
    }

    private static @Nullable BigDecimal ratio(@Nullable BigDecimal v) {
        return v == null ? null : v.setScale(3, RoundingMode.HALF_UP);
    }
}
