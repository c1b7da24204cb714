package dev.planc.compiler.tj;

import dev.planc.compiler.model.Plan;
import dev.planc.compiler.model.Resource;
import dev.planc.compiler.model.Task;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a resolved Planc plan as a TaskJuggler 3 project (.tjp) that must schedule to the same
 * dates when nothing competes for a resource.
 *
 * <p>The mapping (from the issue, and what TJ 3.7 does, read from its source):
 * <ul>
 *   <li>{@code duration 3d} is {@code length}; TJ counts a length in the project's working time
 *       (or the task's {@code shifts}), never in its resources' time. Planc counts it in the time
 *       when all assigned resources work, so a task whose resources' time differs from the
 *       project's gets task {@code shifts}: the resources' common weekly hours, and an all-off
 *       shift over every holiday and leave day of any of them.</li>
 *   <li>elapsed {@code 3ed} is {@code duration}; {@code effort} + {@code assign} is
 *       {@code effort} + {@code allocate}, a part-time share ({@code capacity 50%}) is the
 *       resource's {@code efficiency 0.5}.</li>
 *   <li>{@code after X + 2h} is {@code depends X { gaplength }}, {@code + 2ed}
 *       {@code gapduration}, {@code X.start} {@code onstart}; {@code start >= D} is a dependency on
 *       a hidden milestone fixed at D; an inclusive range {@code a..b} is {@code a - (b + 1 day)}.</li>
 *   <li>TJ has no leads and no finish-to-finish links in forward scheduling. Where the
 *       predecessor's span is known in the same time as the link (both on the project's
 *       working time, or both elapsed) they are written as the equivalent start-to-start link:
 *       {@code after X - L} is {@code X { onstart gaplength span(X) - L }} and
 *       {@code finish after X + L} is {@code X { onstart gaplength span(X) + L - span(self) }}.</li>
 *   <li>Every top-level task waits for a hidden milestone at Planc's plan start (the first
 *       working minute of the plan's calendar), so tasks without predecessors start at the same
 *       moment; TJ's project itself starts at midnight, since TJ reads the project's start before
 *       its {@code timingresolution} and wants it on the hour.</li>
 *   <li>TJ's global leaves take every resource off, so only the holidays that all calendars
 *       share are global; the rest are resource leaves (and task shifts, above).</li>
 *   <li>TJ's start of a duration task is the moment it may start, so a start-to-start link on one
 *       means something else than Planc's (from its first working minute) unless no working time
 *       of the project lies between; where that cannot be told from the plan, the link's targets
 *       are listed in {@link Translation#startToStartOnDuration()} for the comparison to check.
 *       A start-to-start link on an effort task is refused: TJ passes the start on before the
 *       first booking moves it, then reports its own dependency as violated.</li>
 *   <li>{@code timingresolution 5min}, TJ's finest: every date, length and lag of a translated plan
 *       must fall on five minutes.</li>
 * </ul>
 * Anything TJ cannot say the same way is refused with {@link Unrepresentable} naming why, never
 * translated approximately.
 */
final class TjTranslator {
    static final int RESOLUTION = 5;
    private static final DateTimeFormatter TJ_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH:mm");
    private static final DateTimeFormatter TJ_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    /** The plan uses something TaskJuggler cannot express exactly. */
    static final class Unrepresentable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unrepresentable(String why) {
            super(why);
        }
    }

    /**
     * @param tjp the project text
     * @param ids Planc task index to TJ full id, for every task compared
     * @param snapStart leaf tasks whose TJ start is the moment they may start: their Planc start is
     *     the first working minute of this time at or after it
     * @param projectStart Planc's plan start, where TJ's tasks without predecessors start too
     * @param startToStartOnDuration duration tasks that a start-to-start link waits for: comparable
     *     only where TJ's start (the moment it may start) is also its first working minute
     */
    record Translation(String tjp, Map<Integer, String> ids, Map<Integer, WorkSpec> snapStart,
            LocalDateTime projectStart, Set<Integer> startToStartOnDuration) {}

    private enum Kind { MILESTONE, GROUP, LENGTH, ELAPSED, EFFORT }

    private final Plan plan;
    private final List<Task> tasks;
    private final WorkSpec defaultSpec;
    private final WorkSpec global;
    private final WorkSpec[] resourceSpec;
    private final LocalDateTime projectStart;
    private final LocalDateTime projectEnd;
    private final Map<String, String> shiftIds = new LinkedHashMap<>();
    private final StringBuilder shifts = new StringBuilder();
    private final StringBuilder hidden = new StringBuilder();
    private final Map<Integer, String> ids = new LinkedHashMap<>();
    private final Map<Integer, WorkSpec> snap = new HashMap<>();
    private final Set<Integer> ssOnDuration = new TreeSet<>();

    private TjTranslator(Plan plan, LocalDateTime projectEnd) {
        this.plan = plan;
        this.tasks = plan.tasks();
        this.defaultSpec = WorkSpec.of(plan.defaultCalendar(), List.of());
        this.resourceSpec = new WorkSpec[plan.resources().size()];
        Set<LocalDate> common = new TreeSet<>(defaultSpec.off());
        for (Resource r : plan.resources()) {
            resourceSpec[r.index()] = WorkSpec.of(r);
            Set<LocalDate> calHolidays = new TreeSet<>();
            WorkSpec.addDays(r.calendar().holidays(), calHolidays);
            common.retainAll(calHolidays);
        }
        // TJ's global leaves take every resource off, so only holidays all calendars share are global.
        this.global = new WorkSpec(defaultSpec.week(), common);
        LocalDateTime ps = defaultSpec.firstWorkAtOrAfter(plan.start());
        if (ps == null) {
            throw new Unrepresentable("the plan's calendar has no working time");
        }
        this.projectStart = ps;
        this.projectEnd = projectEnd;
        if (projectEnd.getYear() > 2035) {
            throw new Unrepresentable("a plan beyond 2035: TJ 3.7 knows no later year");
        }
        if (plan.zone().getRules().getOffset(plan.start()).getTotalSeconds() % 3600 != 0) {
            throw new Unrepresentable("a time zone off the whole hour: TJ's project start must be hour-aligned");
        }
    }

    static Translation translate(Plan plan, LocalDateTime projectEnd) {
        return new TjTranslator(plan, projectEnd).run();
    }

    private Translation run() {
        aligned(projectStart.getMinute(), "the plan start");
        for (Task t : tasks) {
            if (t.contingent()) {
                throw new Unrepresentable("contingent task " + t.path());
            }
        }
        Map<Integer, BigDecimal> efficiency = efficiencies();
        StringBuilder sb = new StringBuilder();
        // TJ reads the project's start before its timingresolution (the default, one hour), so the
        // project starts at midnight and a hidden milestone at Planc's plan start holds every task.
        LocalDateTime midnight = projectStart.toLocalDate().atStartOfDay();
        sb.append("project plan \"Plan\" ").append(midnight.format(TJ_TIME)).append('-')
                .append(offsetText(plan.zone().getRules().getOffset(midnight)))
                .append(" - ").append(projectEnd.format(TJ_TIME)).append('-')
                .append(offsetText(plan.zone().getRules().getOffset(projectEnd))).append(" {\n");
        sb.append("  timingresolution ").append(RESOLUTION).append("min\n");
        String zone = plan.zone().normalized().getId();
        sb.append("  timezone \"").append(zone.equals("Z") ? "UTC" : zone).append("\"\n");
        sb.append("  dailyworkinghours ").append(plan.minutesPerDay() / 60.0).append('\n');
        sb.append(global.workingHours("  "));
        sb.append("}\n");
        checkWeek(global);
        // Global leaves: the holidays every calendar shares.
        leaves(sb, "", "holiday", global.off());
        for (Resource r : plan.resources()) {
            WorkSpec spec = resourceSpec[r.index()];
            checkWeek(spec);
            sb.append("resource ").append(r.id()).append(" \"").append(r.id()).append("\" {\n");
            sb.append(spec.workingHours("  "));
            Set<LocalDate> own = new TreeSet<>(spec.off());
            own.removeAll(global.off());
            leaves(sb, "  ", "annual", own);
            BigDecimal e = efficiency.get(r.index());
            if (e != null && e.compareTo(BigDecimal.ONE) != 0) {
                sb.append("  efficiency ").append(e.stripTrailingZeros().toPlainString()).append('\n');
            }
            sb.append("}\n");
        }
        StringBuilder body = new StringBuilder();
        for (Task t : tasks) {
            if (t.parent() < 0) {
                task(t, body, "");
            }
        }
        sb.append(shifts);
        sb.append(body);
        sb.append(hidden);
        sb.append("task tjplanstart \"tjplanstart\" {\n  milestone\n  start ").append(projectStart.format(TJ_TIME))
                .append("\n}\n");
        sb.append("taskreport tjout \"tjout\" {\n  formats csv\n  columns id, start, end\n")
                .append("  timeformat \"%Y-%m-%dT%H:%M\"\n}\n");
        return new Translation(sb.toString(), ids, snap, projectStart, ssOnDuration);
    }

    private static String offsetText(ZoneOffset offset) {
        return offset.getTotalSeconds() == 0 ? "+0000" : offset.getId().replace(":", "");
    }

    private static void leaves(StringBuilder sb, String indent, String type, Set<LocalDate> days) {
        for (LocalDate[] run : runs(days)) {
            sb.append(indent).append("leaves ").append(type).append(' ').append(run[0].format(TJ_DATE)).append(" - ")
                    .append(run[1].plusDays(1).format(TJ_DATE)).append('\n');
        }
    }

    /** Consecutive days as inclusive runs. */
    private static List<LocalDate[]> runs(Set<LocalDate> days) {
        List<LocalDate[]> out = new ArrayList<>();
        for (LocalDate d : new TreeSet<>(days)) {
            if (!out.isEmpty() && out.get(out.size() - 1)[1].plusDays(1).equals(d)) {
                out.get(out.size() - 1)[1] = d;
            } else {
                out.add(new LocalDate[] {d, d});
            }
        }
        return out;
    }

    private void checkWeek(WorkSpec spec) {
        for (List<int[]> ws : spec.week().values()) {
            for (int[] w : ws) {
                aligned(w[0], "working hours");
                aligned(w[1], "working hours");
            }
        }
    }

    private static void aligned(long minutes, String what) {
        if (minutes % RESOLUTION != 0) {
            throw new Unrepresentable(what + " not on " + RESOLUTION + " minutes: TJ's finest resolution");
        }
    }

    /** Per resource the amount it contributes to effort: TJ's efficiency is one number per resource. */
    private Map<Integer, BigDecimal> efficiencies() {
        Map<Integer, BigDecimal> e = new HashMap<>();
        for (Task t : tasks) {
            if (kind(t) != Kind.EFFORT) {
                continue;
            }
            for (Task.Allocation a : t.assignments()) {
                BigDecimal prev = e.putIfAbsent(a.resource(), a.units());
                if (prev != null && prev.compareTo(a.units()) != 0) {
                    throw new Unrepresentable("resource " + plan.resources().get(a.resource()).id()
                            + " gives effort at two rates; TJ's efficiency is per resource");
                }
            }
        }
        return e;
    }

    private Kind kind(Task t) {
        if (t.kind() == Task.Kind.MILESTONE) {
            return Kind.MILESTONE;
        }
        if (t.kind() == Task.Kind.GROUP) {
            return Kind.GROUP;
        }
        Task.Work w = t.work();
        if (w == null) {
            throw new Unrepresentable("leaf task without work " + t.path());
        }
        if (w.elapsed()) {
            return Kind.ELAPSED;
        }
        return w.effort() ? Kind.EFFORT : Kind.LENGTH;
    }

    /** The time a duration task's length counts in: when all its resources work. */
    private WorkSpec lengthSpec(Task t) {
        WorkSpec spec = null;
        for (Task.Allocation a : t.assignments()) {
            spec = spec == null ? resourceSpec[a.resource()] : spec.intersect(resourceSpec[a.resource()]);
        }
        return spec == null ? defaultSpec : spec;
    }

    /**
     * The time a working lag on this leaf counts in (LANGUAGE.md §4: the successor's calendar,
     * its resources' or else the plan's), or null when it is none TJ could count in.
     */
    private WorkSpec lagSpec(Task t) {
        switch (kind(t)) {
            case MILESTONE:
                return defaultSpec;
            case LENGTH:
                return lengthSpec(t);
            case EFFORT: {
                WorkSpec first = null;
                for (Task.Allocation a : t.assignments()) {
                    WorkSpec s = resourceSpec[a.resource()];
                    if (first == null) {
                        first = s;
                    } else if (!first.sameAs(s)) {
                        return null; // the union of different times: TJ counts gaps in one time only
                    }
                }
                return first;
            }
            case ELAPSED:
                // No calendar of its own: per §4 a task's calendar is its resources', else the plan's.
                return t.assignments().isEmpty() ? defaultSpec : lengthSpec(t);
            default:
                return null;
        }
    }

    private List<Task> leavesOf(Task t) {
        List<Task> out = new ArrayList<>();
        collect(t, out);
        return out;
    }

    private void collect(Task t, List<Task> out) {
        if (t.kind() != Task.Kind.GROUP) {
            out.add(t);
            return;
        }
        for (int c : t.children()) {
            collect(tasks.get(c), out);
        }
    }

    /** Every leaf under the task counts working lags in TJ's project working time. */
    private boolean lagInGlobalTime(Task dependent) {
        for (Task l : leavesOf(dependent)) {
            WorkSpec s = lagSpec(l);
            if (s == null || !s.sameAs(global)) {
                return false;
            }
        }
        return true;
    }

    private boolean onGlobalLength(Task t) {
        return kind(t) == Kind.LENGTH && lengthSpec(t).sameAs(global);
    }

    private void task(Task t, StringBuilder sb, String indent) {
        ids.put(t.index(), t.path());
        sb.append(indent).append("task ").append(t.id()).append(" \"").append(t.id()).append("\" {\n");
        String in = indent + "  ";
        Kind k = kind(t);
        switch (k) {
            case MILESTONE -> sb.append(in).append("milestone\n");
            case LENGTH -> {
                long m = t.work().minutes();
                aligned(m, "duration of " + t.path());
                sb.append(in).append("length ").append(m).append("min\n");
            }
            case ELAPSED -> {
                long m = t.work().minutes();
                aligned(m, "duration of " + t.path());
                sb.append(in).append("duration ").append(m).append("min\n");
            }
            case EFFORT -> {
                long m = t.work().minutes();
                aligned(m, "effort of " + t.path());
                sb.append(in).append("effort ").append(m).append("min\n");
            }
            default -> { }
        }
        if (!t.assignments().isEmpty()) {
            if (k == Kind.GROUP || k == Kind.MILESTONE) {
                throw new Unrepresentable("assignment on " + t.path());
            }
            List<String> rs = new ArrayList<>();
            for (Task.Allocation a : t.assignments()) {
                rs.add(plan.resources().get(a.resource()).id());
            }
            sb.append(in).append("allocate ").append(String.join(", ", rs)).append('\n');
        }
        List<String> deps = new ArrayList<>();
        if (t.parent() < 0) {
            deps.add("tjplanstart");
        }
        for (Task.Link l : t.dependencies()) {
            String dep = link(t, l);
            if (deps.contains(dep) || inherited(t, dep)) {
                continue; // TJ refuses a dependency given twice, also when a parent has it
            }
            for (String other : deps) {
                if (sameTarget(other, dep)) {
                    throw new Unrepresentable("two different links to one task on " + t.path());
                }
            }
            deps.add(dep);
        }
        linkTexts.put(t.index(), new ArrayList<>(deps));
        if (t.startNoEarlier() != null && t.startNoEarlier().isAfter(projectStart)) {
            LocalDateTime c = t.startNoEarlier();
            aligned(c.getMinute(), "start >= of " + t.path());
            String id = "tjsne_" + t.index();
            hidden.append("task ").append(id).append(" \"").append(id).append("\" {\n  milestone\n  start ")
                    .append(c.format(TJ_TIME)).append("\n}\n");
            deps.add(id);
        }
        if (!deps.isEmpty()) {
            sb.append(in).append("depends ").append(String.join(", ", deps)).append('\n');
        }
        if (k == Kind.LENGTH) {
            WorkSpec spec = lengthSpec(t);
            snap.put(t.index(), spec);
            if (!spec.sameAs(global)) {
                sb.append(in).append("shifts ").append(shiftAssignments(spec)).append('\n');
            }
        }
        for (int c : t.children()) {
            task(tasks.get(c), sb, in);
        }
        sb.append(indent).append("}\n");
    }

    private final Map<Integer, List<String>> linkTexts = new HashMap<>();

    private static boolean sameTarget(String a, String b) {
        return a.split(" ")[0].equals(b.split(" ")[0]);
    }

    /** An ancestor already has this link (fine) or another to the same task (TJ cannot take both). */
    private boolean inherited(Task t, String dep) {
        for (int p = t.parent(); p >= 0; p = tasks.get(p).parent()) {
            for (String d : linkTexts.getOrDefault(p, List.of())) {
                if (d.equals(dep)) {
                    return true;
                }
                if (sameTarget(d, dep)) {
                    throw new Unrepresentable("a link of " + t.path() + " to a task its parent links to otherwise");
                }
            }
        }
        return false;
    }

    private String link(Task d, Task.Link l) {
        Task x = tasks.get(l.target());
        long lag = l.lagMinutes();
        aligned(Math.abs(lag), "lag on " + d.path());
        String ref = x.path();
        boolean elapsed = l.lagElapsed();
        switch (l.type()) {
            case FINISH_TO_START -> {
                if (lag == 0) {
                    return ref;
                }
                if (lag > 0) {
                    if (elapsed) {
                        return ref + " { gapduration " + lag + "min }";
                    }
                    requireGlobalLag(d);
                    return ref + " { gaplength " + lag + "min }";
                }
                // A lead: start-to-start with the predecessor's span less the lead.
                long span = leafSpan(x, elapsed);
                if (span < -lag) {
                    throw new Unrepresentable("a lead longer than its predecessor on " + d.path());
                }
                if (!elapsed) {
                    if (!onGlobalLength(x) || !leafOnGlobalWork(d)) {
                        throw new Unrepresentable("working lead between tasks not both on the project's time: "
                                + d.path());
                    }
                }
                return onStart(ref, span + lag, elapsed);
            }
            case START_TO_START -> {
                if (lag < 0) {
                    throw new Unrepresentable("start-to-start lead on " + d.path());
                }
                boolean safe = !elapsed && (lag > 0 || leavesOf(d).stream().allMatch(
                        y -> kind(y) == Kind.LENGTH || kind(y) == Kind.EFFORT)) && lagInGlobalTime(d);
                for (Task leaf : leavesOf(x)) {
                    if (kind(leaf) == Kind.EFFORT) {
                        // TJ passes an effort task's start on before its first booking moves it.
                        throw new Unrepresentable("start-to-start on an effort task: " + d.path());
                    }
                    // From the moment a duration task on the project's time may start to its first working
                    // minute there is no project working time: a working lag (or none, before a task that
                    // works in that time) ends at the same minute from either. Otherwise check TJ's dates.
                    if (kind(leaf) == Kind.LENGTH && !(safe && onGlobalLength(leaf))) {
                        ssOnDuration.add(leaf.index());
                    }
                }
                if (lag > 0 && !elapsed) {
                    requireGlobalLag(d);
                }
                return onStart(ref, lag, elapsed);
            }
            case FINISH_TO_FINISH -> {
                if (x.kind() == Task.Kind.GROUP || d.kind() != Task.Kind.TASK) {
                    throw new Unrepresentable("finish-to-finish on a group or milestone: " + d.path());
                }
                boolean bothElapsed = kind(x) == Kind.ELAPSED && kind(d) == Kind.ELAPSED && (lag == 0 || elapsed);
                boolean bothWorking = onGlobalLength(x) && onGlobalLength(d) && (lag == 0 || !elapsed);
                if (!bothElapsed && !bothWorking) {
                    throw new Unrepresentable("finish-to-finish other than between two elapsed tasks or two duration"
                            + " tasks on the project's time: " + d.path());
                }
                long gap = x.work().minutes() + lag - d.work().minutes();
                if (gap < 0) {
                    throw new Unrepresentable("finish-to-finish whose bound falls before the predecessor's start: "
                            + d.path());
                }
                return onStart(ref, gap, bothElapsed);
            }
            default -> throw new Unrepresentable("link type " + l.type());
        }
    }

    private static String onStart(String ref, long gap, boolean elapsed) {
        if (gap == 0) {
            return ref + " { onstart }";
        }
        return ref + " { onstart " + (elapsed ? "gapduration " : "gaplength ") + gap + "min }";
    }

    private long leafSpan(Task x, boolean elapsed) {
        Kind k = kind(x);
        if (elapsed ? k != Kind.ELAPSED : k != Kind.LENGTH) {
            throw new Unrepresentable("a lead on " + x.path() + " whose span is not in the lead's time");
        }
        return x.work().minutes();
    }

    private boolean leafOnGlobalWork(Task d) {
        if (d.kind() != Task.Kind.TASK) {
            return false;
        }
        Kind k = kind(d);
        return (k == Kind.LENGTH || k == Kind.EFFORT) && lagInGlobalTime(d);
    }

    private void requireGlobalLag(Task d) {
        if (!lagInGlobalTime(d)) {
            throw new Unrepresentable("working lag on " + d.path()
                    + ", whose calendar is not the project's working time TJ counts gaplength in");
        }
    }

    /** TJ {@code shifts} for a task working in {@code spec}: its hours, and an all-off shift on days off. */
    private String shiftAssignments(WorkSpec spec) {
        checkWeek(spec);
        String key = spec.workingHours("");
        String on = shiftIds.get(key);
        if (on == null) {
            on = "tjshift" + shiftIds.size();
            shiftIds.put(key, on);
            shifts.append("shift ").append(on).append(" \"").append(on).append("\" {\n")
                    .append(spec.workingHours("  ")).append("}\n");
        }
        if (!shiftIds.containsKey("off")) {
            shiftIds.put("off", "tjshiftoff");
            shifts.append("shift tjshiftoff \"off\" {\n  workinghours mon-sun off\n}\n");
        }
        List<String> parts = new ArrayList<>();
        LocalDateTime from = projectStart;
        Boolean working = null;
        LocalDate last = projectEnd.toLocalDate();
        for (LocalDate day = projectStart.toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            boolean w = !spec.off().contains(day);
            if (working == null) {
                working = w;
                continue;
            }
            if (w != working) {
                LocalDateTime at = day.atStartOfDay();
                parts.add((working ? on : "tjshiftoff") + " " + from.format(TJ_TIME) + " - " + at.format(TJ_TIME));
                from = at;
                working = w;
            }
        }
        parts.add((working ? on : "tjshiftoff") + " " + from.format(TJ_TIME) + " - " + projectEnd.format(TJ_TIME));
        return String.join(", ", parts);
    }
}
