package dev.planc.compiler.resolve;

import dev.planc.compiler.ast.Action;
import dev.planc.compiler.ast.Assignment;
import dev.planc.compiler.ast.Attr;
import dev.planc.compiler.ast.DateRange;
import dev.planc.compiler.ast.DateValue;
import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.ast.Dependency;
import dev.planc.compiler.ast.Ident;
import dev.planc.compiler.ast.Member;
import dev.planc.compiler.ast.Ref;
import dev.planc.compiler.ast.TimeRange;
import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;
import dev.planc.compiler.model.Calendar;
import dev.planc.compiler.model.Condition;
import dev.planc.compiler.model.Contingency;
import dev.planc.compiler.model.FlagRules;
import dev.planc.compiler.model.Goal;
import dev.planc.compiler.model.Metric;
import dev.planc.compiler.model.Plan;
import dev.planc.compiler.model.Resource;
import dev.planc.compiler.model.Task;
import dev.planc.compiler.model.Team;
import dev.planc.compiler.source.Span;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Builds the {@link Plan} model from the declarations of one compilation (root file first,
 * included files spliced in where they are included). Reports unknown, ambiguous, duplicate and
 * wrong-kind references; everything else is left to the validation rules.
 */
public final class Resolver {
    /** Day names accepted by {@code workdays}. */
    public static final Map<String, DayOfWeek> WEEKDAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat",
            DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);

    private final Diagnostics diagnostics;
    private final Decl.PlanDecl planDecl;
    private final List<Decl> decls;

    /** Global namespace shared by resources, teams, calendars and metrics. */
    private final Map<String, List<Decl>> globals = new LinkedHashMap<>();
    private final Map<String, Decl.CalendarDecl> calendarDecls = new LinkedHashMap<>();
    private final Map<String, Calendar> calendars = new LinkedHashMap<>();
    private final Map<String, Integer> resourceIndex = new HashMap<>();
    private List<Resource> resourceList = List.of();
    private final Map<String, Team> teams = new LinkedHashMap<>();
    private final Map<String, Integer> metricIndex = new HashMap<>();
    private final List<TaskNode> taskNodes = new ArrayList<>();
    private final TaskNode root = new TaskNode(null, null, -1);
    /** Names bound to their declarations, keyed by where they are written (a name is bound once). */
    private final Map<Ident, References.Reference> bound = new LinkedHashMap<>();

    private Units units = new Units(480, 5);
    private @Nullable String currency;
    private Calendar defaultCalendar = Calendar.standard();

    private Resolver(Diagnostics diagnostics, Decl.PlanDecl planDecl, List<Decl> decls) {
        this.diagnostics = diagnostics;
        this.planDecl = planDecl;
        this.decls = decls;
    }

    /**
     * Resolves a compilation.
     *
     * @param planDecl the root file's plan block
     * @param decls all other top-level declarations in order, includes already spliced in
     */
    public static Plan resolve(Decl.PlanDecl planDecl, List<Decl> decls, Diagnostics diagnostics) {
        return new Resolver(diagnostics, planDecl, decls).run();
    }

    /** The model and every name it bound to a declaration. */
    public record Resolved(Plan plan, References references) {}

    /** {@link #resolve}, keeping where each resolved name is written and what it names. */
    public static Resolved resolveWithReferences(Decl.PlanDecl planDecl, List<Decl> decls, Diagnostics diagnostics) {
        Resolver r = new Resolver(diagnostics, planDecl, decls);
        Plan plan = r.run();
        return new Resolved(plan, new References(new ArrayList<>(r.bound.values())));
    }

    private void bind(Ident name, Decl target) {
        bound.putIfAbsent(name, new References.Reference(name, target));
    }

    /** The first declaration of a global name (resources, teams, calendars and metrics share them). */
    private void bindGlobal(Ident name) {
        List<Decl> same = globals.get(name.name());
        if (same != null) {
            bind(name, same.get(0));
        }
    }

    /** A task or milestone in the scope tree. */
    static final class TaskNode {
        final Decl.@Nullable TaskDecl task;
        final Decl.@Nullable MilestoneDecl milestone;
        final int index;
        @Nullable TaskNode parent;
        /** Children by id (several when an id is duplicated); empty and shared until the first child. */
        Map<String, List<TaskNode>> children = Map.of();
        /** Children in declaration order. */
        List<TaskNode> ordered = List.of();
        String path = "";

        TaskNode(Decl.@Nullable TaskDecl task, Decl.@Nullable MilestoneDecl milestone, int index) {
            this.task = task;
            this.milestone = milestone;
            this.index = index;
        }

        Decl decl() {
            return task != null ? task : java.util.Objects.requireNonNull(milestone);
        }

        Ident id() {
            return java.util.Objects.requireNonNull(decl().id());
        }

        boolean isMilestone() {
            return milestone != null;
        }

        boolean contingent() {
            return task != null && task.contingent();
        }

        /** Adds a child; the children already declared with its id, itself last. */
        List<TaskNode> add(String name, TaskNode child) {
            if (ordered.isEmpty()) {
                children = new LinkedHashMap<>();
                ordered = new ArrayList<>();
            }
            List<TaskNode> same = children.computeIfAbsent(name, k -> new ArrayList<>(1));
            same.add(child);
            ordered.add(child);
            return same;
        }
    }

    private Plan run() {
        planHeader();
        declareGlobals();
        for (Decl d : decls) {
            if (d instanceof Decl.TaskDecl || d instanceof Decl.MilestoneDecl) {
                declareTask(root, d);
            }
        }
        checkUniqueAmong(decls, Decl.GoalDecl.class, "goal");
        checkUniqueAmong(decls, Decl.ContingencyDecl.class, "contingency");

        for (Decl.CalendarDecl c : calendarDecls.values()) {
            calendar(c.id().name(), new ArrayList<>());
        }
        Ident planCal = single(planDecl.body(), Attr.UseCalendar.class) instanceof Attr.UseCalendar u ? u.calendar() : null;
        if (planCal != null) {
            Calendar c = lookupCalendar(planCal, "in the plan block");
            if (c != null) {
                defaultCalendar = c;
            }
        }
        List<Resource> resources = resources();
        resourceList = resources;
        teams();
        List<Metric> metrics = new ArrayList<>();
        List<Goal> goals = new ArrayList<>();
        metricsAndGoals(metrics, goals);
        List<Task> tasks = new ArrayList<>();
        for (TaskNode n : taskNodes) {
            tasks.add(task(n));
        }
        List<Contingency> contingencies = contingencies(metrics);

        LocalDateTime start = planStart();
        ZoneId zone = zone();
        String name = planDecl.name() != null ? planDecl.name().value() : "";
        return new Plan(name, start, zone, currency, units.minutesPerDay(), units.daysPerWeek(), defaultCalendar,
                List.copyOf(calendars.values()), resources, List.copyOf(teams.values()), tasks, goals, metrics,
                contingencies, flagRules(), planDecl.span());
    }

    // ------------------------------------------------------------------ plan header

    /** The plan's {@code flag_*} attributes over the defaults (values out of range are E0111 and ignored). */
    private FlagRules flagRules() {
        FlagRules d = FlagRules.defaults();
        long slip = d.slipMinutes();
        BigDecimal spiGreen = d.spiGreen();
        BigDecimal spiAmber = d.spiAmber();
        BigDecimal cpiGreen = d.cpiGreen();
        BigDecimal cpiAmber = d.cpiAmber();
        if (single(planDecl.body(), Attr.FlagSlip.class) instanceof Attr.FlagSlip f) {
            Long m = units.minutes(f.value());
            if (m != null) {
                slip = Math.max(0, m);
            }
        }
        if (single(planDecl.body(), Attr.FlagSpi.class) instanceof Attr.FlagSpi f
                && validBands(f.green().value(), f.amber().value())) {
            spiGreen = f.green().value();
            spiAmber = f.amber().value();
        }
        if (single(planDecl.body(), Attr.FlagCpi.class) instanceof Attr.FlagCpi f
                && validBands(f.green().value(), f.amber().value())) {
            cpiGreen = f.green().value();
            cpiAmber = f.amber().value();
        }
        return new FlagRules(slip, spiGreen, spiAmber, cpiGreen, cpiAmber);
    }

    /** Flag bands are {@code 0 < amber < green <= 1}. */
    public static boolean validBands(BigDecimal green, BigDecimal amber) {
        return amber.signum() > 0 && amber.compareTo(green) < 0 && green.compareTo(BigDecimal.ONE) <= 0;
    }

    private void planHeader() {
        int minutesPerDay = 480;
        int daysPerWeek = 5;
        if (single(planDecl.body(), Attr.HoursPerDay.class) instanceof Attr.HoursPerDay h) {
            BigDecimal v = h.value().value();
            if (v.signum() > 0 && v.compareTo(BigDecimal.valueOf(24)) <= 0) {
                minutesPerDay = v.multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.HALF_UP).intValue();
            }
        }
        if (single(planDecl.body(), Attr.DaysPerWeek.class) instanceof Attr.DaysPerWeek d) {
            BigDecimal v = d.value().value();
            if (v.signum() > 0 && v.compareTo(BigDecimal.valueOf(7)) <= 0 && v.stripTrailingZeros().scale() <= 0) {
                daysPerWeek = v.intValue();
            }
        }
        units = new Units(minutesPerDay, daysPerWeek);
        if (single(planDecl.body(), Attr.Currency.class) instanceof Attr.Currency c) {
            currency = c.code().name();
        }
    }

    private LocalDateTime planStart() {
        if (single(planDecl.body(), Attr.Start.class) instanceof Attr.Start s && s.date().value() != null) {
            return s.date().value();
        }
        return LocalDate.of(1970, 1, 1).atStartOfDay(); // missing start is reported (E0210)
    }

    private ZoneId zone() {
        if (single(planDecl.body(), Attr.Timezone.class) instanceof Attr.Timezone t) {
            try {
                return ZoneId.of(t.zone().value());
            } catch (DateTimeException e) {
                return ZoneOffset.UTC; // reported by the time-zone rule
            }
        }
        return ZoneOffset.UTC;
    }

    // ------------------------------------------------------------------ namespaces

    private void declareGlobals() {
        for (Decl d : decls) {
            if (d instanceof Decl.ResourceDecl || d instanceof Decl.TeamDecl || d instanceof Decl.CalendarDecl) {
                declareGlobal(d);
            } else if (d instanceof Decl.GoalDecl g) {
                for (Member m : g.body()) {
                    if (m instanceof Decl.MetricDecl md) {
                        declareGlobal(md);
                    }
                }
            } else if (d instanceof Decl.MetricDecl md) {
                declareGlobal(md);
            }
        }
    }

    private void declareGlobal(Decl d) {
        Ident id = java.util.Objects.requireNonNull(d.id());
        List<Decl> same = globals.computeIfAbsent(id.name(), k -> new ArrayList<>());
        if (!same.isEmpty()) {
            Decl first = same.get(0);
            diagnostics.report(Diagnostic.of(Code.E0206, id.span(), "duplicate id `" + id.name() + "`: a "
                    + first.keyword() + " of that name is already declared")
                    .withLabel("already declared at " + java.util.Objects.requireNonNull(first.id()).span().location())
                    .withHelp("resources, teams, calendars and metrics share one namespace"));
        }
        same.add(d);
        if (same.size() == 1 && d instanceof Decl.CalendarDecl c) {
            calendarDecls.put(id.name(), c);
        }
    }

    private void declareTask(TaskNode parent, Decl d) {
        TaskNode node = d instanceof Decl.TaskDecl t ? new TaskNode(t, null, taskNodes.size())
                : new TaskNode(null, (Decl.MilestoneDecl) d, taskNodes.size());
        node.parent = parent;
        String name = node.id().name();
        node.path = parent == root ? name : parent.path + "." + name;
        List<TaskNode> same = parent.add(name, node);
        if (same.size() > 1) {
            TaskNode first = same.get(0);
            diagnostics.report(Diagnostic.of(Code.E0206, node.id().span(), "duplicate id `" + node.path + "`: a "
                    + first.decl().keyword() + " of that name is already declared "
                    + (parent == root ? "at top level" : "in `" + parent.path + "`"))
                    .withLabel("already declared at " + first.id().span().location()));
        }
        taskNodes.add(node);
        if (d instanceof Decl.TaskDecl t) {
            List<Member> body = t.body();
            for (int i = 0; i < body.size(); i++) {
                Member m = body.get(i);
                if (m instanceof Decl.TaskDecl child) {
                    declareTask(node, child);
                } else if (m instanceof Decl.MilestoneDecl child) {
                    declareTask(node, child);
                }
            }
        }
    }

    private <T extends Decl> void checkUniqueAmong(List<Decl> all, Class<T> kind, String noun) {
        Map<String, Decl> seen = new HashMap<>();
        for (Decl d : all) {
            if (kind.isInstance(d)) {
                Ident id = java.util.Objects.requireNonNull(d.id());
                Decl first = seen.putIfAbsent(id.name(), d);
                if (first != null) {
                    diagnostics.report(Diagnostic.of(Code.E0206, id.span(), "duplicate id `" + id.name() + "`: a "
                            + noun + " of that name is already declared")
                            .withLabel("already declared at " + java.util.Objects.requireNonNull(first.id()).span().location()));
                }
            }
        }
    }

    // ------------------------------------------------------------------ calendars

    private @Nullable Calendar calendar(String id, List<String> visiting) {
        Calendar done = calendars.get(id);
        if (done != null) {
            return done;
        }
        Decl.CalendarDecl decl = calendarDecls.get(id);
        if (decl == null) {
            return null;
        }
        if (visiting.contains(id)) {
            List<String> cycle = new ArrayList<>(visiting.subList(visiting.indexOf(id), visiting.size()));
            cycle.add(id);
            diagnostics.report(Diagnostic.of(Code.E0213, decl.id().span(), "calendar extends cycle: "
                    + String.join(" → ", cycle.stream().map(s -> "`" + s + "`").toList())));
            return null;
        }
        visiting.add(id);
        Calendar parent = null;
        if (single(decl.body(), Attr.Extends.class) instanceof Attr.Extends ext) {
            if (calendarDecls.containsKey(ext.calendar().name())) {
                bindGlobal(ext.calendar());
                parent = calendar(ext.calendar().name(), visiting);
            } else {
                unknownCalendar(ext.calendar(), "in `extends` of calendar `" + id + "`");
            }
        }
        visiting.remove(visiting.size() - 1);
        Calendar base = parent != null ? parent : Calendar.standard();

        Set<DayOfWeek> workdays = base.workdays();
        if (single(decl.body(), Attr.Workdays.class) instanceof Attr.Workdays w) {
            EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (Ident day : w.days()) {
                DayOfWeek dow = WEEKDAYS.get(day.name());
                if (dow != null) {
                    days.add(dow);
                }
            }
            workdays = days;
        }
        List<Calendar.Window> hours = base.hours();
        if (single(decl.body(), Attr.Hours.class) instanceof Attr.Hours h) {
            hours = windows(h.ranges());
        }
        List<Calendar.DayRange> holidays = new ArrayList<>(parent != null ? parent.holidays() : List.of());
        for (Member m : decl.body()) {
            if (m instanceof Attr.Holiday hol) {
                Calendar.DayRange r = dayRange(hol.range(), hol.reason() != null ? hol.reason().value() : null);
                if (r != null) {
                    holidays.add(r);
                }
            }
        }
        Calendar cal = new Calendar(id, workdays, hours, holidays, decl.span());
        calendars.put(id, cal);
        return cal;
    }

    /** Valid, ordered, non-overlapping windows; invalid ones are reported by the hours rule. */
    private static List<Calendar.Window> windows(List<TimeRange> ranges) {
        List<Calendar.Window> list = new ArrayList<>();
        for (TimeRange r : ranges) {
            int from = r.from().minutes();
            int to = r.to().minutes();
            if (from >= 0 && to > from) {
                list.add(new Calendar.Window(from, to));
            }
        }
        list.sort(java.util.Comparator.comparingInt(Calendar.Window::from));
        List<Calendar.Window> merged = new ArrayList<>();
        for (Calendar.Window w : list) {
            if (!merged.isEmpty() && merged.get(merged.size() - 1).to() > w.from()) {
                continue; // overlap: reported; keep the earlier window
            }
            merged.add(w);
        }
        return merged;
    }

    private static Calendar.@Nullable DayRange dayRange(DateRange range, @Nullable String reason) {
        LocalDateTime from = range.from().value();
        LocalDateTime to = range.to() != null ? range.to().value() : from;
        if (from == null || to == null || to.toLocalDate().isBefore(from.toLocalDate())) {
            return null;
        }
        return new Calendar.DayRange(from.toLocalDate(), to.toLocalDate(), reason);
    }

    private @Nullable Calendar lookupCalendar(Ident id, String where) {
        if (calendarDecls.containsKey(id.name())) {
            bindGlobal(id);
            return calendars.get(id.name());
        }
        unknownCalendar(id, where);
        return null;
    }

    private void unknownCalendar(Ident id, String where) {
        List<Decl> other = globals.get(id.name());
        if (other != null) {
            diagnostics.report(Diagnostic.of(Code.E0211, id.span(), "`" + id.name() + "` is a "
                    + other.get(0).keyword() + ", not a calendar (" + where + ")"));
            return;
        }
        Diagnostic d = Diagnostic.of(Code.E0203, id.span(), "unknown calendar `" + id.name() + "` " + where);
        diagnostics.report(withSuggestion(d, id.name(), calendarDecls.keySet()));
    }

    // ------------------------------------------------------------------ resources and teams

    private List<Resource> resources() {
        List<Resource> list = new ArrayList<>();
        for (Decl d : decls) {
            if (!(d instanceof Decl.ResourceDecl r) || resourceIndex.containsKey(r.id().name())
                    || globals.get(r.id().name()).get(0) != r) {
                continue;
            }
            BigDecimal capacity = BigDecimal.ONE;
            if (single(r.body(), Attr.Capacity.class) instanceof Attr.Capacity c && c.amount().units().signum() > 0) {
                capacity = c.amount().units();
            }
            Resource.Rate rate = null;
            if (single(r.body(), Attr.Rate.class) instanceof Attr.Rate rt) {
                String cur = rt.money().currency() != null ? rt.money().currency().name() : currency;
                rate = new Resource.Rate(rt.money().amount(), cur, rt.per().name().equals("h"));
            }
            Calendar cal = defaultCalendar;
            if (single(r.body(), Attr.UseCalendar.class) instanceof Attr.UseCalendar uc) {
                Calendar c = lookupCalendar(uc.calendar(), "in resource `" + r.id().name() + "`");
                if (c != null) {
                    cal = c;
                }
            }
            List<Calendar.DayRange> leaves = new ArrayList<>();
            for (Member m : r.body()) {
                if (m instanceof Attr.Leave l) {
                    Calendar.DayRange dr = dayRange(l.range(), l.reason() != null ? l.reason().value() : null);
                    if (dr != null) {
                        leaves.add(dr);
                    }
                }
            }
            String title = r.title() != null ? r.title().value() : r.id().name();
            resourceIndex.put(r.id().name(), list.size());
            list.add(new Resource(list.size(), r.id().name(), title, capacity, rate, cal, leaves, r.span()));
        }
        return list;
    }

    private void teams() {
        for (Decl d : decls) {
            if (!(d instanceof Decl.TeamDecl t) || globals.get(t.id().name()).get(0) != t) {
                continue;
            }
            List<Integer> members = new ArrayList<>();
            for (Member m : t.body()) {
                if (m instanceof Attr.Members ms) {
                    for (Ident id : ms.members()) {
                        Integer idx = resourceIndex.get(id.name());
                        if (idx != null) {
                            bindGlobal(id);
                            if (!members.contains(idx)) {
                                members.add(idx);
                            }
                        } else {
                            unknownResource(id, "in `members` of team `" + t.id().name() + "`", false);
                        }
                    }
                }
            }
            String title = t.title() != null ? t.title().value() : t.id().name();
            teams.put(t.id().name(), new Team(t.id().name(), title, members, t.span()));
        }
    }

    private void unknownResource(Ident id, String where, boolean teamsAllowed) {
        List<Decl> other = globals.get(id.name());
        String kind = other != null ? other.get(0).keyword()
                : taskNodes.stream().filter(n -> n.id().name().equals(id.name())).findFirst()
                        .map(n -> n.decl().keyword()).orElse(null);
        if (kind != null) {
            diagnostics.report(Diagnostic.of(Code.E0211, id.span(), "`" + id.name() + "` is a "
                    + kind + ", not a resource" + (teamsAllowed ? " or team" : "") + " (" + where + ")"));
            return;
        }
        Set<String> candidates = new TreeSet<>(resourceIndex.keySet());
        if (teamsAllowed) {
            for (Decl d : decls) {
                if (d instanceof Decl.TeamDecl t) {
                    candidates.add(t.id().name());
                }
            }
        }
        Diagnostic d = Diagnostic.of(Code.E0202, id.span(), "unknown resource `" + id.name() + "` " + where);
        diagnostics.report(withSuggestion(d, id.name(), candidates));
    }

    // ------------------------------------------------------------------ metrics and goals

    private void metricsAndGoals(List<Metric> metrics, List<Goal> goals) {
        for (Decl d : decls) {
            if (d instanceof Decl.MetricDecl md) {
                metric(md, null, metrics);
            } else if (d instanceof Decl.GoalDecl g) {
                List<Integer> goalMetrics = new ArrayList<>();
                for (Member m : g.body()) {
                    if (m instanceof Decl.MetricDecl md) {
                        Integer idx = metric(md, g.id().name(), metrics);
                        if (idx != null) {
                            goalMetrics.add(idx);
                        }
                    }
                }
                List<Integer> milestones = new ArrayList<>();
                for (Member m : g.body()) {
                    if (m instanceof Attr.Milestones ms) {
                        for (Ref ref : ms.milestones()) {
                            TaskNode n = lookupTask(ref, root, "in `milestones` of goal `" + g.id().name() + "`");
                            if (n == null) {
                                continue;
                            }
                            if (!n.isMilestone()) {
                                diagnostics.report(Diagnostic.of(Code.E0211, ref.span(), "`" + n.path
                                        + "` is a task, not a milestone (in `milestones` of goal `" + g.id().name() + "`)")
                                        .withHelp("a goal is delivered by milestones; declare `milestone " + n.id().name()
                                                + " { after ... }`"));
                            } else if (!milestones.contains(n.index)) {
                                milestones.add(n.index);
                            }
                        }
                    }
                }
                String owner = null;
                if (single(g.body(), Attr.Owner.class) instanceof Attr.Owner o) {
                    if (resourceIndex.containsKey(o.owner().name()) || teams.containsKey(o.owner().name())) {
                        bindGlobal(o.owner());
                        owner = o.owner().name();
                    } else {
                        unknownResource(o.owner(), "as `owner` of goal `" + g.id().name() + "`", true);
                    }
                }
                String note = single(g.body(), Attr.Note.class) instanceof Attr.Note n ? n.text().value() : null;
                String title = g.title() != null ? g.title().value() : g.id().name();
                goals.add(new Goal(g.id().name(), title, milestones, goalMetrics, owner, note, g.span()));
            }
        }
    }

    private @Nullable Integer metric(Decl.MetricDecl md, @Nullable String goal, List<Metric> metrics) {
        if (globals.get(md.id().name()).get(0) != md) {
            return null;
        }
        String unit = single(md.body(), Attr.Unit.class) instanceof Attr.Unit u ? u.unit().value() : null;
        BigDecimal baseline = single(md.body(), Attr.Baseline.class) instanceof Attr.Baseline b ? b.value().value() : null;
        BigDecimal target = null;
        LocalDate by = null;
        if (single(md.body(), Attr.Target.class) instanceof Attr.Target t) {
            target = t.value().value();
            by = t.by().value() != null ? t.by().value().toLocalDate() : null;
        }
        BigDecimal tolerance = new BigDecimal("0.10");
        if (single(md.body(), Attr.Tolerance.class) instanceof Attr.Tolerance t && t.amount().percent()) {
            tolerance = t.amount().units();
        }
        boolean lower;
        if (single(md.body(), Attr.LowerIsBetter.class) != null) {
            lower = true;
        } else {
            lower = baseline != null && target != null && target.compareTo(baseline) < 0;
        }
        String title = md.title() != null ? md.title().value() : md.id().name();
        int idx = metrics.size();
        metricIndex.put(md.id().name(), idx);
        metrics.add(new Metric(idx, md.id().name(), title, goal, unit, baseline, target, by, tolerance, lower, md.span()));
        return idx;
    }

    // ------------------------------------------------------------------ tasks

    private Task task(TaskNode n) {
        Decl decl = n.decl();
        List<Member> body = decl.body();
        String title = n.task != null && n.task.title() != null ? n.task.title().value()
                : n.milestone != null && n.milestone.title() != null ? n.milestone.title().value() : n.id().name();
        Task.Kind kind = n.isMilestone() ? Task.Kind.MILESTONE : n.ordered.isEmpty() ? Task.Kind.TASK : Task.Kind.GROUP;

        // The first of each single-valued attribute, in one pass (duplicates are reported by a rule).
        Attr.Duration dur = null;
        Attr.Effort eff = null;
        Attr.StartNoEarlier noEarlier = null;
        Attr.Deadline dl = null;
        Attr.Priority prio = null;
        Attr.Budget bud = null;
        Attr.Cost cst = null;
        Attr.Note nt = null;
        for (int i = 0; i < body.size(); i++) {
            Member m = body.get(i);
            if (m instanceof Attr.Duration a) {
                dur = dur == null ? a : dur;
            } else if (m instanceof Attr.Effort a) {
                eff = eff == null ? a : eff;
            } else if (m instanceof Attr.StartNoEarlier a) {
                noEarlier = noEarlier == null ? a : noEarlier;
            } else if (m instanceof Attr.Deadline a) {
                dl = dl == null ? a : dl;
            } else if (m instanceof Attr.Priority a) {
                prio = prio == null ? a : prio;
            } else if (m instanceof Attr.Budget a) {
                bud = bud == null ? a : bud;
            } else if (m instanceof Attr.Cost a) {
                cst = cst == null ? a : cst;
            } else if (m instanceof Attr.Note a) {
                nt = nt == null ? a : nt;
            }
        }

        Task.Work work = null;
        if (n.task != null) {
            if (dur != null) {
                Long m = units.minutes(dur.value());
                if (m != null) {
                    work = new Task.Work(false, m, java.util.Objects.requireNonNull(dur.value().unit()).elapsed());
                }
            } else if (eff != null) {
                Long m = units.minutes(eff.value());
                if (m != null) {
                    work = new Task.Work(true, m, java.util.Objects.requireNonNull(eff.value().unit()).elapsed());
                }
            }
        }

        List<Task.Allocation> allocations = new ArrayList<>();
        for (Member m : body) {
            if (m instanceof Attr.Assign a) {
                for (Assignment as : a.assignments()) {
                    allocate(as, n, allocations);
                }
            }
        }

        List<Task.Link> links = new ArrayList<>();
        for (Member m : body) {
            if (m instanceof Attr.After a) {
                for (Dependency d : a.dependencies()) {
                    link(d, n, d.fromStart() ? Task.LinkType.START_TO_START : Task.LinkType.FINISH_TO_START, links,
                            "after");
                }
            } else if (m instanceof Attr.FinishAfter fa) {
                Dependency d = fa.dependency();
                if (d.fromStart()) {
                    diagnostics.report(Diagnostic.of(Code.E0113, d.span(), "`finish after` takes a task's finish; "
                            + "`.start` is not allowed here"));
                    continue;
                }
                link(d, n, Task.LinkType.FINISH_TO_FINISH, links, "finish after");
            }
        }

        LocalDateTime startNoEarlier = noEarlier != null ? noEarlier.date().value() : null;
        LocalDateTime deadline = null;
        String deadlineText = null;
        if (dl != null && dl.date().value() != null) {
            DateValue dv = dl.date();
            deadlineText = dv.text();
            // A deadline date means the end of that day.
            deadline = dv.hasTime() ? dv.value() : dv.value().toLocalDate().plusDays(1).atStartOfDay();
        }
        int priority = 500;
        if (prio != null) {
            BigDecimal v = prio.value().value();
            if (v.compareTo(BigDecimal.ONE) >= 0 && v.compareTo(BigDecimal.valueOf(1000)) <= 0
                    && v.stripTrailingZeros().scale() <= 0) {
                priority = v.intValue();
            }
        }
        Task.Money budget = bud != null ? money(bud.money()) : null;
        Task.Money cost = cst != null ? money(cst.money()) : null;
        String note = nt != null ? nt.text().value() : null;
        int parent = n.parent == null || n.parent == root ? -1 : n.parent.index;
        List<Integer> children = new ArrayList<>(n.ordered.size());
        for (TaskNode c : n.ordered) {
            children.add(c.index);
        }
        return new Task(n.index, n.id().name(), n.path, title, kind, n.contingent(), parent, children, work,
                allocations, links, startNoEarlier, deadline, deadlineText, priority, budget, cost, note, decl.span());
    }

    private Task.Money money(dev.planc.compiler.ast.Money m) {
        return new Task.Money(m.amount(), m.currency() != null ? m.currency().name() : currency);
    }

    private void allocate(Assignment as, TaskNode task, List<Task.Allocation> out) {
        String name = as.resource().name();
        Integer r = resourceIndex.get(name);
        List<Integer> targets;
        if (r != null) {
            bindGlobal(as.resource());
            targets = List.of(r);
        } else if (teams.containsKey(name)) {
            bindGlobal(as.resource());
            targets = teams.get(name).members();
        } else {
            unknownResource(as.resource(), "in `assign` of " + task.decl().keyword() + " `" + task.path + "`", true);
            return;
        }
        for (int idx : targets) {
            // Default: one unit, or the whole capacity of a resource that has less than one.
            BigDecimal units = as.amount() != null ? as.amount().units()
                    : resourceList.get(idx).capacity().min(BigDecimal.ONE);
            out.add(new Task.Allocation(idx, units, as.span()));
        }
    }

    private void link(Dependency d, TaskNode from, Task.LinkType type, List<Task.Link> out, String where) {
        TaskNode target = lookupTask(d.target(), from, () -> "in `" + where + "` of " + from.decl().keyword() + " `"
                + from.path + "`");
        if (target == null) {
            return;
        }
        long lag = 0;
        boolean elapsed = false;
        if (d.lag() != null) {
            Long m = units.minutes(d.lag());
            if (m == null) {
                return; // unit error reported by a rule
            }
            lag = d.lead() ? -m : m;
            elapsed = java.util.Objects.requireNonNull(d.lag().unit()).elapsed();
        }
        out.add(new Task.Link(target.index, type, lag, elapsed, d.span()));
    }

    /**
     * Lexical lookup: the first name in the scopes from {@code scope} outwards (a task's own
     * children first), then descending by the remaining names.
     */
    @Nullable TaskNode lookupTask(Ref ref, TaskNode scope, String where) {
        return lookupTask(ref, scope, () -> where);
    }

    /** As above, with the words for a message built only when there is one to report. */
    private @Nullable TaskNode lookupTask(Ref ref, TaskNode scope, java.util.function.Supplier<String> where) {
        Ident first = ref.parts().get(0);
        TaskNode found = null;
        for (TaskNode s = scope; s != null; s = s.parent) {
            List<TaskNode> hits = s.children.get(first.name());
            if (hits != null && hits.size() == 1 && hits.get(0) == scope) {
                continue; // a task never waits for itself: `task design { after design }` means an outer `design`
            }
            if (hits != null) {
                if (hits.size() > 1) {
                    ambiguous(first, hits);
                    return null;
                }
                found = hits.get(0);
                bind(first, found.decl());
                break;
            }
        }
        if (found == null) {
            Set<String> visible = new TreeSet<>();
            for (TaskNode s = scope; s != null; s = s.parent) {
                visible.addAll(s.children.keySet());
            }
            if (globals.containsKey(first.name())) {
                diagnostics.report(Diagnostic.of(Code.E0211, first.span(), "`" + first.name() + "` is a "
                        + globals.get(first.name()).get(0).keyword() + ", not a task or milestone (" + where.get() + ")"));
                return null;
            }
            Diagnostic d = Diagnostic.of(Code.E0201, ref.parts().size() == 1 ? ref.span() : first.span(),
                    "unknown task `" + first.name() + "` " + where.get());
            diagnostics.report(withSuggestion(d, first.name(), visible));
            return null;
        }
        for (int i = 1; i < ref.parts().size(); i++) {
            Ident part = ref.parts().get(i);
            List<TaskNode> hits = found.children.get(part.name());
            if (hits == null) {
                Diagnostic d = Diagnostic.of(Code.E0201, part.span(), "unknown task `" + found.path + "."
                        + part.name() + "` " + where.get());
                d = withSuggestion(d, part.name(), found.children.keySet());
                if (d.label() == null) {
                    d = d.withLabel(found.ordered.isEmpty() ? "`" + found.path + "` has no children"
                            : "not a child of `" + found.path + "`");
                }
                diagnostics.report(d);
                return null;
            }
            if (hits.size() > 1) {
                ambiguous(part, hits);
                return null;
            }
            found = hits.get(0);
            bind(part, found.decl());
        }
        return found;
    }

    private void ambiguous(Ident id, List<TaskNode> hits) {
        StringBuilder where = new StringBuilder();
        for (TaskNode h : hits) {
            where.append(where.length() == 0 ? "" : ", ").append(h.id().span().location());
        }
        diagnostics.report(Diagnostic.of(Code.E0205, id.span(), "ambiguous reference `" + id.name()
                + "`: it names " + hits.size() + " declarations (" + where + ")")
                .withHelp("ids must be unique among siblings; rename one of them"));
    }

    // ------------------------------------------------------------------ contingencies

    private List<Contingency> contingencies(List<Metric> metrics) {
        List<Contingency> list = new ArrayList<>();
        ExpressionTyper typer = new ExpressionTyper(diagnostics, metricIndex, currency, units,
                (ref, where) -> {
                    TaskNode n = lookupTask(ref, root, where);
                    return n == null ? null : n.index;
                }, taskName -> root.children.containsKey(taskName),
                name -> globals.containsKey(name) ? globals.get(name).get(0).keyword() : null, this::bindGlobal);
        Set<String> seen = new java.util.HashSet<>();
        for (Decl d : decls) {
            if (!(d instanceof Decl.ContingencyDecl c) || !seen.add(c.id().name())) {
                continue;
            }
            Condition when = null;
            if (single(c.body(), Attr.When.class) instanceof Attr.When w) {
                when = typer.condition(w.condition());
            }
            List<Contingency.Effect> effects = new ArrayList<>();
            for (Member m : c.body()) {
                if (m instanceof Attr.Then then) {
                    for (Action a : then.actions()) {
                        Contingency.Effect e = effect(a, c);
                        if (e != null) {
                            effects.add(e);
                        }
                    }
                }
            }
            boolean once = single(c.body(), Attr.Once.class) != null;
            String title = c.title() != null ? c.title().value() : c.id().name();
            if (when != null) {
                list.add(new Contingency(c.id().name(), title, when, effects, once, c.span()));
            }
        }
        return list;
    }

    private Contingency.@Nullable Effect effect(Action a, Decl.ContingencyDecl c) {
        String where = "of contingency `" + c.id().name() + "`";
        if (a instanceof Action.Notify n) {
            String id = n.target().name();
            if (resourceIndex.containsKey(id)) {
                bindGlobal(n.target());
                return new Contingency.Effect.Notify(id, false, n.message().value(), n.span());
            } else if (teams.containsKey(id)) {
                bindGlobal(n.target());
                return new Contingency.Effect.Notify(id, true, n.message().value(), n.span());
            }
            unknownResource(n.target(), "in `notify` " + where, true);
            return null;
        } else if (a instanceof Action.Activate act) {
            TaskNode t = lookupTask(act.task(), root, "in `activate` " + where);
            if (t == null) {
                return null;
            }
            if (!t.contingent()) {
                diagnostics.report(Diagnostic.of(Code.E0306, act.task().span(), "cannot activate `" + t.path
                        + "` (in contingency `" + c.id().name() + "`): " + (t.isMilestone()
                                ? "it is a milestone, and only a contingent task can be activated"
                                : "it is not a contingent task, so it is scheduled anyway"))
                        .withHelp("declare it as `task " + t.id().name() + " \"...\" contingent { ... }`"));
                return null;
            }
            return new Contingency.Effect.Activate(t.index, act.span());
        } else if (a instanceof Action.Escalate e) {
            return new Contingency.Effect.Escalate(e.message().value(), e.span());
        }
        return null;
    }

    // ------------------------------------------------------------------ helpers

    /** The first attribute of a kind in a body (duplicates are reported by a rule). */
    static @Nullable Attr single(List<Member> body, Class<? extends Attr> kind) {
        for (int i = 0; i < body.size(); i++) {
            Member m = body.get(i);
            if (m.getClass() == kind) { // attributes are records, so final: the same as kind.isInstance(m)
                return (Attr) m;
            }
        }
        return null;
    }

    static Diagnostic withSuggestion(Diagnostic d, String word, java.util.Collection<String> candidates) {
        String best = Suggest.closest(word, candidates);
        return best == null ? d : d.withLabel("did you mean `" + best + "`?");
    }
}
