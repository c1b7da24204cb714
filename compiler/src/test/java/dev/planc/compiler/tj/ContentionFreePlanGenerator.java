package dev.planc.compiler.tj;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random plans without resource contention, written in Planc's language, that TaskJuggler can
 * express exactly (see {@link TjTranslator}). Covers: time zones with and without daylight
 * saving, calendars with lunch breaks and Saturday work, holidays (days and ranges), calendars
 * that extend the plan's, part-time resources (a short-week calendar, or {@code capacity 50%}),
 * leaves, duration, elapsed duration and effort with one to three resources, finish-to-start,
 * start-to-start and finish-to-finish links with working and elapsed lags and leads,
 * {@code start >=}, nested groups with dependencies on and of groups, milestones.
 *
 * <p>No contention: a task that uses a resource already used waits (finish-to-start) for its
 * last user. Every amount falls on five minutes, TJ's finest resolution.
 *
 * <p>{@code leadsAndElapsedLags} adds finish-to-finish leads and working lags before elapsed
 * tasks, two shapes that once exposed Planc bugs (see the cross-check's regression tests).
 */
final class ContentionFreePlanGenerator {
    private static final String[] ZONES = {"UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo"};
    private static final String[][] HOURS = {
        {"09:00-17:00"}, {"08:00-12:00", "13:00-17:00"}, {"08:30-12:15", "13:00-17:15"}, {"07:00-11:30", "12:30-16:00"}};
    private static final String[] WORK = {"30min", "45min", "1h", "2h", "3h", "4h", "6h", "1d", "1.5d", "2d", "3d", "5d", "1w"};
    private static final long[] WORK_MIN = {30, 45, 60, 120, 180, 240, 360, 480, 720, 960, 1440, 2400, 2400};
    private static final String[] ELAPSED = {"2eh", "5eh", "12eh", "1ed", "2ed", "3ed", "1ew"};
    private static final long[] ELAPSED_MIN = {120, 300, 720, 1440, 2880, 4320, 10080};
    private static final String[] EFFORT = {"2h", "4h", "1d", "2d", "3d", "5d"};
    private static final String[] WLAG = {"30min", "2h", "4h", "1d", "1.5d"};
    private static final long[] WLAG_MIN = {30, 120, 240, 480, 720};
    private static final String[] ELAG = {"1eh", "3eh", "1ed", "2ed"};
    private static final long[] ELAG_MIN = {60, 180, 1440, 2880};

    private enum Kind { MILESTONE, GROUP, LENGTH, ELAPSED, EFFORT }

    private static final class Res {
        String id;
        String calendar = "office";
        boolean global; // plan's calendar and no leaves: works in the project's working time
    }

    private static final class Item {
        int index;
        String id;
        String path;
        Item parent;
        final List<Item> kids = new ArrayList<>();
        Kind kind;
        String work;
        long minutes;
        final List<Res> res = new ArrayList<>();
        final List<String> attrs = new ArrayList<>();
        boolean finishLink; // `finish after` is single-valued
        final java.util.Map<Item, Integer> targets = new java.util.HashMap<>(); // target -> index in attrs
    }

    private final Random rnd;
    private final boolean leadsAndElapsedLags;
    private final List<Item> items = new ArrayList<>();
    private final List<Res> resources = new ArrayList<>();
    private LocalDate start;
    private int budget;

    private ContentionFreePlanGenerator(long seed, boolean leadsAndElapsedLags) {
        this.rnd = new Random(seed);
        this.leadsAndElapsedLags = leadsAndElapsedLags;
    }

    static String generate(long seed) {
        return new ContentionFreePlanGenerator(seed, false).plan(seed);
    }

    static String generate(long seed, boolean leadsAndElapsedLags) {
        return new ContentionFreePlanGenerator(seed, leadsAndElapsedLags).plan(seed);
    }

    private <T> T pick(T[] a) {
        return a[rnd.nextInt(a.length)];
    }

    private String plan(long seed) {
        StringBuilder sb = new StringBuilder();
        // Spring and autumn starts cross the daylight-saving changes of Europe and the US.
        int[] months = {1, 3, 3, 5, 10, 10, 11};
        start = LocalDate.of(2027, months[rnd.nextInt(months.length)], 1 + rnd.nextInt(28));
        String zone = pick(ZONES);
        sb.append("plan \"Generated ").append(seed).append("\" {\n  start ").append(start)
                .append("\n  timezone \"").append(zone).append("\"\n  calendar office\n}\n\n");
        sb.append("calendar office {\n  workdays mon tue wed thu fri").append(rnd.nextInt(6) == 0 ? " sat" : "")
                .append("\n  hours ").append(String.join(", ", pick(HOURS))).append('\n');
        int holidays = rnd.nextInt(4);
        for (int i = 0; i < holidays; i++) {
            LocalDate d = start.plusDays(rnd.nextInt(50));
            if (rnd.nextInt(3) == 0) {
                sb.append("  holiday ").append(d).append("..").append(d.plusDays(1 + rnd.nextInt(4))).append(" \"break\"\n");
            } else {
                sb.append("  holiday ").append(d).append(" \"holiday ").append(i).append("\"\n");
            }
        }
        sb.append("}\n");
        sb.append("calendar part {\n  extends office\n  workdays mon tue wed\n");
        if (rnd.nextBoolean()) {
            sb.append("  hours 08:00-12:00\n");
        }
        if (rnd.nextBoolean()) {
            sb.append("  holiday ").append(start.plusDays(rnd.nextInt(30))).append('\n');
        }
        sb.append("}\n");
        sb.append("calendar late {\n  extends office\n  hours 12:00-16:00, 16:30-20:30\n}\n\n");
        int nres = 2 + rnd.nextInt(6);
        for (int i = 1; i <= nres; i++) {
            Res r = new Res();
            r.id = "r" + i;
            StringBuilder body = new StringBuilder();
            int c = rnd.nextInt(6);
            boolean global = true;
            if (c == 0) {
                r.calendar = "part";
            } else if (c == 1) {
                r.calendar = "late";
            }
            if (c <= 1) {
                body.append(" calendar ").append(r.calendar);
                global = false;
            }
            if (rnd.nextInt(4) == 0) {
                body.append(" capacity 50%");
            }
            if (rnd.nextInt(5) < 2) {
                LocalDate d = start.plusDays(rnd.nextInt(40));
                body.append(" leave ").append(d);
                if (rnd.nextBoolean()) {
                    body.append("..").append(d.plusDays(1 + rnd.nextInt(6)));
                }
                global = false;
            }
            r.global = global;
            resources.add(r);
            sb.append("resource ").append(r.id).append(" {").append(body).append(" }\n");
        }
        sb.append('\n');
        budget = 6 + rnd.nextInt(20);
        List<Item> top = new ArrayList<>();
        while (budget > 0) {
            top.add(item(null, 0));
        }
        for (Item it : items) {
            links(it);
        }
        avoidContention();
        for (Item it : top) {
            write(it, sb, "");
        }
        return sb.toString();
    }

    private Item item(Item parent, int depth) {
        Item it = new Item();
        it.index = items.size();
        items.add(it);
        it.parent = parent;
        int r = rnd.nextInt(100);
        if (r < 15 && depth < 3 && budget > 2) {
            it.kind = Kind.GROUP;
            it.id = "g" + it.index;
        } else if (r < 27) {
            it.kind = Kind.MILESTONE;
            it.id = "m" + it.index;
            budget--;
        } else {
            it.id = "t" + it.index;
            budget--;
            int k = rnd.nextInt(10);
            if (k < 4) {
                it.kind = Kind.LENGTH;
                int w = rnd.nextInt(WORK.length);
                it.work = "duration " + WORK[w];
                it.minutes = WORK_MIN[w];
                int n = rnd.nextInt(3);
                for (int i = 0; i < n; i++) {
                    addResource(it);
                }
                // All resources of a duration task work at once: keep to one calendar, so they can.
                if (!it.res.isEmpty()) {
                    String cal = it.res.get(0).calendar;
                    it.res.removeIf(x -> !x.calendar.equals(cal));
                }
            } else if (k < 6) {
                it.kind = Kind.ELAPSED;
                int w = rnd.nextInt(ELAPSED.length);
                it.work = "duration " + ELAPSED[w];
                it.minutes = ELAPSED_MIN[w];
                if (rnd.nextInt(3) == 0) {
                    addResource(it);
                }
            } else {
                it.kind = Kind.EFFORT;
                it.work = "effort " + pick(EFFORT);
                int n = 1 + rnd.nextInt(3);
                for (int i = 0; i < n; i++) {
                    addResource(it);
                }
            }
        }
        it.path = parent == null ? it.id : parent.path + "." + it.id;
        if (parent != null) {
            parent.kids.add(it);
        }
        if (rnd.nextInt(10) == 0) {
            LocalDate d = start.plusDays(rnd.nextInt(20));
            String at = rnd.nextBoolean() ? d.toString()
                    : d + "T" + String.format(java.util.Locale.ROOT, "%02d:%02d", 6 + rnd.nextInt(14), 5 * rnd.nextInt(12));
            it.attrs.add("start >= " + at);
        }
        if (it.kind == Kind.GROUP) {
            int n = 2 + rnd.nextInt(3);
            for (int i = 0; i < n && budget > 0; i++) {
                item(it, depth + 1);
            }
            if (it.kids.isEmpty()) {
                item(it, depth + 1);
            }
        }
        return it;
    }

    private void addResource(Item it) {
        Res r = resources.get(rnd.nextInt(resources.size()));
        if (!it.res.contains(r)) {
            it.res.add(r);
        }
    }

    private List<Item> leaves(Item it) {
        List<Item> out = new ArrayList<>();
        if (it.kind != Kind.GROUP) {
            out.add(it);
        } else {
            for (Item k : it.kids) {
                out.addAll(leaves(k));
            }
        }
        return out;
    }

    private boolean allGlobal(Item leaf) {
        return leaf.res.stream().allMatch(r -> r.global);
    }

    /** A working lag on this task counts in the project's working time, as TJ's gaplength does. */
    private boolean lagInGlobal(Item d) {
        for (Item l : leaves(d)) {
            switch (l.kind) {
                case LENGTH, EFFORT, MILESTONE -> {
                    if (!allGlobal(l)) {
                        return false;
                    }
                }
                case ELAPSED -> {
                    // A working lag before an elapsed task (once a Planc bug).
                    if (!leadsAndElapsedLags || !allGlobal(l)) {
                        return false;
                    }
                }
                default -> { }
            }
        }
        return true;
    }

    /** TJ passes an effort task's start on before its first booking moves it: no start-to-start on effort. */
    private boolean startLinkable(Item x) {
        return leaves(x).stream().noneMatch(l -> l.kind == Kind.EFFORT);
    }

    private boolean ancestorTargets(Item d, Item x) {
        for (Item p = d.parent; p != null; p = p.parent) {
            if (p.targets.containsKey(x)) {
                return true;
            }
        }
        return false;
    }

    private boolean globalLength(Item x) {
        return x.kind == Kind.LENGTH && allGlobal(x);
    }

    private boolean isAncestor(Item a, Item of) {
        for (Item p = of.parent; p != null; p = p.parent) {
            if (p == a) {
                return true;
            }
        }
        return false;
    }

    private void links(Item d) {
        if ((d.kind == Kind.LENGTH || d.kind == Kind.ELAPSED) && d.index > 0 && rnd.nextInt(4) == 0) {
            // Finish-to-finish needs a partner of a matching kind: look for one.
            List<Item> candidates = new ArrayList<>(items.subList(0, d.index));
            java.util.Collections.shuffle(candidates, rnd);
            for (Item x : candidates) {
                String ff = isAncestor(x, d) || ancestorTargets(d, x) ? null : finishToFinish(d, x);
                if (ff != null) {
                    d.targets.put(x, d.attrs.size());
                    d.attrs.add(ff);
                    break;
                }
            }
        }
        int n = d.kind == Kind.GROUP ? rnd.nextInt(2) : rnd.nextInt(3);
        for (int i = 0; i < n && d.index > 0; i++) {
            Item x = items.get(rnd.nextInt(d.index));
            if (isAncestor(x, d) || d.targets.containsKey(x) || ancestorTargets(d, x)) {
                continue;
            }
            d.targets.put(x, d.attrs.size());
            d.attrs.add(link(d, x));
        }
    }

    private String link(Item d, Item x) {
        int r = rnd.nextInt(100);
        String ref = x.path;
        if (r < 15 && lagInGlobal(d)) {
            return "after " + ref + " + " + pick(WLAG);
        }
        if (r < 30) {
            return "after " + ref + " + " + pick(ELAG);
        }
        if (r < 48 && startLinkable(x)) {
            // TJ's start of a duration task is when it may start, Planc's its first working minute: the
            // same link only where no project working time lies between (see TjTranslator).
            boolean noDuration = leaves(x).stream().noneMatch(l -> l.kind == Kind.LENGTH);
            boolean globalDuration = leaves(x).stream().allMatch(l -> l.kind != Kind.LENGTH || globalLength(l));
            boolean worksInGlobal = lagInGlobal(d)
                    && leaves(d).stream().allMatch(l -> l.kind == Kind.LENGTH || l.kind == Kind.EFFORT);
            int k = rnd.nextInt(3);
            if (k == 0 && (noDuration || (globalDuration && worksInGlobal))) {
                return "after " + ref + ".start";
            }
            if (k == 1 && lagInGlobal(d) && (noDuration || globalDuration)) {
                return "after " + ref + ".start + " + pick(WLAG);
            }
            if (noDuration) {
                return "after " + ref + ".start + " + pick(ELAG);
            }
        }
        if (r < 58) {
            // Leads: working between duration tasks on the project's time, elapsed after an elapsed task.
            if (globalLength(x) && d.kind != Kind.GROUP && d.kind != Kind.MILESTONE && d.kind != Kind.ELAPSED
                    && allGlobal(d)) {
                for (int tries = 0; tries < 5; tries++) {
                    int w = rnd.nextInt(WLAG.length);
                    if (WLAG_MIN[w] <= x.minutes) {
                        return "after " + ref + " - " + WLAG[w];
                    }
                }
            }
            if (x.kind == Kind.ELAPSED) {
                for (int tries = 0; tries < 5; tries++) {
                    int w = rnd.nextInt(ELAG.length);
                    if (ELAG_MIN[w] <= x.minutes) {
                        return "after " + ref + " - " + ELAG[w];
                    }
                }
            }
        }
        if (r < 70) {
            String ff = finishToFinish(d, x);
            if (ff != null) {
                return ff;
            }
        }
        return "after " + ref;
    }

    /** A finish-to-finish link TJ can say as start-to-start (see TjTranslator), or null. */
    private String finishToFinish(Item d, Item x) {
        String ff = finishToFinishText(d, x);
        if (ff != null) {
            d.finishLink = true;
        }
        return ff;
    }

    private String finishToFinishText(Item d, Item x) {
        if (d.finishLink) {
            return null;
        }
        String ref = x.path;
        if (globalLength(x) && globalLength(d)) {
            int w = rnd.nextInt(WLAG.length);
            // A finish-to-finish lead whose bound may fall on the start of a working interval
            // (once a Planc bug: it finished one minute into it).
            boolean lead = leadsAndElapsedLags && rnd.nextBoolean();
            long lag = lead ? -WLAG_MIN[w] : WLAG_MIN[w];
            if (x.minutes + lag >= d.minutes) {
                return "finish after " + ref + (lead ? " - " : " + ") + WLAG[w];
            }
            if (x.minutes >= d.minutes) {
                return "finish after " + ref;
            }
        }
        if (x.kind == Kind.ELAPSED && d.kind == Kind.ELAPSED) {
            int w = rnd.nextInt(ELAG.length);
            if (x.minutes + ELAG_MIN[w] >= d.minutes) {
                return "finish after " + ref + " + " + ELAG[w];
            }
            if (x.minutes >= d.minutes) {
                return "finish after " + ref;
            }
        }
        return null;
    }

    /** A task that uses a resource waits for the resource's previous user. */
    private void avoidContention() {
        List<Item> lastUser = new ArrayList<>();
        for (int i = 0; i < resources.size(); i++) {
            lastUser.add(null);
        }
        for (Item it : items) {
            for (Res r : it.res) {
                int ri = resources.indexOf(r);
                Item prev = lastUser.get(ri);
                if (prev != null && ancestorTargets(it, prev)) {
                    // A group holding it links to prev: make that a plain finish-to-start link.
                    for (Item p = it.parent; p != null; p = p.parent) {
                        Integer at = p.targets.get(prev);
                        if (at != null) {
                            p.attrs.set(at, "after " + prev.path);
                        }
                    }
                } else if (prev != null && !it.targets.containsKey(prev)) {
                    it.targets.put(prev, it.attrs.size());
                    it.attrs.add("after " + prev.path);
                } else if (prev != null) {
                    // Already linked: keep a finish-to-start link with a lag, else make it a plain one.
                    int at = it.targets.get(prev);
                    String link = it.attrs.get(at);
                    boolean fsNoLead = link.startsWith("after ") && !link.contains(".start") && !link.contains(" - ");
                    if (!fsNoLead) {
                        it.attrs.set(at, "after " + prev.path);
                    }
                }
                lastUser.set(ri, it);
            }
        }
    }

    private void write(Item it, StringBuilder sb, String indent) {
        String kw = it.kind == Kind.MILESTONE ? "milestone " : "task ";
        sb.append(indent).append(kw).append(it.id).append(" {\n");
        String in = indent + "  ";
        if (it.work != null) {
            sb.append(in).append(it.work).append('\n');
        }
        if (!it.res.isEmpty()) {
            sb.append(in).append("assign ").append(String.join(", ", it.res.stream().map(r -> r.id).toList())).append('\n');
        }
        for (String a : it.attrs) {
            sb.append(in).append(a).append('\n');
        }
        for (Item k : it.kids) {
            write(k, sb, in);
        }
        sb.append(indent).append("}\n");
    }
}
