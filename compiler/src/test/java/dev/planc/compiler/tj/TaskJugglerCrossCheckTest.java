package dev.planc.compiler.tj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On plans without resource contention Planc's dates must equal TaskJuggler's to the minute when
 * the same plan is written in both languages (the mapping is in {@link TjTranslator}). Planc runs
 * in process; TJ ({@code tj3}, Debian package {@code tj3}) as a process writing a CSV report.
 * Without tj3 on the PATH every test here is skipped with a message saying so.
 *
 * <p>TJ schedules in slots of five minutes at best ({@code timingresolution 5min}): every
 * amount in these plans falls on five minutes, so any difference is a real one.
 *
 * <p>System properties: {@code planc.tj.plans} (generated plans, default 40) and
 * {@code planc.tj.seed} (first seed, default 1).
 */
class TaskJugglerCrossCheckTest {
    private static final String MISSING = "tj3 (TaskJuggler) is not on the PATH: install the Debian package "
            + "`tj3` (`apt-get install -y tj3`) to run the TaskJuggler cross-check";

    private static Path tj3;

    @BeforeAll
    static void findTj3() {
        tj3 = TjRunner.tj3().orElse(null);
    }

    static Stream<Arguments> handWritten() {
        return Stream.of(
                Arguments.of("links and lags", """
                        plan "Links" { start 2027-01-04 }
                        task a { duration 1d }
                        task b { duration 2h  after a }
                        milestone m { after b }
                        task c { duration 1ed  after b + 2h }
                        task d { duration 30min  after a.start }
                        task e { duration 1h  start >= 2027-01-09T10:00 }
                        task f { duration 1h  after a + 1ed }
                        task g { duration 3h  after m + 1.5d }
                        """),
                Arguments.of("a night start: elapsed runs round the clock, duration waits for the morning", """
                        plan "Night" { start 2027-01-04 }
                        task a { duration 5h }
                        task night { duration 10eh  after a }
                        task morning { duration 2h  after night }
                        milestone m { after night + 3eh }
                        task weekend { duration 1ew  start >= 2027-01-08T22:35 }
                        """),
                Arguments.of("lunch break, holidays, daylight saving in Berlin", """
                        plan "Berlin" { start 2027-03-24  timezone "Europe/Berlin"  calendar office }
                        calendar office {
                          hours 08:00-12:00, 13:00-17:00
                          holiday 2027-03-26 "Good Friday"
                          holiday 2027-03-29 "Easter Monday"
                        }
                        task a { duration 6h }
                        task b { duration 1.5d  after a }
                        task over_dst { duration 3ed  after a }
                        task c { duration 4h  after over_dst }
                        task lunch { duration 45min  after a.start + 225min }
                        """),
                Arguments.of("effort: several resources, part-time, leaves, own calendars", """
                        plan "Effort" { start 2027-03-25  timezone "Europe/Berlin"  calendar office }
                        calendar office { hours 09:00-12:00, 13:00-17:00  holiday 2027-03-29 }
                        calendar part { extends office  workdays mon tue wed  hours 08:00-12:00 }
                        resource ann { calendar part  leave 2027-03-31 }
                        resource half { capacity 50% }
                        resource bob { leave 2027-04-01..2027-04-02 }
                        resource cy { }
                        task a { duration 1d }
                        task b { duration 1d  after a  assign ann }
                        task c { effort 1d  after a  assign half, cy }
                        task d { effort 3d  after a  assign bob }
                        task e { effort 1h  after c  assign half }
                        task f { effort 2d  after b  assign ann, bob }
                        """),
                Arguments.of("groups: dependencies on and of groups, milestones, start >=", """
                        plan "Groups" { start 2027-05-03  timezone "America/New_York" }
                        task design {
                          task ux { duration 3d }
                          task review { duration 4h  after ux }
                          milestone signed { after review }
                        }
                        task build {
                          after design
                          task backend { duration 5d }
                          task frontend { duration 4d  after backend.start + 1d }
                          task infra {
                            start >= 2027-05-12
                            task net { duration 2d }
                            task db { duration 1d  after net }
                          }
                        }
                        task docs { duration 2d  after design.ux.start }
                        milestone launch { after build, docs }
                        task party { duration 6eh  after launch + 2eh }
                        """),
                Arguments.of("leads and finish-to-finish", """
                        plan "Leads" { start 2027-01-04 }
                        task x { duration 2d }
                        task y { duration 4h  after x - 3h }
                        task z { duration 1d  finish after x + 2h }
                        task w { duration 1d  finish after x }
                        task ex { duration 2ed  after x }
                        task ey { duration 1ed  finish after ex + 6eh }
                        task ez { duration 5eh  after ex - 1ed }
                        """),
                Arguments.of("Saturday work and a holiday range in New York across the November change", """
                        plan "NY" { start 2027-10-29  timezone "America/New_York"  calendar office }
                        calendar office {
                          workdays mon tue wed thu fri sat
                          hours 07:00-11:30, 12:30-16:00
                          holiday 2027-11-04..2027-11-05 "Break"
                        }
                        resource pat { leave 2027-11-08 }
                        task a { duration 2d }
                        task b { effort 2d  after a  assign pat }
                        task c { duration 2ed  after a + 1eh }
                        task d { duration 1d  after c  start >= 2027-11-10T09:20 }
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handWritten")
    void handWrittenPlansAgreeWithTaskJuggler(String name, String plan) throws Exception {
        assumeTrue(tj3 != null, MISSING);
        CrossCheck.Outcome o = CrossCheck.run(tj3, plan);
        assertTrue(o.agrees(), () -> name + ":\n" + o.report());
        assertTrue(o.compared() > 0);
    }

    @Test
    void generatedContentionFreePlansAgreeWithTaskJuggler() throws Exception {
        assumeTrue(tj3 != null, MISSING);
        int plans = Integer.getInteger("planc.tj.plans", 40);
        long first = Long.getLong("planc.tj.seed", 1L);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(4,
                Runtime.getRuntime().availableProcessors())));
        List<Future<CrossCheck.Outcome>> futures = new ArrayList<>();
        try {
            for (long seed = first; seed < first + plans; seed++) {
                String text = ContentionFreePlanGenerator.generate(seed);
                futures.add(pool.submit(() -> CrossCheck.run(tj3, text)));
            }
            List<String> failures = new ArrayList<>();
            List<String> skips = new ArrayList<>();
            int skipped = 0;
            int compared = 0;
            for (int i = 0; i < futures.size(); i++) {
                CrossCheck.Outcome o = futures.get(i).get();
                if (o.skipped() != null) {
                    skipped++;
                    skips.add("seed " + (first + i) + ": " + o.skipped());
                } else if (!o.agrees()) {
                    failures.add("seed " + (first + i) + ":\n" + o.report());
                } else {
                    compared += o.compared();
                }
            }
            System.out.println("TaskJuggler cross-check: " + plans + " plans, " + compared + " tasks equal to the minute, "
                    + skipped + " plans not comparable" + (skips.isEmpty() ? "" : ":\n  " + String.join("\n  ", skips)));
            assertEquals(List.of(), failures, () -> failures.size() + " of " + plans
                    + " generated plans differ from TaskJuggler:\n" + String.join("\n", failures));
            // Plans whose multi-resource effort ends inside a 5-minute slot cannot be compared; keep them few.
            assertTrue(skipped * 4 <= plans, skipped + " of " + plans + " plans could not be compared");
            assertTrue(compared > plans, "compared only " + compared + " tasks");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Regression (found by this cross-check): a working lag before an elapsed task ({@code after
     * a + 2h} on a task with {@code duration 1ed}) counts working time, not clock time. Per
     * LANGUAGE.md §4 lags are working time of the successor's calendar unless elapsed; TJ
     * (gaplength) agrees: b starts 11:00 the next morning, not 19:00.
     */
    @Test
    void workingLagBeforeAnElapsedTask() throws Exception {
        assumeTrue(tj3 != null, MISSING);
        CrossCheck.Outcome o = CrossCheck.run(tj3, """
                plan "Bug 1" { start 2027-01-04 }
                task a { duration 1d }
                task b { duration 1ed  after a + 2h }
                """);
        assertTrue(o.agrees(), o::report);
    }

    /**
     * Regression (found by this cross-check): a finish-to-finish lead whose bound is the start of
     * a working interval must finish at the end of the previous one (17:00, the same working
     * instant), not one minute into the interval (09:01).
     */
    @Test
    void finishToFinishLeadOnAnIntervalStart() throws Exception {
        assumeTrue(tj3 != null, MISSING);
        CrossCheck.Outcome o = CrossCheck.run(tj3, """
                plan "Bug 2" { start 2027-01-04 }
                task a { duration 1h }
                task x { duration 8h  after a }
                task d { duration 2h  finish after x - 1h }
                """);
        assertTrue(o.agrees(), o::report);
    }

    /** The generator with lags before elapsed tasks and finish-to-finish leads switched on. */
    @Test
    void generatedPlansWithLagsBeforeElapsedTasksAndLeads() throws Exception {
        assumeTrue(tj3 != null, MISSING);
        List<String> failures = new ArrayList<>();
        for (long seed = 1; seed <= 20; seed++) {
            CrossCheck.Outcome o = CrossCheck.run(tj3, ContentionFreePlanGenerator.generate(seed, true));
            if (o.skipped() == null && !o.agrees()) {
                failures.add("seed " + seed + ":\n" + o.report());
            }
        }
        assertEquals(List.of(), failures, () -> String.join("\n", failures));
    }
}
