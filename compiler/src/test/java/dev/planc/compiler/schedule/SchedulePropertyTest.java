package dev.planc.compiler.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planc.compiler.model.Calendar;
import dev.planc.compiler.model.Plan;
import dev.planc.compiler.model.Resource;
import dev.planc.compiler.model.Task;
import dev.planc.compiler.output.ScheduleWriters;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants of every schedule, on generated plans with groups, milestones, FS/SS/FF links,
 * elapsed lags, durations, efforts, shares and pools under contention: no dependency violated,
 * no capacity exceeded in any minute, every duration and effort honoured, slack never negative
 * and zero on the critical path, and the same input always gives the same output.
 */
class SchedulePropertyTest {

    static String generate(long seed, int tasks) {
        Random r = new Random(seed);
        StringBuilder s = new StringBuilder("plan \"Gen\" { start 2027-01-04  calendar cal }\n");
        s.append("calendar cal { workdays mon tue wed thu fri  hours 08:00-12:00, 12:30-16:30  holiday 2027-01-15 }\n");
        int resources = 1 + r.nextInt(4);
        for (int i = 0; i < resources; i++) {
            String cap = switch (r.nextInt(3)) {
                case 0 -> "100%";
                case 1 -> "50%";
                default -> String.valueOf(2 + r.nextInt(2));
            };
            s.append("resource r").append(i).append(" { capacity ").append(cap).append(" }\n");
        }
        List<String> names = new ArrayList<>();
        int group = -1;
        for (int i = 0; i < tasks; i++) {
            if (group < 0 && r.nextInt(6) == 0) {
                group = i;
                s.append("task g").append(i).append(" {\n");
                if (!names.isEmpty() && r.nextBoolean()) {
                    s.append("  after ").append(names.get(r.nextInt(names.size()))).append('\n');
                }
            }
            String id = "t" + i;
            boolean milestone = r.nextInt(8) == 0;
            s.append(milestone ? "milestone " : "task ").append(id).append(" { ");
            if (!milestone) {
                boolean effort = r.nextBoolean();
                int res = r.nextInt(resources);
                s.append(effort ? "effort " : "duration ").append(1 + r.nextInt(16)).append('h');
                if (effort || r.nextBoolean()) {
                    s.append("  assign r").append(res);
                    if (r.nextInt(3) == 0) {
                        s.append(":50%");
                    }
                }
            }
            if (!names.isEmpty() && r.nextInt(3) > 0) {
                String target = names.get(r.nextInt(names.size()));
                switch (r.nextInt(4)) {
                    case 0 -> s.append("  after ").append(target).append(".start");
                    case 1 -> s.append(milestone ? "  after " + target : "  finish after " + target);
                    case 2 -> s.append("  after ").append(target).append(" + ").append(1 + r.nextInt(30)).append("eh");
                    default -> s.append("  after ").append(target);
                }
            }
            s.append(" }\n");
            names.add(group >= 0 ? "g" + group + "." + id : id);
            if (group >= 0 && (r.nextInt(3) == 0 || i == tasks - 1)) {
                s.append("}\n");
                names.add("g" + group);
                group = -1;
            }
        }
        return s.toString();
    }

    @Property(tries = 150, seed = "42")
    void schedulesKeepEveryPromise(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int tasks) {
        String text = generate(seed, tasks);
        Schedule s = SchedulerTest.scheduleWithWarnings(text);
        Plan plan = s.plan();
        TimeGrid grid = new TimeGrid(plan.zone(), LocalDate.of(2026, 1, 1), LocalDate.of(2037, 1, 1));
        Calendar cal = plan.defaultCalendar();
        WorkTime work = grid.of(cal, List.of());
        for (Task t : plan.tasks()) {
            Schedule.Entry e = s.entry(t.index());
            long start = grid.minute(e.start());
            long finish = grid.minute(e.finish());
            assertTrue(start <= finish, t.path());
            assertTrue(e.slackMinutes() >= 0, t.path());
            for (Task.Link l : t.dependencies()) {
                Schedule.Entry target = s.entry(l.target());
                long tf = grid.minute(target.finish());
                long ts = grid.minute(target.start());
                switch (l.type()) {
                    case FINISH_TO_START -> assertTrue(start >= tf + l.lagMinutes(), t.path() + " after " + l);
                    case START_TO_START -> assertTrue(start >= ts + l.lagMinutes(), t.path() + " ss " + l);
                    case FINISH_TO_FINISH -> assertTrue(finish >= tf + l.lagMinutes(), t.path() + " ff " + l);
                }
            }
            if (t.kind() == Task.Kind.GROUP) {
                // inherited: every child starts no earlier than what the group waits for
                for (int c : t.children()) {
                    assertTrue(grid.minute(s.entry(c).start()) >= start, t.path());
                    assertTrue(grid.minute(s.entry(c).finish()) <= finish, t.path());
                }
            }
            if (t.work() != null && !t.work().effort()) {
                WorkTime taskCal = t.assignments().isEmpty() ? work : work; // resources use the plan calendar here
                assertEquals(t.work().minutes(), taskCal.between(start, finish), t.path() + " duration");
            }
            if (t.work() != null && t.work().effort()) {
                // an effort is booked in the stretches its resources worked on it (it may pause
                // while a resource is busy): the work is what those stretches add up to
                BigDecimal done = BigDecimal.ZERO;
                for (Schedule.Booking b : e.bookings()) {
                    long from = grid.minute(b.from());
                    long to = grid.minute(b.to());
                    assertTrue(from >= start && to <= finish, t.path() + " booking outside the task's span");
                    done = done.add(b.units().multiply(BigDecimal.valueOf(work.between(from, to))));
                }
                assertTrue(done.compareTo(BigDecimal.valueOf(t.work().minutes())) >= 0, t.path() + " effort");
                // and not a whole minute more than needed
                assertTrue(done.subtract(BigDecimal.valueOf(t.work().minutes())).compareTo(BigDecimal.valueOf(2)) < 0,
                        t.path() + " effort overshoot " + done);
            }
        }
        for (int i : s.criticalPath()) {
            assertEquals(0, s.entry(i).slackMinutes(), plan.tasks().get(i).path());
        }
        // capacity in every minute: sweep the bookings of each resource
        for (Resource res : plan.resources()) {
            TreeMap<Long, BigDecimal> delta = new TreeMap<>();
            for (Schedule.Entry e : s.entries()) {
                for (Schedule.Booking b : e.bookings()) {
                    if (b.resource() == res.index() && b.from().isBefore(b.to())) {
                        delta.merge(grid.minute(b.from()), b.units(), BigDecimal::add);
                        delta.merge(grid.minute(b.to()), b.units().negate(), BigDecimal::add);
                    }
                }
            }
            BigDecimal level = BigDecimal.ZERO;
            for (Map.Entry<Long, BigDecimal> x : delta.entrySet()) {
                level = level.add(x.getValue());
                assertTrue(level.compareTo(res.capacity()) <= 0, res.id() + " over capacity at " + grid.local(x.getKey()));
            }
        }
        assertEquals(ScheduleWriters.json(s), ScheduleWriters.json(SchedulerTest.scheduleWithWarnings(text)), "deterministic");
        Schedule replayed = Scheduler.schedule(plan, new ScheduleRequest(null, Map.of(), java.util.Set.of(), 0,
                s.placementOrder())).value();
        assertEquals(ScheduleWriters.json(s), ScheduleWriters.json(replayed), "its own placement order reproduces it");
    }
}
