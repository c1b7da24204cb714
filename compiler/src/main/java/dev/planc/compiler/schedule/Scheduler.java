package dev.planc.compiler.schedule;

import dev.planc.compiler.Result;
import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.model.Plan;
import dev.planc.compiler.model.Resource;
import dev.planc.compiler.model.Task;
import dev.planc.compiler.parallel.Parallel;
import dev.planc.compiler.schedule.search.Decoder;
import dev.planc.compiler.schedule.search.IntHeap;
import dev.planc.compiler.schedule.search.LevelingSearch;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns a resolved plan into a schedule (LANGUAGE.md §4).
 *
 * <p>Leaf tasks and milestones are placed by a serial schedule-generation scheme (Kolisch 1996,
 * "Serial and parallel resource-constrained project scheduling methods revisited", EJOR 90):
 * repeatedly take the eligible activity with the best priority (the plan's {@code priority}
 * first, then a rule) and start it at the earliest minute at which its dependencies are met,
 * its calendar works and every assigned resource has the capacity for its whole span. Without
 * resource contention that is the exact as-soon-as-possible schedule. With contention several
 * orderings are tried (latest-finish-time, longest remaining path, most successors, and seeded
 * random biases within equal priority) and the shortest overall finish wins; the number of
 * passes depends only on the input, so the output is deterministic.
 *
 * <p>Groups span their children; a dependency on a group applies to every child, and a
 * dependency on a group waits for all its children. Slack comes from a backward pass over the
 * dependencies with the scheduled spans; critical means zero slack.
 */
public final class Scheduler {
    private static final int MILLI = 1000;

    private final Plan plan;
    private final ScheduleRequest request;
    private final TimeGrid grid;
    private final int n;
    private final boolean[] active;
    private final boolean[] leaf; // leaf task or milestone: the activities that get placed
    private final WorkCalendar[] calendar; // per activity: where its time is counted
    private final WorkCalendar[] lagCalendar; // per task: where lags before it count (never round the clock)
    private final WorkTime[] resourceTime;
    private final long[] capacity; // milli-units
    /** Per task, the targets of its active links (in link order): waitsOn[woOff[t] .. woOff[t + 1]). */
    private final int[] woOff;
    private final int[] waitsOn;
    /** Per active link (aligned with {@link #waitsOn}): its type, lag in minutes, and whether the lag is elapsed time. */
    private final Task.LinkType[] linkType;
    private final long[] linkLag;
    private final boolean[] linkElapsed;
    /** Per task: its {@code start >=} as a minute, or {@link Long#MIN_VALUE}. */
    private final long[] startNoEarlier;
    /** The request's "now" as a minute, or {@link Long#MIN_VALUE}. */
    private final long nowMinute;
    /** Per task: what the request says happened to it, or null. */
    private final ScheduleRequest.@Nullable Actual[] actualOf;
    /** Per task, the tasks with an active link to it (in task order): dependents[depOff[t] .. depOff[t + 1]). */
    private final int[] depOff;
    private final int[] dependents;
    private final long planStart;
    /** Milli-units of each task's allocations, in assignment order (BigDecimal arithmetic is hot otherwise). */
    private final long[][] allocUnits;
    /** The resource of each task's allocations, in assignment order. */
    private final int[][] allocResource;
    /** Per task, its parent's index or -1 (the model's list is a few calls deep). */
    private final int[] parent;
    /** What every pass starts from: the active leaves under each task, itself included. */
    private final int[] initialRemaining;
    /** Active top-level tasks, in order. */
    private final int[] roots;
    /** Usage profiles that are never booked: the effort sweep over them is calendars alone. */
    private final Usage[] free;
    /** Calendars of resource sets, shared by tasks with the same assignees. */
    private final Map<String, WorkCalendar> calendarCache = new HashMap<>();
    private final WorkTime planCalendar;

    private Scheduler(Plan plan, ScheduleRequest request, TimeGrid grid) {
        this.plan = plan;
        this.request = request;
        this.grid = grid;
        this.n = plan.tasks().size();
        this.active = new boolean[n];
        this.leaf = new boolean[n];
        this.calendar = new WorkCalendar[n];
        this.lagCalendar = new WorkCalendar[n];
        List<Resource> resources = plan.resources();
        this.resourceTime = new WorkTime[resources.size()];
        this.capacity = new long[resources.size()];
        // each resource's calendar with its leaves is years of days built on its own: in parallel
        List<WorkTime> times = Parallel.map(resources.size(), i -> grid.of(resources.get(i).calendar(),
                resources.get(i).leaves()));
        for (Resource r : resources) {
            resourceTime[r.index()] = times.get(r.index()); // a resource's index is its place in the list
            capacity[r.index()] = milli(r.capacity());
        }
        WorkTime planCal = grid.of(plan.defaultCalendar(), List.of());
        this.planCalendar = planCal;
        this.planStart = planCal.next(grid.minute(plan.start()));
        this.free = new Usage[resources.size()];
        for (int i = 0; i < free.length; i++) {
            free[i] = new Usage();
        }
        this.allocUnits = new long[n][];
        this.allocResource = new int[n][];
        this.parent = new int[n];
        for (Task t : plan.tasks()) {
            long[] u = new long[t.assignments().size()];
            int[] r = new int[u.length];
            for (int i = 0; i < u.length; i++) {
                u[i] = milli(t.assignments().get(i).units());
                r[i] = t.assignments().get(i).resource();
            }
            allocUnits[t.index()] = u;
            allocResource[t.index()] = r;
            parent[t.index()] = t.parent();
        }
        for (Task t : plan.tasks()) {
            boolean on = t.parent() < 0 ? true : active[t.parent()];
            if (t.contingent() && !request.activated().contains(t.index())) {
                on = false;
            }
            active[t.index()] = on;
            leaf[t.index()] = t.kind() != Task.Kind.GROUP;
            calendar[t.index()] = calendarOf(t, planCal, false);
            lagCalendar[t.index()] = calendarOf(t, planCal, true);
        }
        // Links as two compressed adjacency arrays (no list or boxed index per task).
        woOff = new int[n + 1];
        depOff = new int[n + 1];
        for (Task t : plan.tasks()) {
            if (!active[t.index()]) {
                continue;
            }
            for (Task.Link l : t.dependencies()) {
                if (active[l.target()]) { // a link to a contingent task that is not activated waits for nothing
                    woOff[t.index() + 1]++;
                    depOff[l.target() + 1]++;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            woOff[i + 1] += woOff[i];
            depOff[i + 1] += depOff[i];
        }
        initialRemaining = new int[n];
        int rootCount = 0;
        for (int i = 0; i < n; i++) {
            if (active[i] && leaf[i]) {
                for (int a = i; a >= 0; a = parent[a]) {
                    initialRemaining[a]++;
                }
            }
            if (active[i] && parent[i] < 0) {
                rootCount++;
            }
        }
        roots = new int[rootCount];
        for (int i = 0, k = 0; i < n; i++) {
            if (active[i] && parent[i] < 0) {
                roots[k++] = i;
            }
        }
        waitsOn = new int[woOff[n]];
        linkType = new Task.LinkType[woOff[n]];
        linkLag = new long[woOff[n]];
        linkElapsed = new boolean[woOff[n]];
        dependents = new int[depOff[n]];
        int[] depFill = Arrays.copyOf(depOff, n);
        for (Task t : plan.tasks()) {
            if (!active[t.index()]) {
                continue;
            }
            int k = woOff[t.index()];
            for (Task.Link l : t.dependencies()) {
                if (active[l.target()]) {
                    linkType[k] = l.type();
                    linkLag[k] = l.lagMinutes();
                    linkElapsed[k] = l.lagElapsed();
                    waitsOn[k++] = l.target();
                    dependents[depFill[l.target()]++] = t.index();
                }
            }
        }
        nowMinute = request.now() == null ? Long.MIN_VALUE : grid.minute(request.now());
        startNoEarlier = new long[n];
        actualOf = new ScheduleRequest.Actual[n];
        for (Task t : plan.tasks()) {
            startNoEarlier[t.index()] = t.startNoEarlier() == null ? Long.MIN_VALUE : grid.minute(t.startNoEarlier());
            actualOf[t.index()] = request.actuals().get(t.index());
        }
    }

    /**
     * Schedules a plan that compiled without errors. Reports missed deadlines (E0307); never
     * throws for a valid plan.
     */
    public static Result<Schedule> schedule(Plan plan, ScheduleRequest request) {
        return schedule(plan, request, Calendars.of(plan, plan.start().toLocalDate().plusYears(years(plan, request))));
    }

    /**
     * {@link #schedule(Plan, ScheduleRequest)} with calendars shared with other schedules and
     * measurements of the same plan ({@link Calendars#of} for this plan).
     */
    public static Result<Schedule> schedule(Plan plan, ScheduleRequest request, Calendars calendars) {
        int years = years(plan, request);
        while (true) {
            TimeGrid grid = new TimeGrid(calendars, plan.start().toLocalDate().plusYears(years));
            try {
                return new Scheduler(plan, request, grid).run();
            } catch (WorkTime.HorizonExceeded e) {
                if (years >= 320) {
                    Diagnostic d = Diagnostic.of(Code.E0114, plan.span(), "the plan cannot be scheduled within "
                            + years + " years: some task's calendar has (almost) no working time")
                            .withHelp("check calendars with no `workdays` or `hours`, and leaves that never end");
                    return new Result<>(null, List.of(d));
                }
                years *= 2; // grow gently: every calendar is rebuilt for the longer horizon
            }
        }
    }

    /**
     * The horizon to try first, in years from the plan's start: ten years past the latest date
     * the request already knows (now, actual dates), so a forecast late in a long plan does not
     * build and rebuild calendars 10, 20, 40… years long.
     */
    private static int years(Plan plan, ScheduleRequest request) {
        LocalDateTime known = request.now() != null ? request.now() : plan.start();
        for (ScheduleRequest.Actual a : request.actuals().values()) {
            LocalDateTime last = a.finished() != null ? a.finished() : a.started();
            if (last.isAfter(known)) {
                known = last;
            }
        }
        return 10 + (int) Math.max(0, java.time.temporal.ChronoUnit.YEARS.between(plan.start(), known));
    }

    // ------------------------------------------------------------------ calendars

    /**
     * The working time in which a task's lags, span and slack are counted: for a duration with
     * resources, the time when all of them work (they are booked together); for an effort with
     * one resource, that resource's time; otherwise the plan's. Round the clock for elapsed work
     * unless {@code forLags}: a working lag before an elapsed task still counts working time
     * (LANGUAGE.md §4). An effort shared by several resources progresses whenever any of them
     * works ({@link #effortEnd}); its span is measured in the plan's time rather than in a union
     * calendar per set of resources, which large plans cannot afford.
     */
    private WorkCalendar calendarOf(Task t, WorkTime planCal, boolean forLags) {
        Task.Work w = t.work();
        if (w != null && w.elapsed() && !forLags) {
            return grid.elapsed();
        }
        List<Task.Allocation> as = t.assignments();
        if (as.isEmpty() || (w != null && w.effort() && as.size() > 1)) {
            return planCal;
        }
        if (as.size() == 1) {
            return resourceTime[as.get(0).resource()];
        }
        int[] ids = as.stream().mapToInt(Task.Allocation::resource).sorted().distinct().toArray();
        String key = Arrays.toString(ids);
        WorkCalendar shared = calendarCache.get(key);
        if (shared != null) {
            return shared;
        }
        List<Resource> together = new ArrayList<>();
        for (int id : ids) {
            together.add(plan.resources().get(id));
        }
        WorkCalendar cal = grid.common(together);
        calendarCache.put(key, cal);
        return cal;
    }


    private static long milli(BigDecimal units) {
        return units.multiply(BigDecimal.valueOf(MILLI)).setScale(0, java.math.RoundingMode.HALF_UP).longValue();
    }

    // ------------------------------------------------------------------ one pass of the serial SGS

    /** Where one pass put everything. */
    private static final class Pass {
        final long[] start;
        final long[] finish;
        final int[] order; // placement order of activities
        int placed;
        final int[] driver; // the task whose link set the start, -1 none, -2 a resource conflict
        /** Per split effort: the stretches each allocation worked (see {@link #effortFill}). */
        final long[][] fragments;
        long makespan;

        Pass(int n) {
            fragments = new long[n][];
            start = new long[n];
            finish = new long[n];
            order = new int[n];
            driver = new int[n];
            Arrays.fill(start, Long.MIN_VALUE);
            Arrays.fill(finish, Long.MIN_VALUE);
            Arrays.fill(driver, -1);
        }
    }

    private Pass pass(long[] rank) {
        Pass p = new Pass(n);
        Usage[] profiles = new Usage[resourceTime.length];
        for (int i = 0; i < profiles.length; i++) {
            profiles[i] = new Usage();
        }
        int[] remaining = initialRemaining.clone(); // unplaced activities under each task (itself included)
        int[] pending = new int[n]; // links of the task whose target is not complete
        for (int i = 0; i < n; i++) {
            pending[i] = woOff[i + 1] - woOff[i];
        }
        long[] aggStart = new long[n];
        long[] aggFinish = new long[n];
        Arrays.fill(aggStart, Long.MAX_VALUE);
        Arrays.fill(aggFinish, Long.MIN_VALUE);
        // the eligible activities, by rank, then index
        IntHeap eligible = IntHeap.byKey(rank, 64); // by rank, then index
        for (int t : roots) {
            release(t, pending, eligible);
        }
        // A task may link to a group with no active children: complete from the outset.
        for (int i = 0; i < n; i++) {
            if (active[i] && remaining[i] == 0) {
                complete(i, pending, eligible);
            }
        }
        while (!eligible.isEmpty()) {
            int a = eligible.poll();
            place(a, p, profiles, aggStart, aggFinish);
            p.order[p.placed++] = a;
            for (int x = a; x >= 0; x = parent[x]) {
                aggStart[x] = Math.min(aggStart[x], p.start[a]);
                aggFinish[x] = Math.max(aggFinish[x], p.finish[a]);
                if (--remaining[x] == 0) {
                    complete(x, pending, eligible);
                }
            }
        }
        long makespan = planStart;
        for (int i = 0; i < n; i++) {
            if (active[i] && leaf[i]) {
                makespan = Math.max(makespan, p.finish[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            if (active[i] && !leaf[i] && aggStart[i] != Long.MAX_VALUE) {
                p.start[i] = aggStart[i];
                p.finish[i] = aggFinish[i];
            }
        }
        p.makespan = makespan;
        return p;
    }

    private void complete(int x, int[] pending, IntHeap eligible) {
        for (int k = depOff[x]; k < depOff[x + 1]; k++) {
            int t = dependents[k];
            if (--pending[t] == 0 && ancestorsFree(t, pending)) {
                release(t, pending, eligible);
            }
        }
    }

    private boolean ancestorsFree(int t, int[] pending) {
        for (int a = parent[t]; a >= 0; a = parent[a]) {
            if (pending[a] > 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code t} and its ancestors wait for nothing more: its free activities become eligible. */
    private void release(int t, int[] pending, IntHeap eligible) {
        if (!active[t] || pending[t] > 0) {
            return;
        }
        if (leaf[t]) {
            eligible.add(t);
            return;
        }
        for (int c : plan.tasks().get(t).children()) {
            release(c, pending, eligible);
        }
    }

    /** Earliest start of an activity from the plan start, constraints and links (own and inherited). */
    private long earliest(int a, Pass p, long[] aggStart, long[] aggFinish, long[] finishBound) {
        long es = planStart;
        int driver = -1;
        finishBound[0] = Long.MIN_VALUE;
        es = Math.max(es, nowMinute);
        WorkCalendar cal = lagCalendar[a];
        for (int x = a; x >= 0; x = parent[x]) {
            if (startNoEarlier[x] > es) {
                es = startNoEarlier[x];
                driver = -1;
            }
            for (int k = woOff[x]; k < woOff[x + 1]; k++) {
                int target = waitsOn[k];
                Task.LinkType type = linkType[k];
                long base = type == Task.LinkType.START_TO_START ? aggStart[target] : aggFinish[target];
                if (base == Long.MAX_VALUE || base == Long.MIN_VALUE) {
                    continue; // a group with nothing active under it
                }
                long lag = linkLag[k];
                long v = linkElapsed[k] ? base + lag : cal.add(base, lag);
                if (type == Task.LinkType.FINISH_TO_FINISH) {
                    if (!linkElapsed[k] && lag < 0) {
                        // A working lead counts back to the start of a working minute (09:00
                        // Tuesday); as a finish that working instant is the end of the minute
                        // before it (17:00 Monday).
                        v = cal.previousEnd(v);
                    }
                    finishBound[0] = Math.max(finishBound[0], v);
                } else if (v > es) {
                    es = v;
                    driver = target;
                }
            }
        }
        p.driver[a] = driver;
        return es;
    }

    private void place(int a, Pass p, Usage[] profiles, long[] aggStart, long[] aggFinish) {
        Task t = plan.tasks().get(a);
        long[] finishBound = new long[1];
        long es = earliest(a, p, aggStart, aggFinish, finishBound);
        ScheduleRequest.Actual actual = actualOf[a];
        if (t.kind() == Task.Kind.MILESTONE) {
            long at = Math.max(es, finishBound[0]);
            if (actual != null) {
                at = grid.minute(actual.finished() != null ? actual.finished() : actual.started());
            }
            p.start[a] = at;
            p.finish[a] = at;
            return;
        }
        if (actual != null && actual.finished() != null) {
            p.start[a] = grid.minute(actual.started());
            p.finish[a] = grid.minute(actual.finished());
            book(t, p.start[a], p.finish[a], profiles);
            return;
        }
        long work = t.work() == null ? 0 : t.work().minutes();
        long fixedStart = Long.MIN_VALUE;
        if (actual != null) {
            fixedStart = grid.minute(actual.started());
            work = Math.round(work * Math.max(0, Math.min(1, actual.remainingFraction())));
            es = Math.max(es, request.now() != null ? grid.minute(request.now()) : fixedStart);
        }
        long candidate = es;
        if (finishBound[0] != Long.MIN_VALUE) {
            candidate = Math.max(candidate, latestStartFor(t, a, work, finishBound[0], es));
        }
        if (splittable(t, work)) {
            long first = startAt(t, a, candidate);
            long[] fragments = effortFill(t, first, work, profiles);
            long s = fragments[1];
            if (s > first) {
                p.driver[a] = -2; // waited for a resource
            }
            p.start[a] = fixedStart != Long.MIN_VALUE ? fixedStart : s;
            p.finish[a] = lastEnd(fragments, s);
            p.fragments[a] = fragments;
            for (int k = 0; k < fragments.length; k += 3) {
                int i = (int) fragments[k];
                profiles[allocResource[a][i]].add(fragments[k + 1], fragments[k + 2], allocUnits[a][i]);
            }
            return;
        }
        while (true) {
            long s = startAt(t, a, candidate);
            long f = end(t, a, s, work);
            long retry = Long.MIN_VALUE;
            int[] res = allocResource[a];
            for (int i = 0; i < res.length; i++) {
                long limit = capacity[res[i]] - allocUnits[a][i];
                long until = profiles[res[i]].conflictUntil(s, Math.max(f, s + 1), limit);
                if (until != Long.MIN_VALUE) {
                    retry = Math.max(retry, until);
                }
            }
            if (retry == Long.MIN_VALUE) {
                p.start[a] = fixedStart != Long.MIN_VALUE ? fixedStart : s;
                p.finish[a] = f;
                book(t, s, f, profiles);
                return;
            }
            if (retry == Long.MAX_VALUE) {
                throw new WorkTime.HorizonExceeded();
            }
            candidate = retry;
            p.driver[a] = -2;
        }
    }

    private void book(Task t, long s, long f, Usage[] profiles) {
        int[] res = allocResource[t.index()];
        for (int i = 0; i < res.length; i++) {
            profiles[res[i]].add(s, Math.max(f, s + 1), allocUnits[t.index()][i]);
        }
    }

    /** The first working minute of the activity at or after {@code t}. */
    private long startAt(Task t, int a, long t0) {
        Task.Work w = t.work();
        if (w != null && w.elapsed()) {
            return t0;
        }
        if (w != null && w.effort() && t.assignments().size() > 1) {
            long first = Long.MAX_VALUE; // an effort starts when any of its resources works
            for (Task.Allocation al : t.assignments()) {
                try {
                    first = Math.min(first, resourceTime[al.resource()].next(t0));
                } catch (WorkTime.HorizonExceeded e) {
                    // this one works no more within the horizon; another may
                }
            }
            if (first == Long.MAX_VALUE) {
                throw new WorkTime.HorizonExceeded();
            }
            return first;
        }
        return calendar[a].next(t0);
    }

    /** When {@code work} minutes of the activity starting at {@code s} are done. */
    private long end(Task t, int a, long s, long work) {
        Task.Work w = t.work();
        if (work == 0) {
            return s;
        }
        if (w == null || !w.effort() || w.elapsed()) {
            return calendar[a].add(s, work);
        }
        return effortEnd(t, s, work);
    }

    /**
     * Effort without other bookings (every working minute of an assigned resource contributes its
     * amount): the same sweep as {@link #effortFill}, over usage profiles that stay empty.
     */
    private long effortEnd(Task t, long s, long work) {
        return lastEnd(effortFill(t, s, work, free), s);
    }

    /** Where the last stretch of an effort ends (its finish), at least {@code from}. */
    private static long lastEnd(long[] fragments, long from) {
        long end = from;
        for (int k = 0; k < fragments.length; k += 3) {
            end = Math.max(end, fragments[k + 2]);
        }
        return end;
    }

    /**
     * An effort (not elapsed) is booked minute by minute around what is already booked: it
     * progresses in every minute in which an assigned resource works and has its amount free,
     * so it can pause while a higher-ranked task holds a resource and fill the gaps others leave
     * (as TaskJuggler books effort). Durations keep one unbroken span on all their resources.
     */
    private static boolean splittable(Task t, long work) {
        Task.Work w = t.work();
        return w != null && w.effort() && !w.elapsed() && work > 0 && !t.assignments().isEmpty();
    }

    /**
     * Books {@code work} minutes of effort from {@code from} on: sweeps the boundaries of the
     * resources' working intervals and of their booking profiles (never single minutes); in each
     * stretch every allocation whose resource works and has its amount free contributes its
     * amount. Returns the stretches each allocation worked, as triples (allocation index, from,
     * to) sorted by start: the first starts at the effort's first minute, the latest end is its
     * finish.
     */
    private long[] effortFill(Task t, long from, long work, Usage[] profiles) {
        int[] res = allocResource[t.index()];
        int m = res.length;
        long[] units = allocUnits[t.index()];
        long need = work * MILLI;
        long now = from;
        long[] open = new long[m]; // start of the stretch allocation i is in, or MIN
        Arrays.fill(open, Long.MIN_VALUE);
        long[] out = new long[12];
        int len = 0;
        boolean[] uses = new boolean[m];
        // cursors: time only moves forward, so each lookup starts where the last one ended
        int[] ck = new int[m]; // working interval at or before now
        int[] uk = new int[m]; // usage step holding at now
        for (int i = 0; i < m; i++) {
            ck[i] = resourceTime[res[i]].floor(now);
            uk[i] = profiles[res[i]].step(now);
        }
        while (true) {
            long rate = 0;
            long next = Long.MAX_VALUE;
            for (int i = 0; i < m; i++) {
                int r = res[i];
                uses[i] = false;
                long limit = capacity[r] - units[i];
                Usage pr = profiles[r];
                int u = uk[i] = pr.stepFrom(uk[i], now);
                if (pr.levelOf(u) > limit) {
                    // busy: skip straight to where it has room again, whatever its calendar says
                    next = Math.min(next, pr.freeAfter(u, limit));
                    continue;
                }
                WorkTime wt = resourceTime[r];
                int k = ck[i] = wt.floorFrom(ck[i], now);
                if (k >= 0 && now < wt.intervalEnd(k)) {
                    uses[i] = true;
                    rate += units[i];
                    next = Math.min(next, Math.min(wt.intervalEnd(k), pr.changeAfter(u)));
                } else if (k + 1 < wt.intervalCount()) {
                    long until = wt.intervalStart(k + 1);
                    if (open[i] != Long.MIN_VALUE) {
                        // off duty with a stretch open: it stays open (one booking across the
                        // night, not one per working interval) unless a booking claims the room
                        uses[i] = true;
                        until = Math.min(until, pr.changeAfter(u));
                    }
                    next = Math.min(next, until);
                }
            }
            if (next == Long.MAX_VALUE) {
                throw new WorkTime.HorizonExceeded();
            }
            long end = next;
            boolean done = rate > 0 && rate * (next - now) >= need;
            if (done) {
                end = now + (need + rate - 1) / rate;
            } else {
                need -= rate * (next - now);
            }
            for (int i = 0; i < m; i++) {
                if (uses[i] && open[i] == Long.MIN_VALUE) {
                    open[i] = now;
                } else if (!uses[i] && open[i] != Long.MIN_VALUE) {
                    out = push(out, len, i, open[i], now);
                    len += 3;
                    open[i] = Long.MIN_VALUE;
                }
            }
            if (done) {
                for (int i = 0; i < m; i++) {
                    if (open[i] != Long.MIN_VALUE) {
                        out = push(out, len, i, open[i], end);
                        len += 3;
                    }
                }
                return order(Arrays.copyOf(out, len));
            }
            now = next;
        }
    }

    private static long[] push(long[] out, int len, int alloc, long from, long to) {
        if (len + 3 > out.length) {
            out = Arrays.copyOf(out, out.length * 2);
        }
        out[len] = alloc;
        out[len + 1] = from;
        out[len + 2] = to;
        return out;
    }

    /** Stretches sorted by start, ties by allocation (in place: there are a handful, and nearly in order). */
    private static long[] order(long[] f) {
        for (int i = 3; i < f.length; i += 3) {
            long alloc = f[i];
            long from = f[i + 1];
            long to = f[i + 2];
            int j = i - 3;
            while (j >= 0 && (f[j + 1] > from || (f[j + 1] == from && f[j] > alloc))) {
                f[j + 3] = f[j];
                f[j + 4] = f[j + 1];
                f[j + 5] = f[j + 2];
                j -= 3;
            }
            f[j + 3] = alloc;
            f[j + 4] = from;
            f[j + 5] = to;
        }
        return f;
    }

    /** The latest start whose finish still meets a finish-to-finish bound (binary search on a monotone end). */
    private long latestStartFor(Task t, int a, long work, long finishBound, long es) {
        if (end(t, a, startAt(t, a, es), work) >= finishBound) {
            return es;
        }
        long lo = es;
        long hi = finishBound;
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            if (end(t, a, startAt(t, a, mid), work) >= finishBound) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    // ------------------------------------------------------------------ orderings

    /**
     * Remaining-path length from each task's start to the end of the plan, in planned minutes:
     * a leaf's own length plus the longest tail of what waits for it or for any group holding
     * it; a group's tail is its longest child's.
     *
     * <p>Linear in the plan: two values per task, {@code inherited[x]} (the longest tail of what
     * waits for x or an ancestor) and {@code tail[x]}, evaluated in a topological order of
     * the graph IN(parent) → IN(x), TAIL(d) → IN(x) for every d waiting for x, IN(leaf) →
     * TAIL(leaf), TAIL(child) → TAIL(group). Expanding "waits for a group" to every leaf of the
     * group instead would be quadratic in large plans.
     */
    private long[] tails() {
        long[] tail = new long[n];
        long[] inherited = new long[n];
        // nodes: IN(x) = x, TAIL(x) = n + x; the edges are implied by the plan (no lists built)
        int[] indeg = new int[2 * n];
        for (int x = 0; x < n; x++) {
            if (plan.tasks().get(x).parent() >= 0) {
                indeg[x]++; // IN(parent) -> IN(x)
                indeg[n + plan.tasks().get(x).parent()]++; // TAIL(x) -> TAIL(parent)
            }
            indeg[x] += depOff[x + 1] - depOff[x]; // TAIL(d) -> IN(x) for every d waiting for x
            if (leaf[x]) {
                indeg[n + x]++; // IN(x) -> TAIL(x)
            }
        }
        int[] queue = new int[2 * n];
        int head = 0;
        int end = 0;
        for (int v = 0; v < 2 * n; v++) {
            if (indeg[v] == 0) {
                queue[end++] = v;
            }
        }
        // Kahn's algorithm: a node is evaluated once every node it is computed from is.
        while (head < end) {
            int v = queue[head++];
            if (v < n) {
                Task t = plan.tasks().get(v);
                long best = t.parent() >= 0 ? inherited[t.parent()] : 0;
                for (int k = depOff[v]; k < depOff[v + 1]; k++) {
                    best = Math.max(best, tail[dependents[k]]);
                }
                inherited[v] = best;
            } else {
                int x = v - n;
                Task t = plan.tasks().get(x);
                if (leaf[x]) {
                    long own = t.work() == null ? 0 : t.work().effort()
                            ? t.work().minutes() * MILLI / Math.max(1, totalUnits(t)) : t.work().minutes();
                    tail[x] = inherited[x] + own;
                } else {
                    for (int c : t.children()) {
                        tail[x] = Math.max(tail[x], tail[c]);
                    }
                }
            }
            if (v < n) {
                for (int c : plan.tasks().get(v).children()) {
                    if (--indeg[c] == 0) {
                        queue[end++] = c;
                    }
                }
                if (leaf[v] && --indeg[n + v] == 0) {
                    queue[end++] = n + v;
                }
            } else {
                int x = v - n;
                int parent = plan.tasks().get(x).parent();
                if (parent >= 0 && --indeg[n + parent] == 0) {
                    queue[end++] = n + parent;
                }
                for (int k = woOff[x]; k < woOff[x + 1]; k++) {
                    if (--indeg[waitsOn[k]] == 0) {
                        queue[end++] = waitsOn[k];
                    }
                }
            }
        }
        return tail;
    }

    private long totalUnits(Task t) {
        long sum = 0;
        for (long u : allocUnits[t.index()]) {
            sum += u;
        }
        return sum;
    }

    private final Map<Integer, int[]> leavesUnderCache = new HashMap<>();

    private int[] leavesUnder(int x) {
        int[] cached = leavesUnderCache.get(x);
        if (cached != null) {
            return cached;
        }
        List<Integer> list = new ArrayList<>();
        collectLeaves(x, list);
        int[] arr = list.stream().mapToInt(Integer::intValue).toArray();
        leavesUnderCache.put(x, arr);
        return arr;
    }

    private void collectLeaves(int x, List<Integer> out) {
        if (!active[x]) {
            return;
        }
        if (leaf[x]) {
            out.add(x);
            return;
        }
        for (int c : plan.tasks().get(x).children()) {
            collectLeaves(c, out);
        }
    }

    private boolean contention() {
        long[] demand = new long[resourceTime.length];
        int[] users = new int[resourceTime.length];
        for (Task t : plan.tasks()) {
            if (active[t.index()] && leaf[t.index()]) {
                for (int i = 0; i < t.assignments().size(); i++) {
                    demand[t.assignments().get(i).resource()] += allocUnits[t.index()][i];
                    users[t.assignments().get(i).resource()]++;
                }
            }
        }
        for (int r = 0; r < demand.length; r++) {
            if (users[r] > 1 && demand[r] > capacity[r]) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ the whole run

    private Result<Schedule> run() {
        if (!request.order().isEmpty()) {
            // A given order (the runtime's forecast keeps the baseline's): one pass, no search.
            long[] rank = new long[n];
            for (int i = 0; i < n; i++) {
                rank[i] = (long) request.order().size() + i;
            }
            for (int k = 0; k < request.order().size(); k++) {
                rank[request.order().get(k)] = k;
            }
            return finish(pass(rank));
        }
        boolean contended = contention();
        if (!contended) {
            // Nothing competes for a resource: every task goes at its earliest minute whatever the
            // order, so any order that respects the links (here: by index) gives the schedule.
            return finish(pass(new long[n]));
        }
        long[] tail = tails();
        long[] base = new long[n];
        for (int i = 0; i < n; i++) {
            base[i] = -(long) plan.tasks().get(i).priority() * (1L << 40);
        }
        long[] rank = new long[n];
        for (int i = 0; i < n; i++) {
            rank[i] = base[i] - tail[i];
        }
        // The latest-finish-time rule (longest remaining path first) within priorities.
        Pass best = pass(rank);
        if (activities() <= MAX_SEARCHED_ACTIVITIES) {
            CalendarDecoder decoder = new CalendarDecoder(base, best);
            int[] initial = decoder.listOf(best);
            long budget = request.levelingBudget() > 0 ? request.levelingBudget() : defaultBudget(decoder.size());
            // the priority-rule pass is the decode of its own placement order: handed over, not redone
            LevelingSearch.Outcome outcome = LevelingSearch.search(decoder, initial, best.makespan,
                    decoder.startsOf(best), 0x5eed_2027L, budget);
            if (outcome.makespan() < best.makespan) { // decoding its list again gives that makespan
                best = pass(decoder.rank(outcome.list()));
            }
        }
        return finish(best);
    }

    /**
     * Above this many tasks and milestones the priority-rule schedule is kept as it is: the
     * search's precedence lists (a dependency on a group relates every leaf of it) grow too large,
     * and the budget would allow only a couple of schedules anyway.
     */
    static final int MAX_SEARCHED_ACTIVITIES = 20_000;

    private int activities() {
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (active[i] && leaf[i]) {
                count++;
            }
        }
        return count;
    }

    /**
     * Schedules the leveling search may generate: many for small plans, a few for huge ones
     * (about 200,000 activity placements in all). A count, never a clock, so runs are identical.
     */
    static long defaultBudget(int activities) {
        return Math.max(1, Math.min(2000, 200_000L / Math.max(1, activities)));
    }

    /**
     * The calendar-aware serial SGS as the leveling search sees it: activities are the active
     * leaf tasks and milestones; an activity list becomes priorities (the plan's {@code priority}
     * still dominates, then list position); the makespan is the latest finish minute.
     */
    private final class CalendarDecoder implements Decoder {
        private final int[] activity; // activity number -> task index
        private final int[] number; // task index -> activity number, -1 if none
        private final int[][] predecessors;
        private final int[][] successors;
        private final long[] base;
        private Pass last;

        CalendarDecoder(long[] base, Pass initial) {
            this.base = base;
            this.last = initial;
            number = new int[n];
            Arrays.fill(number, -1);
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (active[i] && leaf[i]) {
                    number[i] = count++;
                }
            }
            activity = new int[count];
            for (int i = 0; i < n; i++) {
                if (number[i] >= 0) {
                    activity[number[i]] = i;
                }
            }
            // A link of the activity or of a group holding it, to a task or group: every active
            // leaf under the target is a predecessor (once).
            predecessors = new int[count][];
            int[] succCount = new int[count];
            int[] seen = new int[count];
            Arrays.fill(seen, -1);
            int[] buffer = new int[16];
            for (int a = 0; a < count; a++) {
                int len = 0;
                for (int x = activity[a]; x >= 0; x = parent[x]) {
                    for (int w = woOff[x]; w < woOff[x + 1]; w++) {
                        for (int l : leavesUnder(waitsOn[w])) {
                            int p = number[l];
                            if (p >= 0 && p != a && seen[p] != a) {
                                seen[p] = a;
                                if (len == buffer.length) {
                                    buffer = Arrays.copyOf(buffer, 2 * len);
                                }
                                buffer[len++] = p;
                                succCount[p]++;
                            }
                        }
                    }
                }
                predecessors[a] = Arrays.copyOf(buffer, len);
            }
            successors = new int[count][];
            for (int a = 0; a < count; a++) {
                successors[a] = new int[succCount[a]];
                succCount[a] = 0;
            }
            for (int a = 0; a < count; a++) {
                for (int p : predecessors[a]) {
                    successors[p][succCount[p]++] = a;
                }
            }
        }

        /** A decoder sharing {@code of}'s (immutable) activities and relations, with its own last pass. */
        private CalendarDecoder(CalendarDecoder of) {
            this.activity = of.activity;
            this.number = of.number;
            this.predecessors = of.predecessors;
            this.successors = of.successors;
            this.base = of.base;
            this.last = of.last;
        }

        /** Passes share only the scheduler's immutable state, so copies may decode at once. */
        @Override
        public Decoder fork() {
            return new CalendarDecoder(this);
        }

        /** The placement order of a pass as an activity list (precedence-feasible by construction). */
        int[] listOf(Pass p) {
            int[] list = new int[activity.length];
            int k = 0;
            for (int i = 0; i < p.placed; i++) {
                if (number[p.order[i]] >= 0) {
                    list[k++] = number[p.order[i]];
                }
            }
            return list;
        }

        /** Each activity's start in a pass, by activity number. */
        long[] startsOf(Pass p) {
            long[] starts = new long[activity.length];
            for (int a = 0; a < activity.length; a++) {
                starts[a] = p.start[activity[a]];
            }
            return starts;
        }

        long[] rank(int[] list) {
            long[] rank = new long[n];
            for (int i = 0; i < list.length; i++) {
                int t = activity[list[i]];
                rank[t] = base[t] + i;
            }
            return rank;
        }

        @Override
        public int size() {
            return activity.length;
        }

        @Override
        public int[] predecessors(int a) {
            return predecessors[a];
        }

        @Override
        public int[] successors(int a) {
            return successors[a];
        }

        @Override
        public long decode(int[] activityList) {
            last = pass(rank(activityList));
            return last.makespan;
        }

        @Override
        public long start(int a) {
            return last.start[activity[a]];
        }

        @Override
        public long finish(int a) {
            return last.finish[activity[a]];
        }
    }

    private Result<Schedule> finish(Pass p) {
        long planFinish = p.makespan;
        long[] lateFinish = new long[n];
        long[] lateStart = new long[n];
        Arrays.fill(lateFinish, Long.MAX_VALUE);
        Arrays.fill(lateStart, Long.MAX_VALUE);
        // Backward pass in reverse placement order: every dependent was placed later.
        for (int k = p.placed - 1; k >= 0; k--) {
            int a = p.order[k];
            long lf = planFinish;
            for (int x = a; x >= 0; x = parent[x]) {
                for (int j = depOff[x]; j < depOff[x + 1]; j++) {
                    int d = dependents[j];
                    for (Task.Link l : plan.tasks().get(d).dependencies()) {
                        if (l.target() == x) {
                            lf = Math.min(lf, lateBound(a, d, l, lateStart, lateFinish, p));
                        }
                    }
                }
            }
            lf = Math.max(lf, p.finish[a]);
            lateFinish[a] = lf;
            long span = calendar[a].between(p.start[a], p.finish[a]);
            lateStart[a] = plan.tasks().get(a).kind() == Task.Kind.MILESTONE ? lf : calendar[a].sub(lf, span);
            for (int x = parent[a]; x >= 0; x = parent[x]) {
                lateStart[x] = Math.min(lateStart[x], lateStart[a]);
                lateFinish[x] = Math.min(lateFinish[x], lateFinish[a]);
            }
        }
        List<Schedule.Entry> entries = new ArrayList<>(n);
        long[] slack = new long[n];
        Arrays.fill(slack, Long.MAX_VALUE);
        for (int k = 0; k < p.placed; k++) {
            int a = p.order[k];
            // Float of round-the-clock work is counted in the plan's working time: a night of
            // idle clock between an elapsed task and a day-shift successor is not slack.
            WorkCalendar measure = calendar[a] == grid.elapsed() ? planCalendar : calendar[a];
            slack[a] = Math.max(0, measure.between(p.finish[a], lateFinish[a]));
            for (int x = parent[a]; x >= 0; x = parent[x]) {
                slack[x] = Math.min(slack[x], slack[a]);
            }
        }
        // Entries are independent of one another (their times converted to local time, a
        // booking per stretch): built on the cores, in task order.
        entries.addAll(Parallel.mapInRanges(n, i -> entry(plan.tasks().get(i), p, slack)));
        List<Integer> critical = criticalPath(p, slack, planFinish);
        List<Diagnostic> diagnostics = deadlines(p);
        List<Integer> placed = new ArrayList<>(p.placed);
        for (int k = 0; k < p.placed; k++) {
            placed.add(p.order[k]);
        }
        Schedule schedule = new Schedule(plan, grid.local(planStart), grid.local(planFinish), entries, critical, placed);
        return new Result<>(schedule, diagnostics);
    }

    /** A task's entry in the schedule: its times in local time, its slack, and its bookings. */
    private Schedule.Entry entry(Task t, Pass p, long[] slack) {
        int i = t.index();
        boolean scheduled = active[i] && p.start[i] != Long.MIN_VALUE;
        List<Schedule.Booking> bookings = new ArrayList<>();
        if (scheduled && leaf[i] && p.fragments[i] != null) {
            long[] f = p.fragments[i];
            for (int al = 0; al < t.assignments().size(); al++) {
                for (int k = 0; k < f.length; k += 3) {
                    if (f[k] == al) {
                        bookings.add(new Schedule.Booking(t.assignments().get(al).resource(),
                                t.assignments().get(al).units(), grid.local(f[k + 1]), grid.local(f[k + 2])));
                    }
                }
            }
        } else if (scheduled && leaf[i]) {
            for (Task.Allocation al : t.assignments()) {
                bookings.add(new Schedule.Booking(al.resource(), al.units(), grid.local(p.start[i]),
                        grid.local(p.finish[i])));
            }
        }
        long s = scheduled ? slack[i] : 0;
        return new Schedule.Entry(i, scheduled ? grid.local(p.start[i]) : null,
                scheduled ? grid.local(p.finish[i]) : null, scheduled ? s : 0, scheduled && s == 0, bookings);
    }

    /**
     * The latest finish of activity {@code a} that link {@code l} of dependent {@code d} allows
     * (the link targets {@code a} or a group holding it). Lags are undone in the dependent's
     * calendar, as they were applied.
     */
    private long lateBound(int a, int d, Task.Link l, long[] lateStart, long[] lateFinish, Pass p) {
        WorkCalendar cal = lagCalendar[d];
        long lag = l.lagMinutes();
        long ref = l.type() == Task.LinkType.FINISH_TO_FINISH ? lateFinish[d] : lateStart[d];
        if (ref == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        long bound = l.lagElapsed() ? ref - lag : cal.sub(ref, lag);
        if (l.type() == Task.LinkType.START_TO_START) {
            // bounds a's start: its latest finish is that plus its own span
            long span = calendar[a].between(p.start[a], p.finish[a]);
            return plan.tasks().get(a).kind() == Task.Kind.MILESTONE ? bound : calendar[a].add(bound, span);
        }
        return bound;
    }

    /** From the plan's finish back along driving, critical links to its start. */
    private List<Integer> criticalPath(Pass p, long[] slack, long planFinish) {
        int end = -1;
        for (int k = 0; k < p.placed; k++) {
            int a = p.order[k];
            if (p.finish[a] == planFinish && slack[a] == 0 && (end < 0 || a > end)) {
                end = a;
            }
        }
        List<Integer> path = new ArrayList<>();
        boolean[] seen = new boolean[n];
        for (int a = end; a >= 0 && !seen[a]; ) {
            seen[a] = true;
            path.add(0, a);
            int d = p.driver[a];
            if (d < 0) {
                break;
            }
            a = drivingLeaf(d, p);
        }
        // Drivers with float (an elapsed task ending at night, say) link the chain but are not on it.
        path.removeIf(x -> slack[x] != 0);
        return path;
    }

    // ------------------------------------------------------------------ deadlines

    private List<Diagnostic> deadlines(Pass p) {
        List<Diagnostic> out = new ArrayList<>();
        for (Task t : plan.tasks()) {
            int i = t.index();
            if (t.deadline() == null || !active[i] || p.finish[i] == Long.MIN_VALUE) {
                continue;
            }
            long deadline = grid.minute(t.deadline());
            if (p.finish[i] <= deadline) {
                continue;
            }
            long lateMinutes = planCalendar.between(deadline, p.finish[i]);
            double days = lateMinutes / (double) plan.minutesPerDay();
            String lateText = lateMinutes > 0 ? formatDays(days) + " working days" : "outside working time";
            LocalDateTime finish = grid.local(p.finish[i]);
            Diagnostic d = Diagnostic.of(Code.E0307, t.span(), "`" + t.path() + "` finishes " + Times.text(finish)
                    + ", " + lateText + " after its deadline " + t.deadlineText());
            List<String> chain = chain(i, p);
            if (!chain.isEmpty()) {
                d = d.withHelp("driven by: " + String.join(" → ", chain));
            }
            out.add(d.withHelp("shorten or parallelise that chain, add people to it, or move the deadline"));
        }
        return out;
    }

    /** The chain of activities that drives an activity's date, each with its working-time share. */
    private List<String> chain(int i, Pass p) {
        int a = drivingLeaf(i, p);
        if (a < 0) {
            return List.of();
        }
        List<String> chain = new ArrayList<>();
        boolean[] seen = new boolean[n];
        while (a >= 0 && !seen[a]) {
            seen[a] = true;
            Task t = plan.tasks().get(a);
            long span = calendar[a].between(p.start[a], p.finish[a]);
            String share = t.kind() == Task.Kind.MILESTONE ? "" : " (" + formatDays(span / (double) plan.minutesPerDay())
                    + "d" + (p.driver[a] == -2 ? ", waited for a resource" : "") + ")";
            chain.add(0, "`" + t.path() + "`" + share);
            int d = p.driver[a];
            if (d < 0) {
                break;
            }
            a = drivingLeaf(d, p);
        }
        return chain;
    }

    /**
     * The activity through which a task drives what follows it: itself if it is a leaf, else,
     * down through its groups, the child that finished last; -1 when nothing under it was placed.
     */
    private int drivingLeaf(int x, Pass p) {
        int a = x;
        while (!leaf[a]) {
            int last = -1;
            for (int c : plan.tasks().get(a).children()) {
                if (active[c] && p.finish[c] != Long.MIN_VALUE && (last < 0 || p.finish[c] > p.finish[last])) {
                    last = c;
                }
            }
            if (last < 0) {
                return -1;
            }
            a = last;
        }
        return a;
    }

    static String formatDays(double days) {
        BigDecimal v = BigDecimal.valueOf(days).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return v.toPlainString();
    }
}
