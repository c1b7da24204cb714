package dev.planc.runtime.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.planc.compiler.schedule.Times;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/** {@code planc status --format json} (CLI.md shape, with more fields). Undefined numbers are null. */
public final class StatusJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusJson() {}

    public static String write(Status s) {
        ObjectNode root = JSON.createObjectNode();
        root.put("asOf", Times.text(s.asOf()));
        root.put("overall", s.overall().word());
        root.put("baseline", s.baseline());
        root.put("baselineFinish", Times.text(s.baselineFinish()));
        root.put("forecastFinish", Times.text(s.forecastFinish()));
        root.put("slipHours", hours(s.slipMinutes()));
        EarnedValue e = s.evm();
        ObjectNode evm = root.putObject("evm");
        evm.put("unit", e.unit());
        evm.put("bac", e.bac());
        evm.put("pv", e.pv());
        evm.put("ev", e.ev());
        evm.put("ac", e.ac());
        evm.put("sv", e.sv());
        evm.put("cv", e.cv());
        evm.put("spi", e.spi());
        evm.put("cpi", e.cpi());
        evm.put("eac", e.eac());
        evm.put("eacAtypical", e.eacAtypical());
        evm.put("eacCombined", e.eacCombined());
        evm.put("etc", e.etc());
        evm.put("vac", e.vac());
        evm.put("tcpi", e.tcpi());
        evm.put("esDays", e.esDays());
        evm.put("svtDays", e.svtDays());
        evm.put("spit", e.spit());
        evm.put("ieacFinish", Times.text(e.ieacFinish()));
        evm.put("spiFlag", s.spiFlag().word());
        evm.put("cpiFlag", s.cpiFlag().word());
        ArrayNode tasks = root.putArray("tasks");
        for (Status.TaskRow t : s.tasks()) {
            ObjectNode o = tasks.addObject();
            o.put("id", t.id());
            o.put("kind", t.kind());
            o.put("state", t.state().word());
            o.put("flag", t.flag().word());
            o.put("contingent", t.contingent());
            o.put("baselineStart", Times.text(t.baselineStart()));
            o.put("baselineFinish", Times.text(t.baselineFinish()));
            o.put("forecastStart", Times.text(t.forecastStart()));
            o.put("forecastFinish", Times.text(t.forecastFinish()));
            o.put("actualStart", Times.text(t.actualStart()));
            o.put("actualFinish", Times.text(t.actualFinish()));
            o.put("slipHours", hours(t.slipMinutes()));
            o.put("progress", t.progress());
            o.put("critical", t.critical());
        }
        ArrayNode metrics = root.putArray("metrics");
        for (Status.MetricRow m : s.metrics()) {
            ObjectNode o = metrics.addObject();
            o.put("id", m.id());
            o.put("value", m.value());
            o.put("measuredAt", Times.text(m.measuredAt()));
            o.put("expected", m.expected());
            o.put("target", m.target());
            o.put("targetDate", m.targetDate());
            o.put("tolerancePercent", m.tolerancePercent());
            o.put("flag", m.flag().word());
        }
        ArrayNode cs = root.putArray("contingencies");
        for (Status.ContingencyRow c : s.contingencies()) {
            ObjectNode o = cs.addObject();
            o.put("id", c.id());
            o.put("fired", c.fired());
            o.put("firings", c.firings());
            o.put("at", Times.text(c.at()));
            o.put("because", c.because());
        }
        ArrayNode alerts = root.putArray("alerts");
        for (Status.Alert a : s.alerts()) {
            ObjectNode o = alerts.addObject();
            o.put("contingency", a.contingency());
            o.put("kind", a.kind());
            o.put("to", a.to());
            o.put("message", a.message());
            o.put("at", Times.text(a.at()));
        }
        ArrayNode devs = root.putArray("deviations");
        for (Status.Deviation d : s.deviations()) {
            ObjectNode o = devs.addObject();
            o.put("subject", d.subject());
            o.put("flag", d.flag().word());
            o.put("message", d.message());
        }
        ArrayNode warnings = root.putArray("warnings");
        s.warnings().forEach(warnings::add);
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(pretty).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static @Nullable BigDecimal hours(@Nullable Long minutes) {
        return minutes == null ? null : BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2,
                RoundingMode.HALF_UP);
    }
}
