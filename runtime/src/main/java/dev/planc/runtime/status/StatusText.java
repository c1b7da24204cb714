package dev.planc.runtime.status;

import dev.planc.compiler.schedule.Times;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code planc status}: a report a manager can read in a terminal. Overall flag first, then
 * milestones (baseline vs forecast), tasks that are late or critical, metrics, alerts and
 * contingencies, earned value, and what was ignored. Colour only when asked.
 */
public final class StatusText {
    private final boolean color;
    private final StringBuilder out = new StringBuilder();

    private StatusText(boolean color) {
        this.color = color;
    }

    public static String write(Status s, String planName, boolean color) {
        return new StatusText(color).render(s, planName);
    }

    private String render(Status s, String planName) {
        line(flag(s.overall()) + "  " + planName + " — status at " + text(s.asOf()));
        line("measured against " + s.baseline());
        line("finish: forecast " + text(s.forecastFinish()) + ", baseline " + text(s.baselineFinish())
                + (s.slipMinutes() == null ? "" : " (" + slip(s.slipMinutes()) + ")"));
        line("");
        List<Status.TaskRow> milestones = s.tasks().stream().filter(t -> t.kind().equals("milestone")
                && !t.contingent()).toList();
        if (!milestones.isEmpty()) {
            line("Milestones");
            for (Status.TaskRow t : milestones) {
                line(String.format("  %-6s %-28s baseline %-16s forecast %-16s %s", flag(t.flag()), t.id(),
                        text(t.baselineFinish()), text(t.forecastFinish()), t.state() == Status.State.DONE
                                ? "reached " + text(t.actualFinish()) : slipOrEmpty(t.slipMinutes())));
            }
            line("");
        }
        List<Status.TaskRow> watch = s.tasks().stream().filter(t -> t.kind().equals("task")
                && t.state() != Status.State.DONE && (t.flag() != Flag.GREEN || t.critical())).toList();
        if (!watch.isEmpty()) {
            line("Late or critical tasks");
            for (Status.TaskRow t : watch) {
                line(String.format("  %-6s %-28s %-11s %5s%%  forecast %-16s %s%s", flag(t.flag()), t.id(),
                        t.state().word(), BigDecimalText.plain(t.progress()), text(t.forecastFinish()),
                        slipOrEmpty(t.slipMinutes()), t.critical() ? "  critical" : ""));
            }
            line("");
        }
        if (!s.metrics().isEmpty()) {
            line("Metrics");
            for (Status.MetricRow m : s.metrics()) {
                line(String.format("  %-6s %-28s %s (expected %s, target %s by %s)", flag(m.flag()), m.id(),
                        m.value() == null ? "no reading yet" : BigDecimalText.plain(m.value()) + unit(m.unit()),
                        m.expected() == null ? "–" : BigDecimalText.plain(m.expected().setScale(2,
                                java.math.RoundingMode.HALF_UP)),
                        m.target() == null ? "–" : BigDecimalText.plain(m.target()),
                        m.targetDate() == null ? "–" : m.targetDate()));
            }
            line("");
        }
        if (!s.alerts().isEmpty() || s.contingencies().stream().anyMatch(Status.ContingencyRow::fired)) {
            line("Alerts and contingencies");
            for (Status.ContingencyRow c : s.contingencies()) {
                if (c.fired()) {
                    line("  fired  " + c.id() + " at " + Times.text(c.at()) + (c.because() == null
                            || c.because().isEmpty() ? "" : ": " + c.because()));
                }
            }
            for (Status.Alert a : s.alerts()) {
                line("  " + a.kind() + (a.to() == null ? "" : " " + a.to()) + ": " + a.message() + " ("
                        + a.contingency() + ", " + Times.text(a.at()) + ")");
            }
            line("");
        }
        EarnedValue e = s.evm();
        line("Earned value (" + e.unit() + ")");
        line("  BAC " + num(e.bac()) + "   PV " + num(e.pv()) + "   EV " + num(e.ev()) + "   AC " + num(e.ac()));
        line("  SPI " + num(e.spi()) + " " + flag(s.spiFlag()) + "   CPI " + num(e.cpi()) + " " + flag(s.cpiFlag())
                + "   SV " + num(e.sv()) + "   CV " + num(e.cv()));
        line("  EAC " + num(e.eac()) + "   ETC " + num(e.etc()) + "   VAC " + num(e.vac()) + "   TCPI " + num(e.tcpi()));
        line("  earned schedule " + num(e.esDays()) + "d   SV(t) " + num(e.svtDays()) + "d   SPI(t) " + num(e.spit())
                + "   IEAC(t) " + text(e.ieacFinish()));
        if (!s.deviations().isEmpty()) {
            line("");
            line("Deviations");
            for (Status.Deviation d : s.deviations()) {
                line("  " + flag(d.flag()) + " " + d.message());
            }
        }
        if (!s.warnings().isEmpty()) {
            line("");
            for (String w : s.warnings()) {
                line("warning: " + w);
            }
        }
        return out.toString();
    }

    private void line(String s) {
        out.append(s).append('\n');
    }

    private String flag(Flag f) {
        String word = f.word().toUpperCase(java.util.Locale.ROOT);
        if (!color) {
            return word;
        }
        String code = switch (f) {
            case GREEN -> "32";
            case AMBER -> "33";
            case RED -> "31";
        };
        return "\u001b[1;" + code + "m" + word + "\u001b[0m";
    }

    private static String text(java.time.@Nullable LocalDateTime t) {
        return t == null ? "–" : Times.text(t).replace('T', ' ');
    }

    private static String num(@Nullable BigDecimal v) {
        return v == null ? "undefined" : BigDecimalText.plain(v);
    }

    private static String unit(@Nullable String unit) {
        return unit == null ? "" : unit.equals("%") ? "%" : " " + unit;
    }

    private static String slip(long minutes) {
        return minutes == 0 ? "on time" : minutes > 0 ? "slips " + hoursOrDays(minutes) : hoursOrDays(-minutes) + " early";
    }

    private static String slipOrEmpty(@Nullable Long minutes) {
        return minutes == null || minutes == 0 ? "" : slip(minutes);
    }

    private static String hoursOrDays(long minutes) {
        return BigDecimalText.plain(BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2,
                java.math.RoundingMode.HALF_UP)) + "h";
    }

    /** Plain decimals without trailing zeros. */
    static final class BigDecimalText {
        private BigDecimalText() {}

        static String plain(BigDecimal v) {
            BigDecimal r = v.stripTrailingZeros();
            return r.scale() < 0 ? r.setScale(0).toPlainString() : r.toPlainString();
        }
    }
}
