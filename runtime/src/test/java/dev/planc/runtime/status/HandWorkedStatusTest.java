package dev.planc.runtime.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * The scenario figures, worked out by hand. shop.plan: Mon–Fri 09:00–17:00 (1d = 8h); design =
 * 5d of ana's effort at 800 EUR/d (value 4,000, baseline Jan 4 09:00 – Jan 8 17:00); build =
 * 10d with ben at 400 EUR/d (value 4,000, Jan 11 09:00 – Jan 22 17:00); BAC 8,000 (the
 * contingent fallback is not in the baseline).
 */
class HandWorkedStatusTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static void same(String expected, BigDecimal actual) {
        assertEquals(0, d(expected).compareTo(actual), expected + " vs " + actual);
    }

    @Test
    void onTrack() throws Exception {
        Status s = Scenarios.status("on_track");
        // Wed Jan 6 13:00: design has had 20 of its 40 working hours; 50 % reported.
        same("8000", s.evm().bac());
        same("2000", s.evm().pv()); // 4,000 × 20/40
        same("2000", s.evm().ev()); // 4,000 × 50 %
        same("2000", s.evm().ac()); // ana 100 EUR/h × 20 h
        same("1", s.evm().spi());
        same("1", s.evm().cpi());
        same("2.5", s.evm().esDays()); // PV reaches EV after 20 h = 2.5 days
        assertEquals(Flag.GREEN, s.overall());
        assertEquals(LocalDateTime.parse("2027-01-22T17:00"), s.forecastFinish());
        assertTrue(s.newFirings().isEmpty());
    }

    @Test
    void slipping() throws Exception {
        Status s = Scenarios.status("slipping");
        // Wed Jan 13 09:00: design finished Mon Jan 11 17:00 (a day late); build has not started.
        // Forecast: build from now, 10 working days: Jan 13 09:00 – Jan 26 17:00, 2 days late.
        assertEquals(16 * 60L, s.slipMinutes());
        assertEquals(LocalDateTime.parse("2027-01-26T17:00"), s.forecastFinish());
        same("4800", s.evm().pv()); // 4,000 + 4,000 × 16/80
        same("4000", s.evm().ev()); // design done, build 0 %
        same("4800", s.evm().ac()); // ana 100 EUR/h × 48 h (Jan 4 – Jan 11)
        same("0.833", s.evm().spi()); // 4,000 / 4,800
        same("9600", s.evm().eac()); // 8,000 / 0.8333
        same("8800", s.evm().eacAtypical()); // 4,800 + (8,000 − 4,000)
        same("10560", s.evm().eacCombined()); // 4,800 + 4,000 / (0.8333 × 0.8333)
        same("1.25", s.evm().tcpi()); // 4,000 / 3,200
        same("5", s.evm().esDays()); // PV = 4,000 when design was due to end: day 5
        same("-2", s.evm().svtDays()); // ES 5 − AT 7
        same("0.714", s.evm().spit()); // 5 / 7
        assertEquals(LocalDateTime.parse("2027-02-01T17:00"), s.evm().ieacFinish()); // 15 / (5/7) = 21 days
        assertEquals(Flag.RED, s.spiFlag());
        // The contingency fires this morning, the first instant build.slip exceeds 1d.
        assertEquals(1, s.newFirings().size());
        assertEquals("late_build", s.newFirings().get(0).contingency());
        assertEquals(LocalDateTime.parse("2027-01-13T09:00"), s.newFirings().get(0).at());
        assertEquals("build.slip = 2d", s.newFirings().get(0).because());
        Status.TaskRow planB = s.tasks().stream().filter(t -> t.id().equals("plan_b")).findFirst().orElseThrow();
        assertEquals(LocalDateTime.parse("2027-01-13T09:00"), planB.forecastStart()); // activated from now
        assertEquals(LocalDateTime.parse("2027-01-14T17:00"), planB.forecastFinish());
        assertEquals(1, s.alerts().size());
        assertEquals("ana", s.alerts().get(0).to());
    }

    @Test
    void replayNeverFiresTwice() throws Exception {
        Status s = Scenarios.status("replayed");
        // The firing of Jan 13 is in the journal; a day later the condition still holds: no new firing.
        assertTrue(s.newFirings().isEmpty());
        assertEquals(1, s.contingencies().get(0).firings());
    }

    @Test
    void evaluationResumesAfterTheLastCheckpoint() throws Exception {
        // Checked Jan 12 09:00 with nothing holding: Jan 13 09:00 is a false→true edge, as without it.
        Status s = Scenarios.status("checkpoint");
        assertEquals(1, s.newFirings().size());
        assertEquals(LocalDateTime.parse("2027-01-13T09:00"), s.newFirings().get(0).at());
        assertEquals(LocalDateTime.parse("2027-01-13T09:00"), s.evaluatedUntil());
        assertEquals(java.util.List.of("late_build"), s.holding());
        // Checked with late_build already holding (say the plan changed since): no edge, no firing.
        Status h = Scenarios.status("checkpoint_holding");
        assertTrue(h.newFirings().isEmpty());
        assertEquals(java.util.List.of("late_build"), h.holding());
    }

    @Test
    void costs() throws Exception {
        Status s = Scenarios.status("costs");
        // Fri Jan 15 17:00: design done on time, build half done on time, 500 EUR of build costs logged.
        same("6000", s.evm().pv());
        same("6000", s.evm().ev());
        same("6500", s.evm().ac()); // ana 40 h × 100 + ben 40 h × 50 + 500
        same("0.923", s.evm().cpi()); // amber: 0.90–0.95
        assertEquals(Flag.AMBER, s.cpiFlag());
        same("8666.67", s.evm().eac());
        same("1.333", s.evm().tcpi()); // 2,000 / 1,500
        assertEquals(Flag.AMBER, s.overall());
    }

    @Test
    void thePlanSetsItsOwnFlagBands() throws Exception {
        // costs: CPI 0.923. Default bands: amber. With `flag_cpi 0.92 0.85`: green; with 0.96 0.93: red.
        assertEquals(Flag.GREEN, Scenarios.statusWith("costs", "flag_cpi 0.92 0.85").cpiFlag());
        assertEquals(Flag.GREEN, Scenarios.statusWith("costs", "flag_cpi 0.92 0.85").overall());
        assertEquals(Flag.RED, Scenarios.statusWith("costs", "flag_cpi 0.96 0.93").cpiFlag());
        // slipping: build slips 2d beyond its 0 slack, so red whatever flag_slip says; design's flag
        // is green (done). flag_slip only changes the amber threshold within slack.
        Status s = Scenarios.statusWith("slipping", "flag_slip 3d  flag_spi 0.8 0.7");
        assertEquals(Flag.GREEN, s.spiFlag()); // 0.833 within 0.8–1.2
        assertEquals(Flag.RED, s.tasks().get(1).flag());
    }

    /** long: 10d, critical; short: 2d with 8d of slack. */
    private static final String SLACK = """
            plan "Slack" { start 2027-01-04 %s }
            task long { duration 10d }
            task short { duration 2d }
            milestone end { after long, short }
            metric signups { baseline 100  target 200 by 2027-01-14  tolerance 10%% }
            """;

    private static Status.TaskRow row(Status s, String id) {
        return s.tasks().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void amberFlags() {
        // Mon Jan 4 12:00: long started at 09:00 with 3 of its 80 h done (on time, green); short not
        // started: forecast 12:00 + 16 h = Wed 12:00, a 3 h slip inside its 8d of slack: amber.
        Status s = Scenarios.inline(SLACK.formatted(""), "2027-01-04T12:00", "start long 2027-01-04T09:00",
                "progress long 3.75 2027-01-04T12:00");
        assertEquals(Flag.GREEN, row(s, "long").flag());
        assertEquals(Flag.AMBER, row(s, "short").flag());
        assertEquals(180L, row(s, "short").slipMinutes());
        // (overall is red: in work hours PV = 3 + 3, EV = 3, so SPI 0.5)
        assertEquals(Flag.RED, s.spiFlag());
        // flag_slip 1d: a 3 h slip is tolerated, but short is past its planned start: still amber (late start).
        Status late = Scenarios.inline(SLACK.formatted("flag_slip 1d"), "2027-01-04T12:00",
                "start long 2027-01-04T09:00", "progress long 3.75 2027-01-04T12:00");
        assertEquals(Flag.AMBER, row(late, "short").flag());
        assertTrue(late.deviations().stream().anyMatch(d -> d.message().equals(
                "`short` should have started 2027-01-04T09:00 and has not")), late.deviations().toString());
        // Thu Jan 7 09:00: short (due Tue 17:00) is 90 % done: 1.6 h left, a slip of 1d 1.6 h within
        // slack. With flag_slip 2d that is tolerated, but it is past its baseline finish: amber.
        Status overdue = Scenarios.inline(SLACK.formatted("flag_slip 2d"), "2027-01-07T09:00",
                "start long 2027-01-04T09:00", "start short 2027-01-04T09:00", "progress long 30 2027-01-07T09:00",
                "progress short 90 2027-01-07T09:00");
        assertEquals(Flag.AMBER, row(overdue, "short").flag());
        assertTrue(overdue.deviations().stream().anyMatch(d -> d.message().equals(
                "`short` should have finished by 2027-01-05T17:00")), overdue.deviations().toString());
    }

    @Test
    void groupsRollUpProgressByPlannedWork() {
        // g holds a (1d = 480 min) and h, which holds b (3d = 1,440 min). b is half done, a not
        // started: h is 50 %, g is (0 × 480 + 50 × 1,440) / 1,920 = 37.5 %.
        Status s = Scenarios.inline("""
                plan "Groups" { start 2027-01-04 }
                task g { task a { duration 1d }  task h { task b { duration 3d } } }
                """, "2027-01-05T09:00", "start g.h.b 2027-01-04T09:00", "progress g.h.b 50 2027-01-05T09:00");
        same("50", row(s, "g.h").progress());
        same("37.5", row(s, "g").progress());
        assertEquals(Status.State.IN_PROGRESS, row(s, "g").state());
        assertEquals(Status.State.NOT_STARTED, row(s, "g.a").state());
    }

    @Test
    void metricBands() {
        // signups: 100 at Jan 4 00:00 to 200 at Jan 14 00:00; on Jan 9 00:00 expected 150.
        // 133 is 11.3 % behind (amber: beyond 10 %, within 20 %); 118 is 21.3 % behind (red);
        // 160 is ahead (green).
        assertEquals(Flag.AMBER, Scenarios.inline(SLACK.formatted(""), "2027-01-09T00:00",
                "measure signups 133 2027-01-08T17:00").metrics().get(0).flag());
        assertEquals(Flag.RED, Scenarios.inline(SLACK.formatted(""), "2027-01-09T00:00",
                "measure signups 118 2027-01-08T17:00").metrics().get(0).flag());
        assertEquals(Flag.GREEN, Scenarios.inline(SLACK.formatted(""), "2027-01-09T00:00",
                "measure signups 160 2027-01-08T17:00").metrics().get(0).flag());
    }

    @Test
    void metricsAndOnce() throws Exception {
        Status s = Scenarios.status("metrics");
        // signups: 0 at Jan 4 00:00 to 100 at Jan 31 00:00 (27 days). Jan 13 09:00 is 9 days 9 h in:
        // expected 100 × 13,500 / 38,880 min = 34.72; a reading of 10 is 71 % behind: red (> 2 × 10 %).
        Status.MetricRow m = s.metrics().get(0);
        same("34.7222", m.expected());
        assertEquals(Flag.RED, m.flag());
        // Jan 11: 20 < 0.9 × 27.31 fires both; Jan 12: 30 ≥ 0.9 × 31.02 clears; Jan 13: 10 < 0.9 × 34.72
        // fires low_again a second time, but low_signups is `once`.
        assertEquals(1, s.contingencies().get(1).firings());
        assertEquals(2, s.contingencies().get(2).firings());
        assertEquals("signups = 20, signups.expected = 27.31", s.contingencies().get(1).because());
    }

    @Test
    void eventsAboutIdsThePlanNoLongerHasAreWarnings() throws Exception {
        Status s = Scenarios.status("plan_changed");
        assertEquals(2, s.warnings().size());
        assertTrue(s.warnings().get(0).contains("`old_task`"));
        assertTrue(s.warnings().get(1).contains("`visits`"));
        assertNull(s.metrics().get(0).value());
    }
}
