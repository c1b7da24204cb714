package dev.planc.runtime.journal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real writer processes ({@link JournalWriterProcess}) on one journal: taking turns, and killed. */
class JournalProcessTest {
    @TempDir
    Path dir;

    /** A writer JVM; started lean (C1 only, serial GC) because the test machine has two cores. */
    private Process startWriter(Path journal, String writer, long count, boolean waitGo) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), JournalWriterProcess.class.getName(),
                journal.toString(), writer, Long.toString(count)));
        if (waitGo) {
            cmd.add("--wait-go");
        }
        // Output to a file, not a pipe: what the writer printed before a kill is all there, with no
        // reader thread racing the JDK's clean-up of a dead process's pipes.
        return new ProcessBuilder(cmd).redirectError(dir.resolve(writer + ".err").toFile())
                .redirectOutput(dir.resolve(writer + ".out").toFile()).start();
    }

    private String stderr(String writer) {
        Path f = dir.resolve(writer + ".err");
        try {
            return Files.exists(f) ? Files.readString(f, UTF_8) : "";
        } catch (IOException ex) {
            return "(stderr unreadable: " + ex + ")";
        }
    }

    /** The complete lines a writer printed (a line cut short by a kill is no acknowledgement). */
    private List<String> printed(String writer) throws IOException {
        Path f = dir.resolve(writer + ".out");
        String text = Files.exists(f) ? Files.readString(f, UTF_8) : "";
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
    }

    /** Waits until the writer has printed a first line, or has died. */
    private void awaitFirstLine(Process p, String writer) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (printed(writer).isEmpty()) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                fail(writer + " printed nothing: " + stderr(writer));
            }
            Thread.sleep(5);
        }
    }

    private static Map<String, List<Integer>> sequencesByWriter(List<Event> events) {
        Map<String, List<Integer>> by = new HashMap<>();
        for (Event e : events) {
            by.computeIfAbsent(e.subject(), k -> new ArrayList<>()).add(Integer.parseInt(e.text()));
        }
        return by;
    }

    private static void assertContiguousFromZero(String writer, List<Integer> seq) {
        for (int i = 0; i < seq.size(); i++) {
            if (seq.get(i) != i) {
                fail("writer " + writer + ": event #" + i + " is " + seq.get(i) + " (lost or out of order)");
            }
        }
    }

    @Test
    void twoWriterProcessesOfAThousandEventsEachNeitherInterleaveNorLoseLines() throws Exception {
        Path journal = dir.resolve("plan.journal");
        int each = 1_000;
        Process a = startWriter(journal, "A", each, true);
        Process b = startWriter(journal, "B", each, true);
        try {
            awaitFirstLine(a, "A");
            awaitFirstLine(b, "B");
            for (Process p : List.of(a, b)) {
                OutputStream go = p.getOutputStream();
                go.write("go\n".getBytes(UTF_8));
                go.flush();
            }
            assertTrue(a.waitFor(5, TimeUnit.MINUTES) && b.waitFor(5, TimeUnit.MINUTES), "writers did not finish");
            assertEquals(0, a.exitValue(), () -> stderr("A"));
            assertEquals(0, b.exitValue(), () -> stderr("B"));
            assertEquals(each + 1, printed("A").size());
            assertEquals(each + 1, printed("B").size());
            List<String> ackA = printed("A").subList(1, each + 1); // after "ready"
            List<String> ackB = printed("B").subList(1, each + 1);

            byte[] bytes = Files.readAllBytes(journal);
            long lineEnds = 0;
            for (byte x : bytes) {
                lineEnds += x == '\n' ? 1 : 0;
            }
            assertEquals(2 * each, lineEnds, "one line per event");
            assertEquals('\n', bytes[bytes.length - 1]);
            try (JournalFile j = JournalFile.open(journal, w -> fail("no repair expected: " + w))) {
                EventStore.ReadResult r = j.read();
                assertEquals(List.of(), r.warnings(), "every line intact");
                assertEquals(2 * each, r.events().size());
                assertEquals(2 * each, new HashSet<>(r.events().stream().map(Event::id).toList()).size(),
                        "ids distinct");
                Map<String, List<Integer>> seq = sequencesByWriter(r.events());
                assertEquals(Set.of("A", "B"), seq.keySet());
                assertContiguousFromZero("A", seq.get("A"));
                assertContiguousFromZero("B", seq.get("B"));
                assertEquals(ackA, r.events().stream().filter(e -> "A".equals(e.subject())).map(Event::id).toList());
                assertEquals(ackB, r.events().stream().filter(e -> "B".equals(e.subject())).map(Event::id).toList());
                int turns = 0;
                for (int i = 1; i < r.events().size(); i++) {
                    turns += r.events().get(i).subject().equals(r.events().get(i - 1).subject()) ? 0 : 1;
                }
                System.out.println("two writers x " + each + ": the writer changed " + turns + " times in the journal");
            }
        } finally {
            a.destroyForcibly();
            b.destroyForcibly();
        }
    }

    @Test
    void writersKilledMidAppendLoseNoAcknowledgedEvent() throws Exception {
        Path journal = dir.resolve("crash.journal");
        Random random = new Random(20261122L);
        int iterations = 20;
        Set<String> acknowledged = new LinkedHashSet<>();
        int tornSeen = 0;
        int simulatedTears = 0;
        for (int i = 0; i < iterations; i++) {
            String writer = "w" + i;
            Process p = startWriter(journal, writer, -1, false);
            try {
                // Kill only once it is appending, not while the JVM starts.
                awaitFirstLine(p, writer);
                Thread.sleep(random.nextInt(250));
                p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flushing
                assertTrue(p.waitFor(60, TimeUnit.SECONDS));
                acknowledged.addAll(printed(writer));
            } finally {
                p.destroyForcibly();
            }
            if (random.nextInt(4) == 0 && i < iterations - 1) {
                // A kill rarely lands inside a single small write(2); tear a line by hand as a crash
                // (or a power cut) would, so the next writer has to cut it off.
                Files.write(journal, "{\"schema\":1,\"id\":\"never-acknowledged\",\"at\":\"2027".getBytes(UTF_8),
                        java.nio.file.StandardOpenOption.APPEND);
                simulatedTears++;
            }
            try (JournalFile j = JournalFile.open(journal, w -> fail("a reader repairs nothing: " + w))) {
                EventStore.ReadResult r = j.read();
                assertTrue(r.warnings().size() <= 1, r.warnings().toString());
                if (r.warnings().size() == 1) {
                    assertTrue(r.warnings().get(0).contains("torn last line"), r.warnings().get(0));
                    tornSeen++;
                }
                Set<String> ids = new HashSet<>(r.events().stream().map(Event::id).toList());
                for (String id : acknowledged) {
                    assertTrue(ids.contains(id), () -> "acknowledged event " + id + " is missing");
                }
                for (Map.Entry<String, List<Integer>> w : sequencesByWriter(r.events()).entrySet()) {
                    assertContiguousFromZero(w.getKey(), w.getValue());
                }
                assertTrue(r.events().size() >= acknowledged.size());
            }
        }
        String repairs = "";
        for (int i = 0; i < iterations; i++) {
            repairs += stderr("w" + i);
        }
        long cuts = repairs.lines().filter(l -> l.startsWith("repair: ")).count();
        assertTrue(cuts >= simulatedTears, cuts + " cuts for " + simulatedTears + " tears: " + repairs);
        System.out.println(iterations + " writers killed: " + acknowledged.size() + " acknowledged events all present; "
                + tornSeen + " torn last lines seen (" + simulatedTears + " torn by hand), " + cuts + " cut off");
    }
}
