package dev.planc.runtime.journal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalFileTest {
    private static final LocalDateTime AT = LocalDateTime.parse("2027-02-01T12:00");
    private static final Instant REC = Instant.parse("2026-11-22T02:55:01.123Z");

    @TempDir
    Path dir;

    private final List<String> repairs = new CopyOnWriteArrayList<>();

    private JournalFile open(Path file) {
        return JournalFile.open(file, repairs::add);
    }

    static Event note(String writer, int n) {
        return Events.note(writer, Integer.toString(n), AT, REC, "test");
    }

    static String line(Event e) {
        return EventCodec.line(e) + "\n";
    }

    private static List<String> texts(List<Event> events) {
        List<String> out = new ArrayList<>();
        for (Event e : events) {
            out.add(e.subject() + "#" + e.text());
        }
        return out;
    }

    @Test
    void missingFileReadsEmptyAndIsNotCreated() throws Exception {
        Path f = dir.resolve("plan.journal");
        try (JournalFile j = open(f)) {
            EventStore.ReadResult r = j.read();
            assertEquals(List.of(), r.events());
            assertEquals(List.of(), r.warnings());
            assertThrows(EventStore.Rejected.class, () -> j.append(stored -> {
                throw new EventStore.Rejected(List.of("no"));
            }));
            assertEquals(List.of(), j.append(stored -> List.of()));
        }
        assertFalse(Files.exists(f), "neither reading nor an append that adds nothing creates the journal");
    }

    @Test
    void emptyFileReadsEmptyAndTakesAppends() throws Exception {
        Path f = Files.createFile(dir.resolve("plan.journal"));
        try (JournalFile j = open(f)) {
            assertEquals(new EventStore.ReadResult(List.of(), List.of()), j.read());
            j.append(stored -> List.of(note("a", 1)));
            assertEquals(List.of("a#1"), texts(j.read().events()));
        }
    }

    @Test
    void appendsLinesInOrderAndDecideSeesWhatIsStored() throws Exception {
        Path f = dir.resolve("plan.journal");
        List<Integer> seen = new ArrayList<>();
        try (JournalFile j = open(f)) {
            List<Event> first = List.of(note("a", 1), note("a", 2), note("a", 3));
            assertEquals(first, j.append(stored -> {
                seen.add(stored.size());
                return first;
            }));
            j.append(stored -> {
                seen.add(stored.size());
                assertEquals(first, stored);
                return List.of(note("a", 4));
            });
            EventStore.ReadResult r = j.read();
            assertEquals(List.of("a#1", "a#2", "a#3", "a#4"), texts(r.events()));
            assertEquals(List.of(), r.warnings());
        }
        assertEquals(List.of(0, 3), seen);
        String text = Files.readString(f, UTF_8);
        assertTrue(text.endsWith("\n"));
        assertEquals(4, text.lines().count());
        assertTrue(Files.exists(dir.resolve("plan.journal.lock")));
        assertEquals(List.of(), repairs);
    }

    @Test
    void tornLastLineIsIgnoredWithAWarningAndNothingBeforeItIsLost() throws Exception {
        Path f = dir.resolve("plan.journal");
        String torn = line(note("a", 3)).substring(0, 30);
        Files.writeString(f, line(note("a", 1)) + line(note("a", 2)) + torn, UTF_8);
        try (JournalFile j = open(f)) {
            EventStore.ReadResult r = j.read();
            assertEquals(List.of("a#1", "a#2"), texts(r.events()));
            assertEquals(1, r.warnings().size(), r.warnings().toString());
            String w = r.warnings().get(0);
            assertTrue(w.contains("torn last line (30 bytes") && w.contains("interrupted write"), w);
            assertTrue(w.contains(f.toString()), w);
        }
    }

    @Test
    void unreadableLineInTheMiddleIsReportedWithItsNumberAndKept() throws Exception {
        Path f = dir.resolve("plan.journal");
        String garbage = "this is not an event\n";
        String bad = "{\"schema\":1,\"id\":\"x\",\"at\":\"2027-02-01T12:00\",\"recorded\":\"2026-11-22T00:00:00Z\","
                + "\"type\":\"explode\"}\n";
        byte[] notUtf8 = {(byte) 0xC3, (byte) 0x28, '\n'};
        Files.writeString(f, line(note("a", 1)) + garbage + line(note("a", 2)) + "\n" + bad, UTF_8);
        Files.write(f, notUtf8, StandardOpenOption.APPEND);
        Files.writeString(f, line(note("a", 3)), UTF_8, StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(f);
        try (JournalFile j = open(f)) {
            EventStore.ReadResult r = j.read();
            assertEquals(List.of("a#1", "a#2", "a#3"), texts(r.events()));
            assertEquals(3, r.warnings().size(), r.warnings().toString());
            assertTrue(r.warnings().get(0).startsWith(f + ":2: skipped an unreadable line: not JSON"),
                    r.warnings().get(0));
            assertEquals(f + ":5: skipped an unreadable line: unknown type `explode`", r.warnings().get(1));
            assertEquals(f + ":6: skipped an unreadable line: not UTF-8", r.warnings().get(2));
            assertArrayEquals(before, Files.readAllBytes(f), "reading changes nothing");
            j.append(stored -> {
                assertEquals(3, stored.size());
                return List.of(note("a", 4));
            });
        }
        byte[] after = Files.readAllBytes(f);
        assertArrayEquals(before, java.util.Arrays.copyOf(after, before.length), "unreadable lines are kept");
        assertEquals(List.of(), repairs);
    }

    @Test
    void appendAfterATornLineCutsItOffAndSaysSo() throws Exception {
        Path f = dir.resolve("plan.journal");
        String good = line(note("a", 1)) + line(note("a", 2));
        String torn = line(note("a", 3)).substring(0, 41);
        Files.writeString(f, good + torn, UTF_8);
        Event next = note("b", 1);
        try (JournalFile j = open(f)) {
            j.append(stored -> List.of(next));
            assertEquals(1, repairs.size(), repairs.toString());
            assertTrue(repairs.get(0).contains("cut off a torn last line (41 bytes"), repairs.get(0));
            EventStore.ReadResult r = j.read();
            assertEquals(List.of("a#1", "a#2", "b#1"), texts(r.events()));
            assertEquals(List.of(), r.warnings());
        }
        assertEquals(good + line(next), Files.readString(f, UTF_8));
    }

    @Test
    void rejectedOrEmptyDecisionsLeaveTheFileByteIdentical() throws Exception {
        Path f = dir.resolve("plan.journal");
        Files.writeString(f, line(note("a", 1)) + "{\"torn", UTF_8);
        byte[] before = Files.readAllBytes(f);
        try (JournalFile j = open(f)) {
            EventStore.Rejected r = assertThrows(EventStore.Rejected.class, () -> j.append(stored -> {
                throw new EventStore.Rejected(List.of("task `x` is not in the plan", "percent over 100"));
            }));
            assertEquals(List.of("task `x` is not in the plan", "percent over 100"), r.reasons());
            assertArrayEquals(before, Files.readAllBytes(f));
            assertEquals(List.of(), j.append(stored -> List.of()));
            assertArrayEquals(before, Files.readAllBytes(f));
            assertThrows(IllegalStateException.class, () -> j.append(stored -> {
                throw new IllegalStateException("bug in a decision");
            }));
            assertArrayEquals(before, Files.readAllBytes(f));
        }
        // The locks were released: another store on the same file can append.
        try (JournalFile other = open(f)) {
            other.append(stored -> List.of(note("a", 2)));
            assertEquals(List.of("a#1", "a#2"), texts(other.read().events()));
        }
        assertEquals(1, repairs.size(), "the torn tail is cut once, by the append that wrote");
    }

    @Test
    void aDecisionMayReadTheStoreItIsAppendingTo() throws Exception {
        Path f = dir.resolve("plan.journal");
        Files.writeString(f, line(note("a", 1)) + "{\"torn", UTF_8);
        try (JournalFile j = open(f)) {
            j.append(stored -> {
                try {
                    EventStore.ReadResult r = j.read(); // under our own lock: no waiting on ourselves
                    assertEquals(1, r.events().size());
                    assertEquals(1, r.warnings().size());
                } catch (StoreException ex) {
                    throw new AssertionError(ex);
                }
                return List.of(note("a", 2));
            });
        }
    }

    @Test
    void threadsOfOneProcessTakeTurns() throws Exception {
        Path f = dir.resolve("plan.journal");
        int threads = 4;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String writer = "t" + t;
                // A store per thread and a shared one: both must serialise without overlapping OS locks.
                JournalFile own = open(f);
                done.add(pool.submit(() -> {
                    for (int n = 0; n < each; n++) {
                        int k = n;
                        own.append(stored -> List.of(note(writer, k)));
                    }
                    return null;
                }));
            }
            for (Future<?> d : done) {
                d.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        try (JournalFile j = open(f)) {
            EventStore.ReadResult r = j.read();
            assertEquals(List.of(), r.warnings());
            assertEquals(threads * each, r.events().size());
            assertEquals(threads * each, new HashSet<>(r.events().stream().map(Event::id).toList()).size());
        }
    }

    @Test
    void aStoreNoticesWhatOthersAppendedAndFilesChangedUnderIt() throws Exception {
        Path f = dir.resolve("plan.journal");
        try (JournalFile a = open(f); JournalFile b = open(f)) {
            a.append(stored -> List.of(note("a", 1), note("a", 2)));
            b.append(stored -> {
                assertEquals(2, stored.size());
                return List.of(note("b", 1));
            });
            a.append(stored -> {
                assertEquals(List.of("a#1", "a#2", "b#1"), texts(stored));
                return List.of(note("a", 3));
            });
            // Rewritten in place, shorter: a must not trust what it read before.
            Files.writeString(f, line(note("c", 1)), UTF_8);
            a.append(stored -> {
                assertEquals(List.of("c#1"), texts(stored));
                return List.of(note("a", 4));
            });
            // Rewritten in place, same length, different last bytes.
            String text = Files.readString(f, UTF_8);
            Files.writeString(f, text.replace("\"value\":\"4\"", "\"value\":\"5\""), UTF_8);
            a.append(stored -> {
                assertEquals(List.of("c#1", "a#5"), texts(stored));
                return List.of();
            });
        }
    }

    @Test
    void failuresNameTheFileWithoutAStackTraceInTheMessage() throws Exception {
        Path f = dir.resolve("no-such-dir").resolve("plan.journal");
        try (JournalFile j = open(f)) {
            assertEquals(List.of(), j.read().events());
            StoreException ex = assertThrows(StoreException.class, () -> j.append(stored -> List.of(note("a", 1))));
            assertEquals("cannot open the lock file " + f + ".lock: no such file or directory", ex.getMessage());
        }
        JournalFile closed = open(dir.resolve("x.journal"));
        closed.close();
        assertThrows(StoreException.class, closed::read);
    }

    @Test
    void theJournalOfAPlanIsBesideIt() {
        assertEquals(Path.of("examples/release.journal"), JournalFile.besidePlan(Path.of("examples/release.plan")));
    }

    /** Not a timed assertion: prints how long large journals take, for the record. */
    @Test
    void fiftyThousandEvents() throws IOException, Exception {
        Path f = dir.resolve("big.journal");
        int n = 50_000;
        StringBuilder text = new StringBuilder(n * 220);
        for (int i = 0; i < n; i++) {
            text.append(line(Events.progress("build.api.step" + (i % 100), java.math.BigDecimal.valueOf(i % 101),
                    AT.plusMinutes(i), REC.plusMillis(i), "ana")));
        }
        Files.writeString(f, text, UTF_8);
        try (JournalFile j = open(f)) {
            long best = Long.MAX_VALUE;
            for (int round = 0; round < 5; round++) {
                long t0 = System.nanoTime();
                EventStore.ReadResult r = j.read();
                best = Math.min(best, System.nanoTime() - t0);
                assertEquals(n, r.events().size());
            }
            long t0 = System.nanoTime();
            j.append(stored -> List.of(note("a", 1)));
            long firstAppend = System.nanoTime() - t0;
            t0 = System.nanoTime();
            j.append(stored -> List.of(note("a", 2)));
            long nextAppend = System.nanoTime() - t0;
            System.out.printf("journal of %,d events (%,d bytes): read best of 5 %.0f ms; first append %.0f ms,"
                    + " next append %.1f ms%n", n, Files.size(f), best / 1e6, firstAppend / 1e6, nextAppend / 1e6);
        }
    }
}
