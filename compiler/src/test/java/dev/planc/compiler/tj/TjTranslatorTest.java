package dev.planc.compiler.tj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planc.compiler.CompiledPlan;
import dev.planc.compiler.Result;
import dev.planc.compiler.model.Plan;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The translation itself, without TaskJuggler: runs everywhere, tj3 or not. */
class TjTranslatorTest {
    private static final LocalDateTime END = LocalDateTime.of(2027, 6, 1, 0, 0);

    private static Plan plan(String text) {
        Result<CompiledPlan> r = CrossCheck.compile(text);
        assertFalse(r.hasErrors(), () -> r.diagnostics().toString());
        return r.value().plan();
    }

    @Test
    void writesTheIssuesMapping() {
        String tjp = TjTranslator.translate(plan("""
                plan "P" { start 2027-01-04  timezone "Europe/Berlin"  calendar office }
                calendar office { hours 09:00-12:00, 13:00-17:00  holiday 2027-04-05..2027-04-06 }
                calendar part { extends office  workdays mon tue }
                resource ann { calendar part  leave 2027-02-01 }
                resource half { capacity 50% }
                task a { duration 1d }
                task b { duration 2ed  after a + 2h }
                task c { effort 1d  assign half  after a + 1ed }
                task d { duration 1h  assign ann  after b.start }
                milestone m { after c  start >= 2027-01-20 }
                """), END).tjp();
        assertTrue(tjp.contains("project plan \"Plan\" 2027-01-04-00:00-+0100"), tjp);
        assertTrue(tjp.contains("timingresolution 5min"), tjp);
        assertTrue(tjp.contains("timezone \"Europe/Berlin\""), tjp);
        assertTrue(tjp.contains("workinghours mon 9:00 - 12:00, 13:00 - 17:00"), tjp);
        assertTrue(tjp.contains("leaves holiday 2027-04-05 - 2027-04-07"), tjp);
        assertTrue(tjp.contains("leaves annual 2027-02-01 - 2027-02-02"), tjp);
        assertTrue(tjp.contains("efficiency 0.5"), tjp);
        assertTrue(tjp.contains("length 480min"), tjp);
        assertTrue(tjp.contains("duration 2880min"), tjp);
        assertTrue(tjp.contains("effort 480min"), tjp);
        assertTrue(tjp.contains("depends tjplanstart, a { gaplength 120min }"), tjp);
        assertTrue(tjp.contains("a { gapduration 1440min }"), tjp);
        assertTrue(tjp.contains("b { onstart }"), tjp);
        assertTrue(tjp.contains("shifts tjshift0 2027-01-04-09:00 - 2027-02-01-00:00, tjshiftoff 2027-02-01-00:00"),
                tjp);
        assertTrue(tjp.contains("milestone\n  start 2027-01-20-00:00"), tjp);
        assertTrue(tjp.contains("task tjplanstart \"tjplanstart\" {\n  milestone\n  start 2027-01-04-09:00"), tjp);
    }

    @Test
    void leadsAndFinishToFinishBecomeStartToStart() {
        String tjp = TjTranslator.translate(plan("""
                plan "P" { start 2027-01-04 }
                task x { duration 2d }
                task y { duration 4h  after x - 3h }
                task z { duration 1d  finish after x + 2h }
                """), END).tjp();
        assertTrue(tjp.contains("x { onstart gaplength 780min }"), tjp);
        assertTrue(tjp.contains("x { onstart gaplength 600min }"), tjp);
    }

    @Test
    void refusesWhatTaskJugglerCannotSay() {
        assertThrows(TjTranslator.Unrepresentable.class, () -> TjTranslator.translate(plan("""
                plan "P" { start 2027-01-04 }
                task x { duration 2d }
                task y { duration 4h  after x.start - 1h }
                """), END));
        assertThrows(TjTranslator.Unrepresentable.class, () -> TjTranslator.translate(plan("""
                plan "P" { start 2027-01-04 }
                task x { duration 7min }
                """), END));
        assertThrows(TjTranslator.Unrepresentable.class, () -> TjTranslator.translate(plan("""
                plan "P" { start 2027-01-04 }
                resource r { calendar c }
                calendar c { hours 10:00-18:00 }
                task x { duration 1d }
                task y { duration 1d  assign r  after x + 2h }
                """), END));
    }

    /** Every generated plan compiles cleanly in Planc and translates: the generator keeps to what TJ can say. */
    @Test
    void generatedPlansCompileAndTranslate() {
        for (long seed = 1; seed <= 300; seed++) {
            String text = ContentionFreePlanGenerator.generate(seed);
            Result<CompiledPlan> r = CrossCheck.compile(text);
            long s = seed;
            assertFalse(r.hasErrors(), () -> "seed " + s + ": " + r.diagnostics() + "\n" + text);
            assertNotNull(r.value().schedule());
            TjTranslator.Translation tr = TjTranslator.translate(r.value().plan(),
                    r.value().schedule().finish().toLocalDate().plusDays(45).atStartOfDay());
            assertEquals(r.value().plan().tasks().size(), tr.ids().size());
        }
    }
}
