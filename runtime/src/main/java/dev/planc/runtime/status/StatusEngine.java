package dev.planc.runtime.status;

import dev.planc.compiler.Result;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.model.Condition;
import dev.planc.compiler.model.Contingency;
import dev.planc.compiler.model.Metric;
import dev.planc.compiler.model.Plan;
import dev.planc.compiler.model.Task;
import dev.planc.compiler.schedule.Calendars;
import dev.planc.compiler.schedule.Schedule;
import dev.planc.compiler.schedule.ScheduleRequest;
import dev.planc.compiler.schedule.Scheduler;
import dev.planc.compiler.schedule.Times;
import dev.planc.compiler.schedule.WorkingTime;
import dev.planc.runtime.journal.Event;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Status at an instant: replays the journal, evaluates contingencies as time passes, forecasts
 * with the compiler's scheduler, and measures against the baseline (docs/runtime.md).
 *
 * <p>Contingencies are evaluated at every event's time and at the first working minute of every
 * working day up to the instant, in time order; a condition fires on its false→true edge (at
 * most once with {@code once}). Firings the journal already records are facts: evaluation of a
 * contingency resumes after its last recorded firing, so replay never fires twice. A
 * {@code checked} event records up to when the runtime evaluated and which conditions held then;
 * evaluation resumes after the latest one, so status stays cheap however long the journal. New
 * firings are returned in {@link Status#newFirings()} and the evaluated range in
 * {@link Status#evaluatedUntil()}, for the caller to record.
 */
public final class StatusEngine {
    private static final MathContext MC = MathContext.DECIMAL64;

    private final Plan plan;
    private final Baseline baseline;
    private final Thresholds thresholds;
    /** The plan's calendars, built once for the measurements and every forecast. */
    private final Calendars calendars;
    private final WorkingTime wt;
    private final EarnedValue.Values values;
    /** The baseline's placement order, as task indexes. */
    private final List<Integer> order;
    /** Planned work minutes per task (a group: its children's sum), the weights of roll-up progress. */
    private final long[] planned;

    private StatusEngine(Plan plan, Baseline baseline, Thresholds thresholds, LocalDateTime horizon) {
        this.plan = plan;
        this.baseline = baseline;
        this.thresholds = thresholds;
        LocalDate to = horizon.toLocalDate();
        if (baseline.finish().toLocalDate().isAfter(to)) {
            to = baseline.finish().toLocalDate();
        }
        LocalDate until = to.plusYears(10);
        this.calendars = Calendars.of(plan, until.plusDays(1));
        this.wt = WorkingTime.of(plan, calendars, until);
        this.values = new EarnedValue.Values(plan, baseline, wt);
        this.order = placementOrder(plan, baseline);
        this.planned = new long[plan.tasks().size()];
        for (int i = planned.length - 1; i >= 0; i--) { // children before their groups
            Task t = plan.tasks().get(i);
            planned[i] += t.work() != null ? t.work().minutes() : 0; // a group's children were added already
            if (t.parent() >= 0) {
                planned[t.parent()] += planned[i];
            }
        }
    }

    public static Status status(Plan plan, Baseline baseline, List<Event> events, LocalDateTime at,
            Thresholds thresholds) {
        LocalDateTime horizon = at;
        for (Event e : events) {
            if (e.at().isAfter(horizon)) {
                horizon = e.at();
            }
        }
        return new StatusEngine(plan, baseline, thresholds, horizon).run(events, at);
    }

    /**
     * The order the baseline was placed in (ids the plan no longer has are skipped); for a
     * baseline without one, by baseline start.
     */
    private static List<Integer> placementOrder(Plan plan, Baseline baseline) {
        Map<String, Integer> byPath = new HashMap<>();
        for (Task t : plan.tasks()) {
            byPath.put(t.path(), t.index());
        }
        List<Integer> order = new ArrayList<>();
        if (!baseline.order().isEmpty()) {
            for (String id : baseline.order()) {
                Integer i = byPath.get(id);
                if (i != null) {
                    order.add(i);
                }
            }
            return order;
        }
        List<Task> byStart = new ArrayList<>();
        for (Task t : plan.tasks()) {
            if (baseline.tasks().containsKey(t.path())) {
                byStart.add(t);
            }
        }
        byStart.sort(java.util.Comparator.comparing((Task t) -> baseline.tasks().get(t.path()).start())
                .thenComparingInt(Task::index));
        return byStart.stream().map(Task::index).toList();
    }

    // ------------------------------------------------------------------ replay and contingencies

    private Status run(List<Event> events, LocalDateTime at) {
        List<Event> ordered = Replay.ordered(events);
        List<Contingency> cs = plan.contingencies();
        Map<String, Integer> cIndex = new HashMap<>();
        for (int i = 0; i < cs.size(); i++) {
            cIndex.put(cs.get(i).id(), i);
        }
        LocalDateTime[] lastRecorded = new LocalDateTime[cs.size()];
        Event checkpoint = null;
        for (Event e : ordered) {
            if (e.at().isAfter(at)) {
                break;
            }
            if (e.type() == Event.Type.FIRED && cIndex.containsKey(e.subject())) {
                lastRecorded[cIndex.get(e.subject())] = e.at();
            } else if (e.type() == Event.Type.CHECKED) {
                checkpoint = e;
            }
        }
        boolean[] state = new boolean[cs.size()];
        boolean[] firedOnce = new boolean[cs.size()];
        Set<Integer> activated = new HashSet<>();
        List<Replay.Firing> fresh = new ArrayList<>();
        Replay replay = new Replay(plan);
        int next = 0;
        LocalDateTime settled = null;
        if (checkpoint != null) {
            // Evaluated before: history up to the checkpoint is settled, and which conditions held
            // then is recorded; evaluation resumes after it.
            settled = checkpoint.at();
            while (next < ordered.size() && !ordered.get(next).at().isAfter(settled)) {
                Event e = ordered.get(next++);
                replay.apply(e);
                if (e.type() == Event.Type.FIRED && cIndex.containsKey(e.subject())) {
                    firedOnce[cIndex.get(e.subject())] = true;
                    activate(cs.get(cIndex.get(e.subject())), activated);
                }
            }
            Set<String> holding = new HashSet<>(List.of(checkpoint.text() == null ? new String[0]
                    : checkpoint.text().split(",")));
            for (int c = 0; c < cs.size(); c++) {
                state[c] = holding.contains(cs.get(c).id());
            }
        }
        LocalDateTime evaluated = null;
        for (LocalDateTime t : instants(ordered, at, settled)) {
            while (next < ordered.size() && !ordered.get(next).at().isAfter(t)) {
                Event e = ordered.get(next++);
                replay.apply(e);
                if (e.type() == Event.Type.FIRED && cIndex.containsKey(e.subject())) {
                    int c = cIndex.get(e.subject());
                    state[c] = true;
                    firedOnce[c] = true;
                    activate(cs.get(c), activated);
                }
            }
            Facts facts = null;
            evaluated = t;
            for (int c = 0; c < cs.size(); c++) {
                if (lastRecorded[c] != null && !t.isAfter(lastRecorded[c])) {
                    continue; // settled history: the journal says what happened up to its last firing
                }
                if (facts == null) {
                    facts = new Facts(replay, activated, t);
                }
                Conditions.Outcome o = Conditions.evaluate(cs.get(c).when(), facts, plan);
                if (o.holds() && !state[c] && !(cs.get(c).once() && firedOnce[c])) {
                    fresh.add(new Replay.Firing(cs.get(c).id(), t, o.because()));
                    firedOnce[c] = true;
                    activate(cs.get(c), activated);
                    facts = null; // activation changes the forecast for the contingencies after it
                }
                state[c] = o.holds();
            }
        }
        while (next < ordered.size() && !ordered.get(next).at().isAfter(at)) {
            replay.apply(ordered.get(next++));
        }
        List<String> holding = new ArrayList<>();
        for (int c = 0; c < cs.size(); c++) {
            if (state[c]) {
                holding.add(cs.get(c).id());
            }
        }
        return report(replay, activated, fresh, at, evaluated, holding);
    }

    private static void activate(Contingency c, Set<Integer> activated) {
        activated.addAll(c.activates());
    }

    /**
     * Every event time up to {@code at}, and the first working minute of every working day after
     * the plan's start, all after {@code settled} (the last checkpoint) when there is one.
     */
    private TreeSet<LocalDateTime> instants(List<Event> ordered, LocalDateTime at, @Nullable LocalDateTime settled) {
        TreeSet<LocalDateTime> out = new TreeSet<>();
        if (plan.contingencies().isEmpty()) {
            return out;
        }
        for (Event e : ordered) {
            if (!e.at().isAfter(at) && (settled == null || e.at().isAfter(settled))) {
                out.add(e.at());
            }
        }
        LocalDate from = settled == null || settled.isBefore(plan.start()) ? plan.start().toLocalDate()
                : settled.toLocalDate();
        for (LocalDate d = from; !d.isAfter(at.toLocalDate()); d = d.plusDays(1)) {
            if (wt.isWorkday(d)) {
                LocalDateTime first = wt.next(d.atStartOfDay());
                if (first != null && !first.isAfter(at) && !first.isBefore(plan.start())
                        && (settled == null || first.isAfter(settled))) {
                    out.add(first);
                }
            }
        }
        if (settled == null || at.isAfter(settled)) {
            out.add(at);
        }
        return out;
    }

    /** What conditions see at one instant; the forecast and earned value are computed on first use. */
    private final class Facts implements Conditions.Facts {
        private final Replay replay;
        private final Set<Integer> activated;
        private final LocalDateTime now;
        private @Nullable Schedule forecast;
        private boolean forecastDone;
        private @Nullable EarnedValue evm;

        Facts(Replay replay, Set<Integer> activated, LocalDateTime now) {
            this.replay = replay;
            this.activated = Set.copyOf(activated);
            this.now = now;
        }

        private @Nullable Schedule forecast() {
            if (!forecastDone) {
                forecast = StatusEngine.this.forecast(replay, activated, now).value();
                forecastDone = true;
            }
            return forecast;
        }

        private EarnedValue evm() {
            if (evm == null) {
                evm = EarnedValue.compute(plan, values, baseline, replay, wt, now);
            }
            return evm;
        }

        @Override
        public @Nullable BigDecimal metric(int metric) {
            Replay.Reading r = replay.reading(metric);
            return r == null ? null : r.value();
        }

        @Override
        public @Nullable BigDecimal expected(int metric) {
            return StatusEngine.this.expected(plan.metrics().get(metric), now);
        }

        @Override
        public @Nullable Object task(int task, Condition.TaskProperty property) {
            Task t = plan.tasks().get(task);
            TaskState s = taskState(t, replay);
            return switch (property) {
                case PROGRESS -> s.progress;
                case STARTED -> s.state != Status.State.NOT_STARTED;
                case DONE -> s.state == Status.State.DONE;
                case SLIP -> {
                    Long slip = slip(t, forecast());
                    yield slip == null ? null : BigDecimal.valueOf(slip);
                }
                case LATE -> late(t, s, forecast(), now);
            };
        }

        @Override
        public @Nullable BigDecimal spi() {
            return evm().spi();
        }

        @Override
        public @Nullable BigDecimal cpi() {
            return evm().cpi();
        }

        @Override
        public LocalDateTime now() {
            return now;
        }
    }

    // ------------------------------------------------------------------ forecast

    /**
     * The forecast: the same scheduler as the compiler, with actual dates fixed, the remaining
     * work of started tasks (planned × (1 − progress)) from now, nothing new before now, and the
     * activated contingent tasks included. Tasks are placed in the order the baseline placed them,
     * in one pass: leveling holds as in the plan, a forecast with nothing changed is the baseline
     * itself (no slip made up by a different search result), and it stays cheap.
     */
    Result<Schedule> forecast(Replay replay, Set<Integer> activated, LocalDateTime now) {
        Map<Integer, ScheduleRequest.Actual> actuals = new HashMap<>();
        for (Task t : plan.tasks()) {
            if (t.kind() == Task.Kind.GROUP) {
                continue;
            }
            Replay.TaskActual a = replay.task(t.index());
            if (a.started() == null) {
                continue;
            }
            double remaining = a.done() ? 0 : 1 - a.progress().doubleValue() / 100.0;
            actuals.put(t.index(), new ScheduleRequest.Actual(a.started(), a.finished(), remaining));
        }
        return Scheduler.schedule(plan, new ScheduleRequest(now, actuals, activated, 0, order), calendars);
    }

    // ------------------------------------------------------------------ the report

    /** A task's state and progress from the replay; groups roll up their leaves by planned work. */
    private record TaskState(Status.State state, BigDecimal progress, @Nullable LocalDateTime started,
            @Nullable LocalDateTime finished) {}

    private TaskState taskState(Task t, Replay replay) {
        return taskState(t, replay, null);
    }

    /** Every task's state at once, children before their groups, so each group is rolled up once. */
    private TaskState[] taskStates(Replay replay) {
        TaskState[] states = new TaskState[plan.tasks().size()];
        for (int i = states.length - 1; i >= 0; i--) { // pre-order reversed: children come first
            states[i] = taskState(plan.tasks().get(i), replay, states);
        }
        return states;
    }

    /** A task's state; a group's from {@code known} children when given, else computed recursively. */
    private TaskState taskState(Task t, Replay replay, TaskState @Nullable [] known) {
        if (t.kind() != Task.Kind.GROUP) {
            Replay.TaskActual a = replay.task(t.index());
            Status.State s = a.done() ? Status.State.DONE
                    : a.started() != null ? Status.State.IN_PROGRESS : Status.State.NOT_STARTED;
            return new TaskState(s, a.done() ? BigDecimal.valueOf(100) : a.progress(), a.started(), a.finished());
        }
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        boolean any = false;
        boolean all = true;
        LocalDateTime started = null;
        LocalDateTime finished = null;
        for (int c : t.children()) {
            Task child = plan.tasks().get(c);
            if (child.contingent()) {
                continue;
            }
            TaskState s = known != null ? known[c] : taskState(child, replay, null);
            BigDecimal w = BigDecimal.valueOf(Math.max(1, planned[c]));
            weighted = weighted.add(s.progress.multiply(w));
            weights = weights.add(w);
            any |= s.state != Status.State.NOT_STARTED;
            all &= s.state == Status.State.DONE;
            if (s.started != null && (started == null || s.started.isBefore(started))) {
                started = s.started;
            }
            if (s.finished != null && (finished == null || s.finished.isAfter(finished))) {
                finished = s.finished;
            }
        }
        Status.State state = all && any ? Status.State.DONE : any ? Status.State.IN_PROGRESS : Status.State.NOT_STARTED;
        BigDecimal progress = weights.signum() == 0 ? BigDecimal.ZERO
                : weighted.divide(weights, MC).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return new TaskState(state, progress, started, state == Status.State.DONE ? finished : null);
    }

    private @Nullable Long slip(Task t, @Nullable Schedule forecast) {
        Baseline.Dates b = baseline.tasks().get(t.path());
        if (b == null || forecast == null || !forecast.entry(t.index()).scheduled()) {
            return null;
        }
        return wt.minutes(b.finish(), forecast.entry(t.index()).finish());
    }

    private @Nullable Boolean late(Task t, TaskState s, @Nullable Schedule forecast, LocalDateTime now) {
        Baseline.Dates b = baseline.tasks().get(t.path());
        if (b == null) {
            return null;
        }
        if (s.state == Status.State.NOT_STARTED && now.isAfter(b.start())) {
            return true;
        }
        Long slip = slip(t, forecast);
        return slip != null && slip > 0;
    }

    /** The metric's expected value at {@code t}: on the line from its baseline (plan start) to its target (target date). */
    @Nullable BigDecimal expected(Metric m, LocalDateTime t) {
        if (m.baseline() == null || m.target() == null || m.targetDate() == null) {
            return null;
        }
        LocalDateTime from = plan.start();
        LocalDateTime to = m.targetDate().atStartOfDay();
        if (!t.isAfter(from)) {
            return m.baseline();
        }
        if (!t.isBefore(to) || !to.isAfter(from)) {
            return m.target();
        }
        BigDecimal f = BigDecimal.valueOf(java.time.Duration.between(from, t).toMinutes())
                .divide(BigDecimal.valueOf(java.time.Duration.between(from, to).toMinutes()), MC);
        return m.baseline().add(m.target().subtract(m.baseline()).multiply(f)).setScale(4, RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }

    private Status report(Replay replay, Set<Integer> activated, List<Replay.Firing> fresh, LocalDateTime at,
            @Nullable LocalDateTime evaluated, List<String> holding) {
        Result<Schedule> forecastResult = forecast(replay, activated, at);
        Schedule forecast = forecastResult.value();
        List<Status.Deviation> deviations = new ArrayList<>();
        List<String> warnings = new ArrayList<>(replay.warnings());
        if (forecast == null) {
            deviations.add(new Status.Deviation("plan", Flag.RED, "no forecast: " + forecastResult.diagnostics()
                    .stream().map(Diagnostic::message).findFirst().orElse("the scheduler gave up")));
        } else {
            for (Diagnostic d : forecastResult.diagnostics()) {
                deviations.add(new Status.Deviation("plan", Flag.RED, "forecast: " + d.message()));
            }
        }

        // tasks, leaves first so groups can roll their flags up
        TaskState[] states = taskStates(replay);
        Flag[] flags = new Flag[plan.tasks().size()];
        List<Task> tasks = plan.tasks();
        for (int i = tasks.size() - 1; i >= 0; i--) {
            Task t = tasks.get(i);
            Flag f = Flag.GREEN;
            if (t.kind() == Task.Kind.GROUP) {
                for (int c : t.children()) {
                    f = f.worst(flags[c]);
                }
            } else {
                f = taskFlag(t, states[i], forecast, at, deviations);
            }
            flags[i] = f;
        }
        List<Status.TaskRow> rows = new ArrayList<>();
        for (Task t : tasks) {
            TaskState s = states[t.index()];
            Baseline.Dates b = baseline.tasks().get(t.path());
            Schedule.Entry e = forecast == null ? null : forecast.entry(t.index());
            boolean scheduled = e != null && e.scheduled();
            rows.add(new Status.TaskRow(t.path(), t.title(), kind(t), plan.contingent(t), s.state, flags[t.index()],
                    b == null ? null : b.start(), b == null ? null : b.finish(), scheduled ? e.start() : null,
                    scheduled ? e.finish() : null, s.started, s.finished, slip(t, forecast), s.progress,
                    scheduled && e.critical()));
        }

        EarnedValue evm = EarnedValue.compute(plan, values, baseline, replay, wt, at);
        Flag spiFlag = evm.spi() == null ? Flag.GREEN : thresholds.spi(evm.spi());
        Flag cpiFlag = evm.cpi() == null ? Flag.GREEN : thresholds.cpi(evm.cpi());
        if (spiFlag != Flag.GREEN) {
            deviations.add(new Status.Deviation("spi", spiFlag, "SPI " + Conditions.number(evm.spi())
                    + " is outside " + thresholds.outside(spiFlag, true)));
        }
        if (cpiFlag != Flag.GREEN) {
            deviations.add(new Status.Deviation("cpi", cpiFlag, "CPI " + Conditions.number(evm.cpi())
                    + " is outside " + thresholds.outside(cpiFlag, false)));
        }

        List<Status.MetricRow> metrics = new ArrayList<>();
        for (Metric m : plan.metrics()) {
            metrics.add(metricRow(m, replay.reading(m.index()), at, deviations));
        }

        // contingencies and alerts: recorded firings and new ones, up to the instant
        List<Replay.Firing> all = new ArrayList<>(replay.firings());
        all.addAll(fresh);
        all.sort(java.util.Comparator.comparing(Replay.Firing::at));
        List<Status.ContingencyRow> contingencies = new ArrayList<>();
        List<Status.Alert> alerts = new ArrayList<>();
        for (Contingency c : plan.contingencies()) {
            Replay.Firing last = null;
            int count = 0;
            for (Replay.Firing f : all) {
                if (f.contingency().equals(c.id())) {
                    last = f;
                    count++;
                }
            }
            contingencies.add(new Status.ContingencyRow(c.id(), c.title(), last != null, count,
                    last == null ? null : last.at(), last == null ? null : last.because()));
        }
        for (Replay.Firing f : all) {
            Contingency c = plan.contingencies().stream().filter(x -> x.id().equals(f.contingency())).findFirst()
                    .orElse(null);
            if (c == null) {
                continue;
            }
            for (Contingency.Effect e : c.actions()) {
                if (e instanceof Contingency.Effect.Notify n) {
                    alerts.add(new Status.Alert(c.id(), "notify", n.targetId(), n.message(), f.at()));
                } else if (e instanceof Contingency.Effect.Escalate x) {
                    alerts.add(new Status.Alert(c.id(), "escalate", null, x.message(), f.at()));
                }
            }
        }

        Flag overall = spiFlag.worst(cpiFlag);
        for (Flag f : flags) {
            overall = overall.worst(f);
        }
        for (Status.MetricRow m : metrics) {
            overall = overall.worst(m.flag());
        }
        for (Status.Deviation d : deviations) {
            overall = overall.worst(d.flag());
        }
        LocalDateTime forecastFinish = forecast == null ? null : forecast.finish();
        Long slip = forecastFinish == null ? null : wt.minutes(baseline.finish(), forecastFinish);
        return new Status(at, overall, baseline.source(), baseline.finish(), forecastFinish, slip, evm, spiFlag,
                cpiFlag, rows, metrics, contingencies, alerts, deviations, warnings, fresh, evaluated, holding);
    }

    private Flag taskFlag(Task t, TaskState s, @Nullable Schedule forecast, LocalDateTime at,
            List<Status.Deviation> deviations) {
        Baseline.Dates b = baseline.tasks().get(t.path());
        if (b == null || s.state == Status.State.DONE) {
            return Flag.GREEN; // done is done: a late finish shows on what follows it
        }
        Long slip = slip(t, forecast);
        String days = slip == null ? "" : Conditions.duration(slip, plan.minutesPerDay());
        if (slip != null && slip > b.slackMinutes() && slip > 0) {
            deviations.add(new Status.Deviation(t.path(), Flag.RED, "`" + t.path() + "` is forecast to finish "
                    + Times.text(forecast.entry(t.index()).finish()) + ", " + days + " after its baseline "
                    + Times.text(b.finish()) + ": beyond its " + Conditions.duration(b.slackMinutes(),
                    plan.minutesPerDay()) + " of slack"));
            return Flag.RED;
        }
        if (slip != null && slip > thresholds.slipAmberMinutes()) {
            deviations.add(new Status.Deviation(t.path(), Flag.AMBER, "`" + t.path() + "` slips " + days
                    + " (within its " + Conditions.duration(b.slackMinutes(), plan.minutesPerDay()) + " of slack)"));
            return Flag.AMBER;
        }
        if (at.isAfter(b.finish())) {
            deviations.add(new Status.Deviation(t.path(), Flag.AMBER, "`" + t.path() + "` should have finished by "
                    + Times.text(b.finish())));
            return Flag.AMBER;
        }
        if (s.state == Status.State.NOT_STARTED && at.isAfter(b.start())) {
            deviations.add(new Status.Deviation(t.path(), Flag.AMBER, "`" + t.path() + "` should have started "
                    + Times.text(b.start()) + " and has not"));
            return Flag.AMBER;
        }
        return Flag.GREEN;
    }

    private Status.MetricRow metricRow(Metric m, Replay.@Nullable Reading r, LocalDateTime at,
            List<Status.Deviation> deviations) {
        BigDecimal expected = expected(m, at);
        Flag flag = Flag.GREEN;
        BigDecimal tolerancePercent = m.tolerance().multiply(BigDecimal.valueOf(100)).stripTrailingZeros();
        if (r != null && expected != null && expected.signum() != 0) {
            // how far the reading is behind the line, relative to the expected value; ahead is never a problem
            BigDecimal behind = (m.lowerIsBetter() ? r.value().subtract(expected) : expected.subtract(r.value()))
                    .divide(expected.abs(), MC);
            if (behind.compareTo(m.tolerance().multiply(BigDecimal.valueOf(2))) > 0) {
                flag = Flag.RED;
            } else if (behind.compareTo(m.tolerance()) > 0) {
                flag = Flag.AMBER;
            }
            if (flag != Flag.GREEN) {
                deviations.add(new Status.Deviation(m.id(), flag, "`" + m.id() + "` is " + Conditions.number(r.value())
                        + ", expected " + Conditions.number(expected) + " by now: "
                        + Conditions.number(behind.multiply(BigDecimal.valueOf(100))) + "% behind (tolerance "
                        + Conditions.number(tolerancePercent) + "%)"));
            }
        }
        return new Status.MetricRow(m.id(), m.title(), m.unit(), r == null ? null : r.value(),
                r == null ? null : r.at(), expected, m.target(), m.targetDate() == null ? null
                        : m.targetDate().toString(), tolerancePercent, flag);
    }

    private static String kind(Task t) {
        return switch (t.kind()) {
            case TASK -> "task";
            case GROUP -> "group";
            case MILESTONE -> "milestone";
        };
    }
}
