package dev.planc.compiler.diag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Renders diagnostics as the JSON document of CLI.md ({@code {"diagnostics": [...], "errors": N, "warnings": N}}). */
public final class JsonRenderer {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonRenderer() {}

    public static ObjectNode toJson(List<Diagnostic> diagnostics) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode arr = root.putArray("diagnostics");
        int errors = 0;
        int warnings = 0;
        for (Diagnostic d : diagnostics) {
            ObjectNode o = arr.addObject();
            o.put("file", d.span().source().path());
            o.put("line", d.span().line());
            o.put("column", d.span().column());
            o.put("endLine", d.span().endLine());
            o.put("endColumn", d.span().endColumn());
            o.put("severity", d.severity().label());
            o.put("code", d.code().id());
            o.put("message", d.message());
            if (d.label() != null) {
                o.put("label", d.label());
            }
            if (!d.help().isEmpty()) {
                ArrayNode help = o.putArray("help");
                d.help().forEach(help::add);
            }
            if (d.isError()) {
                errors++;
            } else {
                warnings++;
            }
        }
        root.put("errors", errors);
        root.put("warnings", warnings);
        return root;
    }

    public static String render(List<Diagnostic> diagnostics) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(diagnostics));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
