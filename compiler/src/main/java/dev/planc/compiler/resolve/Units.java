package dev.planc.compiler.resolve;

import dev.planc.compiler.ast.Dur;
import dev.planc.compiler.ast.DurUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/** Converts written durations to minutes with the plan's {@code hours_per_day} and {@code days_per_week}. */
public record Units(int minutesPerDay, int daysPerWeek) {

    /** 100 years of minutes: longer durations are an error (E0111). */
    public static final BigDecimal MAX_MINUTES = BigDecimal.valueOf(100L * 366 * 24 * 60);
    private static final long MAX_MINUTES_LONG = MAX_MINUTES.longValueExact();

    /** Minutes of {@code dur}, rounded half-up to the minute; null when its unit is missing or unknown. */
    public @Nullable Long minutes(Dur dur) {
        DurUnit unit = dur.unit();
        if (unit == null) {
            return null;
        }
        long perUnit = switch (unit) {
            case MIN, EMIN -> 1;
            case H, EH -> 60;
            case D -> minutesPerDay;
            case W -> (long) minutesPerDay * daysPerWeek;
            case ED -> 24 * 60;
            case EW -> 7 * 24 * 60;
        };
        BigDecimal amount = dur.amount();
        if (amount.scale() == 0 && amount.signum() >= 0 && amount.precision() <= 12 && perUnit >= 0
                && perUnit <= 1_000_000) {
            // A whole number (nearly always): exact in a long, the same minutes as below.
            return Math.min(amount.longValue() * perUnit, MAX_MINUTES_LONG);
        }
        BigDecimal factor = switch (unit) {
            case MIN, EMIN -> BigDecimal.ONE;
            case H, EH -> BigDecimal.valueOf(60);
            case D -> BigDecimal.valueOf(minutesPerDay);
            case W -> BigDecimal.valueOf((long) minutesPerDay * daysPerWeek);
            case ED -> BigDecimal.valueOf(24 * 60);
            case EW -> BigDecimal.valueOf(7 * 24 * 60);
        };
        BigDecimal minutes = dur.amount().multiply(factor).setScale(0, RoundingMode.HALF_UP);
        // Absurd lengths are reported by a rule (E0111); clamp so arithmetic never overflows.
        return minutes.min(MAX_MINUTES).longValue();
    }
}
