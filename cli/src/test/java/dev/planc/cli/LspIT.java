package dev.planc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code planc lsp} as an editor runs it: the packaged jar in its own process, spoken to over
 * its standard input and output. Everything it writes to standard output must be protocol.
 */
class LspIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** The server process, a reader of framed messages from its stdout that keeps every byte read. */
    static final class Server implements AutoCloseable {
        final Process process;
        final OutputStream in;
        final InputStream out;
        final ByteArrayOutputStream raw = new ByteArrayOutputStream();
        final List<JsonNode> messages = new ArrayList<>();
        final Path err;

        Server(Path dir) throws IOException {
            err = Files.createTempFile(dir, "lsp-err", ".txt");
            process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    PlancProcess.jar().toString(), "lsp", "--debounce", "50").directory(dir.toFile())
                    .redirectError(err.toFile()).start();
            in = process.getOutputStream();
            out = process.getInputStream();
        }

        void send(ObjectNode message) throws IOException {
            message.put("jsonrpc", "2.0");
            byte[] body = JSON.writeValueAsBytes(message);
            in.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            in.write(body);
            in.flush();
        }

        /** Reads one message: headers (only Content-Length and Content-Type allowed), a blank line, JSON. */
        JsonNode read() throws IOException {
            int length = -1;
            while (true) {
                String line = line();
                if (line == null) {
                    throw new AssertionError("stdout ended; stderr: " + Files.readString(err));
                }
                if (line.isEmpty()) {
                    break;
                }
                String[] kv = line.split(":", 2);
                assertEquals(2, kv.length, "not a header: " + line);
                if (kv[0].equalsIgnoreCase("Content-Length")) {
                    length = Integer.parseInt(kv[1].trim());
                } else {
                    assertEquals("content-type", kv[0].toLowerCase(java.util.Locale.ROOT), "unexpected header: " + line);
                }
            }
            assertTrue(length >= 0, "no Content-Length");
            byte[] body = out.readNBytes(length);
            raw.write(body);
            JsonNode n = JSON.readTree(body);
            assertEquals("2.0", n.get("jsonrpc").asText());
            messages.add(n);
            return n;
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            int c;
            while ((c = out.read()) >= 0) {
                raw.write(c);
                if (c == '\n') {
                    assertTrue(b.length() > 0 && b.charAt(b.length() - 1) == '\r', "header line not ended by CRLF: " + b);
                    return b.substring(0, b.length() - 1);
                }
                b.append((char) c);
            }
            return null;
        }

        /** Reads until a response to {@code id} or a notification {@code method} arrives. */
        JsonNode until(String method, int id) throws IOException {
            while (true) {
                JsonNode n = read();
                if (method != null && method.equals(n.path("method").asText(null))) {
                    return n;
                }
                if (id >= 0 && n.has("id") && n.get("id").asInt() == id && !n.has("method")) {
                    return n;
                }
            }
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    private static ObjectNode request(int id, String method) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", id);
        n.put("method", method);
        n.putObject("params");
        return n;
    }

    private static ObjectNode notification(String method) {
        ObjectNode n = JSON.createObjectNode();
        n.put("method", method);
        n.putObject("params");
        return n;
    }

    @Test
    void initializeOpenDiagnosticsFormatShutdownExitOverStdio() throws Exception {
        String messy = "plan \"Launch 🚀\" {start 2027-01-04}\n   task   a \"A 🚀\"{duration 2d}  # keep\ntask b { after nope\n duration 1d }\n";
        Path file = tmp.resolve("a.plan");
        Files.writeString(file, messy, StandardCharsets.UTF_8);
        String uri = file.toUri().toString();
        try (Server s = new Server(tmp)) {
            ObjectNode init = request(1, "initialize");
            ((ObjectNode) init.get("params")).putNull("processId");
            ((ObjectNode) init.get("params")).put("rootUri", tmp.toUri().toString());
            ((ObjectNode) init.get("params")).putObject("capabilities");
            s.send(init);
            JsonNode caps = s.until(null, 1).path("result").path("capabilities");
            assertTrue(caps.path("hoverProvider").asBoolean(), caps.toString());
            assertEquals(2, caps.path("textDocumentSync").path("change").asInt(), caps.toString());
            s.send(notification("initialized"));

            ObjectNode open = notification("textDocument/didOpen");
            ObjectNode doc = ((ObjectNode) open.get("params")).putObject("textDocument");
            doc.put("uri", uri).put("languageId", "planc").put("version", 1).put("text", messy);
            s.send(open);
            JsonNode published = s.until("textDocument/publishDiagnostics", -1).get("params");
            assertEquals(uri, published.get("uri").asText());
            JsonNode d = published.get("diagnostics").get(0);
            assertEquals("E0201", d.get("code").asText());
            assertEquals(2, d.path("range").path("start").path("line").asInt());
            assertEquals("task b { after ".length(), d.path("range").path("start").path("character").asInt());

            // formatting through the protocol gives what `planc fmt` writes
            ObjectNode fmt = request(2, "textDocument/formatting");
            ((ObjectNode) fmt.get("params")).putObject("textDocument").put("uri", uri);
            ((ObjectNode) fmt.get("params")).putObject("options").put("tabSize", 2).put("insertSpaces", true);
            s.send(fmt);
            JsonNode edits = s.until(null, 2).get("result");
            assertEquals(1, edits.size(), edits.toString());
            PlancProcess.Run r = PlancProcess.run(tmp, "fmt", "a.plan");
            assertEquals(0, r.exit(), r.all());
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), edits.get(0).get("newText").asText());

            s.send(request(3, "shutdown"));
            assertTrue(s.until(null, 3).has("result"));
            s.send(notification("exit"));
            assertTrue(s.process.waitFor(30, TimeUnit.SECONDS), "the server did not exit");
            assertEquals(0, s.process.exitValue());
            // nothing after the last message, and nothing on stdout that was not a framed message
            assertEquals(-1, s.out.read());
            String err = Files.readString(s.err, StandardCharsets.UTF_8);
            assertFalse(err.contains("\tat "), err);
            assertFalse(err.contains("Exception"), err);
        }
    }

    @Test
    void aClientThatHangsUpWithoutShutdownEndsTheServerWithOne() throws Exception {
        try (Server s = new Server(tmp)) {
            ObjectNode init = request(1, "initialize");
            ((ObjectNode) init.get("params")).putObject("capabilities");
            s.send(init);
            s.until(null, 1);
            s.in.close();
            assertTrue(s.process.waitFor(30, TimeUnit.SECONDS), "the server did not exit");
            assertEquals(1, s.process.exitValue());
            String err = Files.readString(s.err, StandardCharsets.UTF_8);
            assertFalse(err.contains("\tat "), err);
        }
    }
}
