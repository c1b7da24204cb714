package dev.planc.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Deterministic generator of large, valid {@code .plan} files for benchmarks.
 *
 * <p>The same {@code (tasks, seed)} always gives the same text (only {@link Random} with a fixed
 * seed and lists are used; nothing depends on hash order). {@code tasks} is the exact number of
 * {@code task} and {@code milestone} declarations in the output, groups and contingent tasks
 * included.
 *
 * <p>What a generated plan contains, so the compiler sees every construct at scale:
 * <ul>
 *   <li>a plan block (time zone, currency, default calendar, hours/days per unit);</li>
 *   <li>up to four calendars, one extending another, with lunch breaks and holidays (single days
 *       and ranges) over five years;</li>
 *   <li>a few dozen resources (people, part-timers, pools with a capacity of 2..6) with rates,
 *       calendars and leaves, and a handful of teams;</li>
 *   <li>top-level phases nested 2 to 4 levels deep, each followed by a top-level milestone;
 *       leaves are effort tasks (always assigned) and duration tasks (working and elapsed
 *       units), with priorities, budgets, costs, notes, {@code start >=} constraints, and
 *       milestones inside groups;</li>
 *   <li>finish-to-start, start-to-start (with lags and leads) and a few finish-to-finish
 *       dependencies, always on a task whose declaration is already closed (never on an
 *       ancestor), so the dependency graph is acyclic by construction; siblings are referenced by
 *       name, everything else by its full path;</li>
 *   <li>contingent tasks (nested and top level), each activated by exactly one contingency whose
 *       {@code when} mixes slips, progress, lateness, metrics, {@code today}, {@code spi} and
 *       {@code cpi};</li>
 *   <li>goals owning the phase milestones and metrics with baselines, targets and tolerances.</li>
 * </ul>
 * Every resource is assigned somewhere and every calendar is used, so the output checks with zero
 * errors and zero warnings. Milestone deadlines are far in the future (2199) so the plan stays
 * valid once deadlines are checked against a schedule.
 */
public final class PlanGenerator {

    /** Default seed used by the benchmarks and the command line. */
    public static final long DEFAULT_SEED = 20270104L;

    /** Smallest supported size: enough leaves to assign every resource. */
    public static final int MIN_TASKS = 10;

    private static final LocalDate PLAN_START = LocalDate.of(2027, 1, 4);

    private static final String[] VERBS = {"design", "review", "build", "test", "migrate", "deploy", "document",
        "audit", "survey", "prototype", "integrate", "harden", "measure", "tune", "refactor", "train", "order",
        "install", "inspect", "approve", "specify", "validate", "pilot", "roll_out"};
    private static final String[] VERB_TITLES = {"Design", "Review", "Build", "Test", "Migrate", "Deploy",
        "Document", "Audit", "Survey", "Prototype", "Integrate", "Harden", "Measure", "Tune", "Refactor", "Train",
        "Order", "Install", "Inspect", "Approve", "Specify", "Validate", "Pilot", "Roll out"};
    private static final String[] NOUNS = {"api", "ledger", "schema", "checkout", "search", "billing", "auth",
        "webhooks", "sdk", "docs", "roof", "wiring", "plumbing", "facade", "firmware", "pipeline", "dashboard",
        "reports", "cache", "gateway", "mobile_app", "onboarding", "payroll", "warehouse", "crm", "kiosk"};
    private static final String[] NOUN_TITLES = {"the API", "the ledger", "the schema", "checkout", "search",
        "billing", "authentication", "webhooks", "the SDK", "the docs", "the roof", "the wiring", "the plumbing",
        "the façade", "the firmware", "the pipeline", "the dashboard", "the reports", "the cache", "the gateway",
        "the mobile app", "onboarding", "payroll", "the warehouse", "the CRM", "the kiosk"};
    private static final String[] AREAS = {"platform", "payments", "growth", "infra", "data", "site", "office",
        "retail", "support", "security", "mobile", "hardware"};
    private static final String[] AREA_TITLES = {"Platform", "Payments", "Growth", "Infrastructure", "Data",
        "Site works", "Office move", "Retail roll-out", "Customer support", "Security", "Mobile", "Hardware"};
    private static final String[] PEOPLE = {"priya", "tom", "mei", "sam", "anke", "lena", "bob", "kemal", "ute",
        "jonas", "fatima", "li", "olga", "pedro", "aiko", "noah", "zeynep", "marta", "ravi", "chen", "emma", "lars",
        "ines", "yusuf", "hana", "omar", "sofia", "bjorn", "amara", "tariq"};
    private static final String[] SURNAMES = {"Shah", "Becker", "Lin", "Okafor", "Wolf", "Vogt", "Schulz",
        "Aydın", "Brandt", "Weiß", "Haddad", "Wei", "Petrova", "Álvarez", "Sato", "Fischer", "Kaya", "Nowak",
        "Iyer", "Zhang", "Müller", "Berg", "Costa", "Demir", "Kim", "Farouk", "Rossi", "Lindqvist", "Mensah",
        "Qureshi"};
    private static final String[] POOLS = {"runners", "test_rigs", "cranes", "gpu_nodes", "scaffold_bays",
        "lab_seats", "vans", "build_agents"};
    private static final String[] POOL_TITLES = {"Load-test runners", "Test rigs", "Mobile cranes", "GPU nodes",
        "Scaffold bays (rented)", "Test lab seats", "Delivery vans", "CI build agents"};
    private static final String[] NOTES = {"Reviewed by two pilot customers before it is published.",
        "Pre-agreed with \\\"TestWorks Ltd\\\": three testers on two days' notice.",
        "Blocked on the vendor's sign-off; chase weekly.", "Scope cut agreed in the Monday sync.",
        "Needs the staging environment for the whole week.", "Budget includes a 10% contingency reserve.",
        "Übergabe an den Betrieb mit Protokoll.", "Owner rotates every sprint."};

    private final Random rnd;
    private final int total;
    private final long seed;
    private final StringBuilder out;

    /** A declared task or milestone. */
    private static final class Node {
        final String name;
        final String path;
        final Node parent;
        final boolean milestone;
        final boolean contingent;
        final boolean group;

        Node(String name, Node parent, boolean milestone, boolean contingent, boolean group) {
            this.name = name;
            this.parent = parent;
            this.path = parent == null ? name : parent.path + "." + name;
            this.milestone = milestone;
            this.contingent = contingent;
            this.group = group;
        }
    }

    /** A resource as the generator knows it. */
    private record Res(String id, boolean pool, int capacityUnits, boolean half, String calendar) {}

    private record Team(String id, List<Integer> members) {}

    private final List<Res> resources = new ArrayList<>();
    private final List<Team> teams = new ArrayList<>();
    private final Deque<Integer> unusedResources = new ArrayDeque<>();
    /** Non-contingent tasks and milestones whose declarations are closed: valid dependency targets. */
    private final List<Node> closed = new ArrayList<>();
    private final List<Node> contingentTasks = new ArrayList<>();
    private final List<Node> phaseMilestones = new ArrayList<>();
    private final List<String> metrics = new ArrayList<>();
    /** All task and milestone declarations so far. */
    private int declared;
    /** Non-contingent ones: the phases fill {@code total - contingentBudget} of these. */
    private int regularDeclared;
    private int serial;
    private int contingentBudget;

    private PlanGenerator(int total, long seed) {
        this.total = total;
        this.seed = seed;
        this.rnd = new Random(seed);
        this.out = new StringBuilder(Math.max(1 << 16, total * 140));
    }

    /** A valid plan with exactly {@code tasks} task and milestone declarations. */
    public static String generate(int tasks, long seed) {
        if (tasks < MIN_TASKS) {
            throw new IllegalArgumentException("at least " + MIN_TASKS + " tasks, not " + tasks);
        }
        return new PlanGenerator(tasks, seed).run();
    }

    public static String generate(int tasks) {
        return generate(tasks, DEFAULT_SEED);
    }

    /** {@code PlanGenerator N OUT.plan [seed]}. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: PlanGenerator N OUT.plan [seed]");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0].replace("_", ""));
        long seed = args.length == 3 ? Long.parseLong(args[2]) : DEFAULT_SEED;
        String text = generate(n, seed);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path target = Path.of(args[1]);
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        Files.write(target, bytes);
        System.err.printf(Locale.ROOT, "wrote %s: %d tasks, seed %d, %d bytes, %d lines%n", target, n, seed,
                bytes.length, text.chars().filter(c -> c == '\n').count());
    }

    // ------------------------------------------------------------------ top level

    private String run() {
        // About 0.5% of the tasks are contingent fallbacks (at least one).
        contingentBudget = Math.max(1, total / 200);
        header();
        int nResources = Math.min(36, Math.max(3, total / 4));
        List<String> usedCalendars = planResources(nResources);
        calendars(usedCalendars);
        resourceDecls();
        teamDecls();
        line(0, "");
        line(0, "# ---------------------------------------------------------------- work");
        int regular = total - contingentBudget;
        int phase = 0;
        while (regularDeclared < regular) {
            int left = regular - regularDeclared;
            if (left >= 3) {
                phase(++phase, regular);
            } else {
                Node leaf = leaf(null, 0, regular);
                closed.add(leaf);
            }
        }
        // Contingent tasks that were not placed inside a group go to the top level.
        if (contingentBudget > 0) {
            line(0, "");
            line(0, "# Contingent work: scheduled only when a contingency below activates it.");
        }
        while (contingentBudget > 0) {
            contingentTask(null, 0);
        }
        if (declared != total) {
            throw new IllegalStateException("declared " + declared + " tasks, wanted " + total);
        }
        if (!unusedResources.isEmpty()) {
            throw new IllegalStateException("resources left unassigned: " + unusedResources);
        }
        goals();
        contingencies();
        return out.toString();
    }

    private void header() {
        line(0, "# Generated by dev.planc.bench.PlanGenerator: " + total + " tasks, seed " + seed + ".");
        line(0, "# A programme of phases nested 2-4 levels deep; regenerate rather than edit.");
        line(0, "");
        line(0, "plan \"Generated programme (" + total + " tasks)\" {");
        line(1, "start " + PLAN_START);
        line(1, "timezone \"Europe/Berlin\"");
        line(1, "currency EUR");
        line(1, "calendar office");
        line(1, "hours_per_day 8");
        line(1, "days_per_week 5");
        line(1, "note \"Seed " + seed + "\"");
        line(0, "}");
        line(0, "");
    }

    // ------------------------------------------------------------------ calendars and resources

    /** Decides resources, their calendars and teams; returns the calendars in use besides {@code office}. */
    private List<String> planResources(int n) {
        List<String> calendars = new ArrayList<>();
        int pools = Math.max(1, n / 6);
        for (int i = 0; i < n; i++) {
            boolean pool = i >= n - pools;
            String cal = switch (i % 6) {
                case 1 -> "plant";
                case 2 -> "us_office";
                case 3 -> "support";
                default -> "";
            };
            if (pool) {
                cal = i % 2 == 0 ? "support" : "plant";
            }
            if (!cal.isEmpty() && !calendars.contains(cal)) {
                calendars.add(cal);
            }
            String id;
            if (pool) {
                int k = n - 1 - i;
                id = POOLS[k % POOLS.length] + (k >= POOLS.length ? "_" + (k / POOLS.length + 1) : "");
                resources.add(new Res(id, true, 2 + rnd.nextInt(5), false, cal));
            } else {
                id = PEOPLE[i % PEOPLE.length] + (i >= PEOPLE.length ? "_" + (i / PEOPLE.length + 1) : "");
                resources.add(new Res(id, false, 1, rnd.nextInt(6) == 0, cal));
            }
            unusedResources.add(i);
        }
        int people = n - pools;
        int nTeams = Math.min(8, Math.max(1, people / 4));
        for (int t = 0; t < nTeams; t++) {
            List<Integer> members = new ArrayList<>();
            int size = 2 + rnd.nextInt(4);
            for (int k = 0; k < size; k++) {
                int m = rnd.nextInt(people);
                if (!members.contains(m)) {
                    members.add(m);
                }
            }
            teams.add(new Team("team_" + AREAS[t % AREAS.length] + (t >= AREAS.length ? "_" + t : ""), members));
        }
        return calendars;
    }

    private void calendars(List<String> used) {
        line(0, "calendar office {");
        line(1, "workdays mon tue wed thu fri");
        line(1, "hours 09:00-12:30, 13:30-18:00      # 8 working hours, lunch 12:30-13:30");
        for (int y = PLAN_START.getYear(); y < PLAN_START.getYear() + 5; y++) {
            line(1, "holiday " + LocalDate.of(y, 1, 1) + " \"New Year's Day\"");
            LocalDate easter = easterSunday(y);
            line(1, "holiday " + easter.minusDays(2) + " \"Good Friday\"");
            line(1, "holiday " + easter.plusDays(1) + " \"Easter Monday\"");
            line(1, "holiday " + LocalDate.of(y, 5, 1));
            line(1, "holiday " + easter.plusDays(39) + " \"Ascension Day\"");
            line(1, "holiday " + LocalDate.of(y, 10, 3) + " \"Day of German Unity\"");
            line(1, "holiday " + LocalDate.of(y, 12, 24) + ".." + LocalDate.of(y, 12, 31) + " \"Winter break\"");
        }
        line(0, "}");
        line(0, "");
        if (used.contains("plant")) {
            line(0, "# The plant works Monday to Saturday with a 30-minute lunch break.");
            line(0, "calendar plant {");
            line(1, "extends office");
            line(1, "workdays mon tue wed thu fri sat");
            line(1, "hours 07:00-11:30, 12:00-15:30");
            for (int y = PLAN_START.getYear(); y < PLAN_START.getYear() + 5; y++) {
                LocalDate shutdown = LocalDate.of(y, 8, 1).with(java.time.temporal.TemporalAdjusters
                        .nextOrSame(DayOfWeek.MONDAY));
                line(1, "holiday " + shutdown + ".." + shutdown.plusDays(11) + " \"Summer shutdown\"");
            }
            line(0, "}");
            line(0, "");
        }
        if (used.contains("us_office")) {
            line(0, "calendar us_office {");
            line(1, "workdays mon tue wed thu fri");
            line(1, "hours 08:30-12:00, 13:00-17:30");
            for (int y = PLAN_START.getYear(); y < PLAN_START.getYear() + 5; y++) {
                line(1, "holiday " + LocalDate.of(y, 7, 4) + " \"Independence Day\"");
                LocalDate thanksgiving = LocalDate.of(y, 11, 1).with(java.time.temporal.TemporalAdjusters
                        .dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
                line(1, "holiday " + thanksgiving + ".." + thanksgiving.plusDays(1) + " \"Thanksgiving\"");
                line(1, "holiday " + LocalDate.of(y, 12, 25) + " \"Christmas Day\"");
            }
            line(0, "}");
            line(0, "");
        }
        if (used.contains("support")) {
            line(0, "/* Support desk and shared equipment: seven days a week,");
            line(0, "   two shifts with a break in between. */");
            line(0, "calendar support {");
            line(1, "workdays mon tue wed thu fri sat sun");
            line(1, "hours 06:00-10:00, 10:15-14:15");
            for (int y = PLAN_START.getYear(); y < PLAN_START.getYear() + 5; y++) {
                line(1, "holiday " + LocalDate.of(y, 12, 25) + ".." + LocalDate.of(y, 12, 26) + " \"Christmas\";");
            }
            line(0, "}");
            line(0, "");
        }
    }

    /** Western Easter Sunday (anonymous Gregorian algorithm). */
    static LocalDate easterSunday(int y) {
        int a = y % 19;
        int b = y / 100;
        int c = y % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(y, month, day);
    }

    private void resourceDecls() {
        line(0, "/* People and equipment. Rates are fully loaded, per unit. */");
        for (int i = 0; i < resources.size(); i++) {
            Res r = resources.get(i);
            StringBuilder b = new StringBuilder();
            if (r.pool()) {
                int k = resources.size() - 1 - i;
                b.append("resource ").append(r.id()).append(" \"").append(POOL_TITLES[k % POOL_TITLES.length])
                        .append("\" { capacity ").append(r.capacityUnits()).append("  rate ")
                        .append(8 + rnd.nextInt(120)).append(" EUR/h");
            } else {
                String first = r.id().substring(0, 1).toUpperCase(Locale.ROOT) + r.id().substring(1);
                b.append("resource ").append(r.id()).append(" \"").append(first.replace('_', ' ')).append(' ')
                        .append(SURNAMES[i % SURNAMES.length]).append("\" {");
                if (r.half()) {
                    b.append(" capacity 50%");
                }
                b.append(rnd.nextBoolean() ? "  rate " + (420 + 10 * rnd.nextInt(40)) + " EUR/d"
                        : "  rate " + (55 + rnd.nextInt(60)) + "/h");
            }
            if (!r.calendar().isEmpty()) {
                b.append("  calendar ").append(r.calendar());
            }
            int nLeaves = r.pool() ? 0 : rnd.nextInt(3);
            for (int k = 0; k < nLeaves; k++) {
                LocalDate from = PLAN_START.plusDays(rnd.nextInt(3 * 365));
                if (rnd.nextInt(3) == 0) {
                    b.append("  leave ").append(from);
                } else {
                    b.append("  leave ").append(from).append("..").append(from.plusDays(rnd.nextInt(14)))
                            .append(rnd.nextBoolean() ? " \"Vacation\"" : " \"Parental leave\"");
                }
            }
            b.append(" }");
            line(0, b.toString());
        }
        line(0, "");
    }

    private void teamDecls() {
        for (Team t : teams) {
            StringBuilder b = new StringBuilder("team ").append(t.id()).append(" \"")
                    .append(t.id().substring(5).replace('_', ' ')).append(" team\" { members ");
            for (int k = 0; k < t.members().size(); k++) {
                b.append(k == 0 ? "" : ", ").append(resources.get(t.members().get(k)).id());
            }
            line(0, b.append(" }").toString());
        }
    }

    // ------------------------------------------------------------------ tasks

    /** A top-level group nested 2..4 levels deep, followed by a top-level milestone when room is left. */
    private void phase(int number, int regular) {
        int maxLevel = 2 + rnd.nextInt(3);
        line(0, "");
        int area = rnd.nextInt(AREAS.length);
        line(0, "# Phase " + number + ": " + AREA_TITLES[area]);
        String name = AREAS[area] + "_" + number;
        Node phase = group(null, name, AREA_TITLES[area] + ", phase " + number, 1, maxLevel, regular);
        if (regularDeclared < regular) {
            Node ms = new Node(name + "_done", null, true, false, false);
            declared++;
            regularDeclared++;
            StringBuilder b = new StringBuilder("milestone ").append(ms.name).append(" \"")
                    .append(AREA_TITLES[area]).append(", phase ").append(number).append(" done\" { after ")
                    .append(phase.name);
            if (rnd.nextInt(5) == 0) {
                b.append("  deadline 2199-12-31");
            }
            line(0, b.append(" }").toString());
            closed.add(ms);
            phaseMilestones.add(ms);
        }
    }

    private Node group(Node parent, String name, String title, int level, int maxLevel, int regular) {
        Node g = new Node(name, parent, false, false, true);
        declared++;
        regularDeclared++;
        int indent = level - 1;
        line(indent, "task " + name + " \"" + title + "\" {");
        if (rnd.nextInt(10) < 4) {
            String deps = dependencies(g, 1);
            if (!deps.isEmpty()) {
                line(indent + 1, "after " + deps);
            }
        }
        if (rnd.nextInt(10) < 3) {
            line(indent + 1, "budget " + (5 + rnd.nextInt(200)) * 1000 + " EUR");
        }
        if (rnd.nextInt(10) == 0) {
            line(indent + 1, "priority " + (1 + rnd.nextInt(1000)));
        }
        if (rnd.nextInt(20) == 0) {
            line(indent + 1, "note \"" + NOTES[rnd.nextInt(NOTES.length)] + "\"");
        }
        int children = 3 + rnd.nextInt(6);
        int made = 0;
        for (int c = 0; c < children && regularDeclared < regular; c++) {
            int left = regular - regularDeclared;
            double nestChance = level == 1 ? 0.7 : 0.35;
            if (level < maxLevel && left >= 3 && rnd.nextDouble() < nestChance) {
                int area = rnd.nextInt(NOUNS.length);
                String sub = NOUNS[area] + "_" + (++serial);
                String subTitle = capitalize(NOUN_TITLES[area]) + " workstream";
                Node child = group(g, sub, subTitle, level + 1, maxLevel, regular);
                closed.add(child);
            } else if (made > 0 && rnd.nextInt(12) == 0) {
                closed.add(milestone(g, indent + 1));
            } else if (contingentBudget > 0 && rnd.nextInt(Math.max(1, total / Math.max(1, contingentBudget))) == 0) {
                contingentTask(g, indent + 1);
                c--; // contingent tasks come out of their own budget
            } else {
                closed.add(leaf(g, indent + 1, regular));
            }
            made++;
        }
        line(indent, "}");
        return g;
    }

    private Node milestone(Node parent, int indent) {
        String name = "gate_" + (++serial);
        Node ms = new Node(name, parent, true, false, false);
        declared++;
        regularDeclared++;
        StringBuilder b = new StringBuilder("milestone ").append(name).append(" \"Gate ").append(serial)
                .append("\" {");
        String deps = dependencies(ms, 1 + rnd.nextInt(3));
        if (!deps.isEmpty()) {
            b.append(" after ").append(deps);
        }
        if (rnd.nextInt(8) == 0) {
            b.append("  deadline 2199-12-31");
        }
        if (rnd.nextInt(15) == 0) {
            b.append("  start >= ").append(PLAN_START.plusDays(rnd.nextInt(400)));
        }
        line(indent, b.append(" }").toString());
        return ms;
    }

    private Node leaf(Node parent, int indent, int regular) {
        int v = rnd.nextInt(VERBS.length);
        int o = rnd.nextInt(NOUNS.length);
        String name = VERBS[v] + "_" + NOUNS[o] + "_" + (++serial);
        Node t = new Node(name, parent, false, false, false);
        declared++;
        regularDeclared++;
        StringBuilder b = new StringBuilder("task ").append(name).append(" \"").append(VERB_TITLES[v]).append(' ')
                .append(NOUN_TITLES[o]).append("\" {");
        work(b, rnd.nextInt(100) < 60 || !unusedResources.isEmpty() && rnd.nextBoolean());
        int r = rnd.nextInt(100);
        int nDeps = r < 20 ? 0 : r < 75 ? 1 : r < 95 ? 2 : 3;
        String deps = dependencies(t, nDeps);
        if (!deps.isEmpty()) {
            b.append("  after ").append(deps);
        }
        if (rnd.nextInt(40) == 0) {
            Node target = pickTarget(t, List.of());
            if (target != null) {
                b.append("  finish after ").append(ref(t, target)).append(" + ").append(1 + rnd.nextInt(3)).append('d');
            }
        }
        if (rnd.nextInt(30) == 0) {
            b.append("  start >= ").append(PLAN_START.plusDays(rnd.nextInt(500)));
        }
        if (rnd.nextInt(10) < 3) {
            b.append("  priority ").append(1 + rnd.nextInt(1000));
        }
        if (rnd.nextInt(12) == 0) {
            b.append("  cost ").append(100 * (1 + rnd.nextInt(400))).append(rnd.nextBoolean() ? " EUR" : "");
        }
        if (rnd.nextInt(25) == 0) {
            b.append(rnd.nextBoolean() ? ";" : "").append("  note \"").append(NOTES[rnd.nextInt(NOTES.length)])
                    .append('"');
        }
        b.append(" }");
        if (rnd.nextInt(30) == 0) {
            b.append("   # ").append(rnd.nextBoolean() ? "estimate from the last release" : "TODO: confirm with the vendor");
        }
        line(indent, b.toString());
        return t;
    }

    private void contingentTask(Node parent, int indent) {
        String name = "fallback_" + (++serial);
        Node t = new Node(name, parent, false, true, false);
        declared++;
        contingentBudget--;
        int n = rnd.nextInt(NOUNS.length);
        StringBuilder b = new StringBuilder("task ").append(name).append(" \"Fallback for ").append(NOUN_TITLES[n])
                .append("\" contingent {");
        work(b, rnd.nextBoolean());
        String deps = dependencies(t, 1);
        if (!deps.isEmpty()) {
            b.append("  after ").append(deps);
        }
        if (rnd.nextBoolean()) {
            b.append("  priority ").append(600 + rnd.nextInt(400));
        }
        if (rnd.nextInt(3) == 0) {
            b.append("  cost ").append(1000 * (2 + rnd.nextInt(30))).append(" EUR");
        }
        line(indent, b.append(" }").toString());
        contingentTasks.add(t);
    }

    /** {@code effort ... assign ...} or {@code duration ... [assign ...]}. */
    private void work(StringBuilder b, boolean effort) {
        if (effort) {
            b.append(" effort ").append(workLength(false));
            b.append("  assign ").append(assignment());
        } else {
            boolean elapsed = rnd.nextInt(8) == 0;
            b.append(" duration ").append(workLength(elapsed));
            if (!elapsed && (rnd.nextBoolean() || !unusedResources.isEmpty())) {
                b.append("  assign ").append(assignment());
            }
        }
    }

    private String workLength(boolean elapsed) {
        if (elapsed) {
            return switch (rnd.nextInt(3)) {
                case 0 -> (1 + rnd.nextInt(10)) + "ed";
                case 1 -> (4 + rnd.nextInt(44)) + "eh";
                default -> (1 + rnd.nextInt(3)) + "ew";
            };
        }
        int r = rnd.nextInt(20);
        if (r == 0) {
            return (15 * (1 + rnd.nextInt(8))) + "min";
        } else if (r < 4) {
            return (1 + rnd.nextInt(7)) + "h";
        } else if (r < 6) {
            return (1 + rnd.nextInt(3)) + "w";
        } else if (r < 8) {
            return (1 + rnd.nextInt(4)) + ".5d";
        }
        return (1 + rnd.nextInt(10)) + "d";
    }

    /** One team, or one or two distinct resources; every resource is used once before any is reused. */
    private String assignment() {
        if (unusedResources.isEmpty() && !teams.isEmpty() && rnd.nextInt(6) == 0) {
            Team t = teams.get(rnd.nextInt(teams.size()));
            return t.id() + (rnd.nextInt(4) == 0 ? ":50%" : "");
        }
        int first = unusedResources.isEmpty() ? rnd.nextInt(resources.size()) : unusedResources.poll();
        StringBuilder b = new StringBuilder(amount(first));
        if (rnd.nextInt(4) == 0) {
            int second = unusedResources.isEmpty() ? rnd.nextInt(resources.size()) : unusedResources.poll();
            if (second != first) {
                b.append(", ").append(amount(second));
            }
        }
        return b.toString();
    }

    private String amount(int index) {
        Res r = resources.get(index);
        if (r.pool()) {
            int units = 1 + rnd.nextInt(r.capacityUnits());
            return units == 1 && rnd.nextBoolean() ? r.id() : r.id() + ":" + units;
        }
        if (r.half()) {
            return rnd.nextBoolean() ? r.id() : r.id() + ":50%";
        }
        return switch (rnd.nextInt(8)) {
            case 0 -> r.id() + ":50%";
            case 1 -> r.id() + ":80%";
            default -> r.id();
        };
    }

    // ------------------------------------------------------------------ dependencies

    /** Up to {@code n} distinct dependencies of {@code from} on closed, non-contingent declarations. */
    private String dependencies(Node from, int n) {
        StringBuilder b = new StringBuilder();
        List<Node> chosen = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Node target = pickTarget(from, chosen);
            if (target == null) {
                break;
            }
            chosen.add(target);
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(ref(from, target));
            int form = rnd.nextInt(100);
            if (form < 70) {
                continue; // finish-to-start, no lag
            } else if (form < 80) {
                b.append(" + ").append(lag());
            } else if (form < 85) {
                b.append(" - ").append(1 + rnd.nextInt(2)).append('d');
            } else if (form < 95) {
                b.append(".start");
            } else {
                b.append(".start + ").append(lag());
            }
        }
        return b.toString();
    }

    private String lag() {
        return switch (rnd.nextInt(5)) {
            case 0 -> (1 + rnd.nextInt(8)) + "h";
            case 1 -> (1 + rnd.nextInt(5)) + "ed";
            default -> (1 + rnd.nextInt(5)) + "d";
        };
    }

    /** Mostly one of the last few closed declarations (local chains), sometimes any earlier one. */
    private Node pickTarget(Node from, List<Node> exclude) {
        if (closed.isEmpty()) {
            return null;
        }
        for (int attempt = 0; attempt < 4; attempt++) {
            int size = closed.size();
            int idx = rnd.nextInt(100) < 85 ? size - 1 - rnd.nextInt(Math.min(size, 30)) : rnd.nextInt(size);
            Node t = closed.get(idx);
            if (!exclude.contains(t) && t != from) {
                return t;
            }
        }
        return null;
    }

    /** A sibling by its name; anything else by its full path (ids are unique, so both resolve). */
    private static String ref(Node from, Node target) {
        return target.parent == from.parent ? target.name : target.path;
    }

    // ------------------------------------------------------------------ goals and contingencies

    private void goals() {
        int nGoals = Math.max(1, Math.min(12, total / 10_000 + 1));
        line(0, "");
        line(0, "# ---------------------------------------------------------------- goals");
        for (int g = 0; g < nGoals; g++) {
            int area = g % AREAS.length;
            line(0, "goal goal_" + AREAS[area] + "_" + g + " \"" + AREA_TITLES[area] + " delivers\" {");
            line(1, "owner " + resources.get(rnd.nextInt(resources.size())).id());
            List<Node> ms = new ArrayList<>();
            for (int k = 0; k < 1 + rnd.nextInt(4) && !phaseMilestones.isEmpty(); k++) {
                Node m = phaseMilestones.get(rnd.nextInt(phaseMilestones.size()));
                if (!ms.contains(m)) {
                    ms.add(m);
                }
            }
            if (!ms.isEmpty()) {
                line(1, "milestones " + String.join(", ", ms.stream().map(m -> m.path).toList()));
            }
            line(1, "note \"Counts as delivered when the metrics below hold for a quarter.\"");
            int nMetrics = 1 + rnd.nextInt(3);
            for (int k = 0; k < nMetrics; k++) {
                metric(1, "kpi_" + g + "_" + k, rnd.nextInt(3) == 0);
            }
            line(0, "}");
        }
        // A couple of metrics outside any goal.
        metric(0, "nps", false);
        metric(0, "incident_rate", true);
    }

    private void metric(int indent, String name, boolean lower) {
        metrics.add(name);
        double baseline = Math.round(rnd.nextDouble() * 1000) / 10.0;
        double target = lower ? Math.round(baseline * 6) / 10.0 : Math.round(baseline * 13 + 10) / 10.0;
        StringBuilder b = new StringBuilder("metric ").append(name).append(" \"Indicator ").append(name)
                .append("\" { unit \"").append(rnd.nextBoolean() ? "%" : "per week").append("\"  baseline ")
                .append(fmt(baseline)).append("  target ").append(fmt(target)).append(" by ")
                .append(PLAN_START.plusDays(180 + rnd.nextInt(900)));
        if (rnd.nextBoolean()) {
            b.append("  tolerance ").append(1 + rnd.nextInt(20)).append('%');
        }
        if (lower && (name.equals("incident_rate") || rnd.nextBoolean())) {
            b.append("  lower_is_better");
        }
        line(indent, b.append(" }").toString());
    }

    private void contingencies() {
        int n = Math.max((contingentTasks.size() + 1) / 2, Math.max(2, total / 250));
        line(0, "");
        line(0, "# ---------------------------------------------------------------- contingencies");
        int nextActivation = 0;
        for (int c = 0; c < n; c++) {
            line(0, "contingency risk_" + c + " \"Risk " + c + "\" {");
            line(1, "when " + condition(0));
            List<String> actions = new ArrayList<>();
            // Spread the contingent tasks so that every one is activated exactly once.
            int remainingContingencies = n - c;
            int remainingTasks = contingentTasks.size() - nextActivation;
            int activations = (remainingTasks + remainingContingencies - 1) / remainingContingencies;
            for (int k = 0; k < activations; k++) {
                actions.add("activate " + contingentTasks.get(nextActivation++).path);
            }
            if (actions.isEmpty() || rnd.nextBoolean()) {
                boolean team = !teams.isEmpty() && rnd.nextInt(3) == 0;
                String who = team ? teams.get(rnd.nextInt(teams.size())).id()
                        : resources.get(rnd.nextInt(resources.size())).id();
                actions.add("notify " + who + " \"Risk " + c + " triggered: review the plan in Monday's sync\"");
            }
            if (rnd.nextInt(3) == 0) {
                actions.add("escalate \"Risk " + c + ": the programme is at risk\"");
            }
            if (actions.size() == 1) {
                line(1, "then { " + actions.get(0) + " }");
            } else {
                line(1, "then {");
                for (String a : actions) {
                    line(2, a);
                }
                line(1, "}");
            }
            if (rnd.nextInt(3) == 0) {
                line(1, "once");
            }
            line(0, "}");
        }
    }

    /** A well-typed boolean condition. */
    private String condition(int depth) {
        int r = rnd.nextInt(depth > 1 ? 8 : 11);
        return switch (r) {
            case 0 -> taskRef() + ".slip > " + (1 + rnd.nextInt(10)) + "d";
            case 1 -> taskRef() + ".progress < " + (10 * (1 + rnd.nextInt(9))) + "% and today >= "
                    + PLAN_START.plusDays(rnd.nextInt(700));
            case 2 -> taskRef() + ".late and not " + taskRef() + ".done";
            case 3 -> metrics.get(rnd.nextInt(metrics.size())) + " < " + fmt(Math.round(rnd.nextDouble() * 900) / 10.0);
            case 4 -> metrics.get(rnd.nextInt(metrics.size())) + ".expected - "
                    + metrics.get(rnd.nextInt(metrics.size())) + " > 0.5";
            case 5 -> "spi < 0.85 or cpi < 0.9";
            case 6 -> "not " + taskRef() + ".started and today > " + PLAN_START.plusDays(rnd.nextInt(900));
            case 7 -> taskRef() + ".slip >= 2 * " + (1 + rnd.nextInt(4)) + "d";
            case 8 -> "(" + condition(depth + 1) + ") or (" + condition(depth + 1) + ")";
            case 9 -> condition(depth + 1) + " and " + condition(depth + 1);
            default -> "(" + condition(depth + 1) + " or today > " + PLAN_START.plusDays(rnd.nextInt(900)) + ")";
        };
    }

    private String taskRef() {
        return closed.get(rnd.nextInt(closed.size())).path;
    }

    // ------------------------------------------------------------------ text

    private void line(int indent, String text) {
        for (int i = 0; i < indent; i++) {
            out.append("  ");
        }
        out.append(text).append('\n');
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String capitalize(String s) {
        String t = s.startsWith("the ") ? s.substring(4) : s;
        return t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1);
    }
}
