package dev.planc.compiler.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planc.compiler.model.Calendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Working-time arithmetic, worked out by hand. 2027-01-04 is a Monday. */
class WorkTimeTest {
    private static final Set<DayOfWeek> WEEK = Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    private static final Calendar LUNCH = new Calendar("office", WEEK,
            List.of(new Calendar.Window(9 * 60, 12 * 60), new Calendar.Window(13 * 60, 17 * 60)),
            List.of(new Calendar.DayRange(LocalDate.of(2027, 1, 6), LocalDate.of(2027, 1, 6), "holiday")), null);

    private final TimeGrid grid = new TimeGrid(ZoneId.of("Europe/Berlin"), LocalDate.of(2026, 1, 1),
            LocalDate.of(2028, 1, 1));
    private final WorkTime office = grid.of(LUNCH, List.of());

    private long at(String local) {
        return grid.minute(LocalDateTime.parse(local));
    }

    private String local(long minute) {
        return Times.text(grid.local(minute));
    }

    @Test
    void nextSkipsNightLunchWeekendAndHoliday() {
        assertEquals("2027-01-04T09:00", local(office.next(at("2027-01-04T00:00"))));
        assertEquals("2027-01-04T10:15", local(office.next(at("2027-01-04T10:15"))));
        assertEquals("2027-01-04T13:00", local(office.next(at("2027-01-04T12:00"))));
        assertEquals("2027-01-07T09:00", local(office.next(at("2027-01-05T17:00")))); // 6th is a holiday
        assertEquals("2027-01-11T09:00", local(office.next(at("2027-01-09T10:00")))); // Saturday
        assertFalse(office.isWorking(at("2027-01-04T12:30")));
        assertTrue(office.isWorking(at("2027-01-04T16:59")));
        assertFalse(office.isWorking(at("2027-01-04T17:00")));
    }

    @Test
    void addCountsSevenHourDaysAcrossLunchAndHoliday() {
        // 7 working hours a day: one day ends at 17:00 the same day
        assertEquals("2027-01-04T17:00", local(office.add(at("2027-01-04T09:00"), 7 * 60)));
        // 4 hours from 10:00: 10-12 and 13-15
        assertEquals("2027-01-04T15:00", local(office.add(at("2027-01-04T10:00"), 4 * 60)));
        // 3 days of 7h from Monday 09:00: Mon, Tue, (Wed holiday), Thu
        assertEquals("2027-01-07T17:00", local(office.add(at("2027-01-04T09:00"), 21 * 60)));
        // ending exactly at the lunch break ends at 12:00, not 13:00
        assertEquals("2027-01-04T12:00", local(office.add(at("2027-01-04T09:00"), 3 * 60)));
        // starting at night starts at the next working minute
        assertEquals("2027-01-04T10:00", local(office.add(at("2027-01-03T22:00"), 60)));
    }

    @Test
    void subAndBetweenInvertAdd() {
        long s = at("2027-01-04T10:30");
        for (long minutes : new long[] {1, 59, 90, 7 * 60, 25 * 60, 300 * 60}) {
            long e = office.add(s, minutes);
            assertEquals(minutes, office.between(s, e));
            assertEquals(s, office.sub(e, minutes));
        }
        assertEquals(0, office.between(at("2027-01-04T17:00"), at("2027-01-05T09:00")));
        assertEquals("2027-01-05T17:00", local(office.previousEnd(at("2027-01-07T08:00"))));
    }

    @Test
    void leavesRemoveWholeDays() {
        WorkTime withLeave = grid.of(LUNCH, List.of(new Calendar.DayRange(LocalDate.of(2027, 1, 4),
                LocalDate.of(2027, 1, 5), "ski")));
        assertEquals("2027-01-07T09:00", local(withLeave.next(at("2027-01-04T09:00"))));
    }

    @Test
    void daylightSavingChangeKeepsWallClockHours() {
        // Europe/Berlin springs forward on Sunday 2027-03-28: Monday still works 09:00-17:00 local.
        Calendar allWeek = new Calendar("all", Set.of(DayOfWeek.values()), List.of(new Calendar.Window(0, 1440)),
                List.of(), null);
        WorkTime round = grid.of(allWeek, List.of());
        // The night of the change has 23 hours: from Saturday 12:00 to Sunday 12:00 is 23 working hours.
        assertEquals(23 * 60, round.between(at("2027-03-27T12:00"), at("2027-03-28T12:00")));
        assertEquals("2027-03-29T09:00", local(office.next(at("2027-03-28T12:00"))));
        assertEquals(7 * 60, office.between(at("2027-03-29T00:00"), at("2027-03-30T00:00")));
        // Elapsed time is real time: 24 elapsed hours from Saturday 12:00 end Sunday 13:00 local.
        assertEquals("2027-03-28T13:00", local(grid.elapsed().add(at("2027-03-27T12:00"), 24 * 60)));
    }

    @Test
    void intersectionIsCommonTime() {
        Calendar mornings = new Calendar("am", WEEK, List.of(new Calendar.Window(8 * 60, 12 * 60)), List.of(), null);
        WorkTime both = office.intersect(grid.of(mornings, List.of()));
        assertEquals(3 * 60, both.between(at("2027-01-04T00:00"), at("2027-01-05T00:00")));
        assertEquals("2027-01-04T09:00", local(both.next(at("2027-01-04T08:00"))));
    }

    /**
     * The bucketed lookups ({@code floor}, and the walks of {@code add} and {@code sub}) against
     * a minute-by-minute reference, on random intervals, sparse and dense (many per bucket),
     * shorter views of them ({@code until}) and queries outside the horizon.
     */
    @Test
    void lookupsAgreeWithCountingMinuteByMinute() {
        java.util.Random random = new java.util.Random(4242);
        for (int round = 0; round < 60; round++) {
            long origin = 1_000_000 + random.nextInt(5000);
            int span = 3000 + random.nextInt(12_000);
            int maxGap = round % 3 == 0 ? 3 : round % 3 == 1 ? 200 : 3000; // dense, daily, sparse
            long[] starts = new long[span];
            long[] ends = new long[span];
            int n = 0;
            long t = origin + random.nextInt(maxGap);
            while (true) {
                long e = t + 1 + random.nextInt(round % 3 == 0 ? 3 : 600);
                if (e > origin + span) {
                    break;
                }
                starts[n] = t;
                ends[n] = e;
                n++;
                t = e + 1 + random.nextInt(maxGap);
            }
            WorkTime full = new WorkTime(starts, ends, n, origin, origin + span);
            long cut = origin + random.nextInt(span);
            for (WorkTime w : List.of(full, full.until(cut))) {
                boolean[] working = new boolean[span];
                for (int k = 0; k < w.intervalCount(); k++) {
                    for (long m = w.intervalStart(k); m < w.intervalEnd(k); m++) {
                        working[(int) (m - origin)] = true;
                    }
                }
                for (int q = 0; q < 400; q++) {
                    long at = origin - 50 + random.nextInt(span + 100);
                    int expectedFloor = -1;
                    for (int k = 0; k < w.intervalCount(); k++) {
                        if (w.intervalStart(k) <= at) {
                            expectedFloor = k;
                        }
                    }
                    assertEquals(expectedFloor, w.floor(at), "floor at " + at);
                    assertEquals(expectedFloor, w.floorFrom(Math.max(-1, expectedFloor - random.nextInt(3)), at));
                    if (at < origin || at >= origin + span) {
                        continue;
                    }
                    long minutes = 1 + random.nextInt(round % 2 == 0 ? 30 : 3000);
                    assertEquals(reference(working, origin, at, minutes, true), attempt(() -> w.add(at, minutes)),
                            "add " + minutes + " at " + at);
                    assertEquals(reference(working, origin, at, minutes, false), attempt(() -> w.sub(at, minutes)),
                            "sub " + minutes + " at " + at);
                }
            }
        }
    }

    /** Minute by minute: where {@code minutes} of work from {@code at} end (forward) or begin (backward); null beyond. */
    private static Long reference(boolean[] working, long origin, long at, long minutes, boolean forward) {
        long left = minutes;
        if (forward) {
            for (long m = at; m < origin + working.length; m++) {
                if (working[(int) (m - origin)] && --left == 0) {
                    return m + 1;
                }
            }
        } else {
            for (long m = at - 1; m >= origin; m--) {
                if (working[(int) (m - origin)] && --left == 0) {
                    return m;
                }
            }
        }
        return null;
    }

    private static Long attempt(java.util.function.LongSupplier f) {
        try {
            return f.getAsLong();
        } catch (WorkTime.HorizonExceeded e) {
            return null;
        }
    }
}
