package dev.planc.bench;

import dev.planc.runtime.journal.Event;
import dev.planc.runtime.journal.EventCodec;
import dev.planc.runtime.journal.EventStore;
import dev.planc.runtime.journal.Events;
import dev.planc.runtime.journal.JournalFile;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Durable journal throughput against the target (single writer ≥ 1,000 durable events/s), beside
 * what the disk allows:
 *
 * <ol>
 * <li>the machine's sync rate: one event-sized line written at the end of a file, then
 * {@link FileChannel#force} — {@code force(false)} (fdatasync, what the journal uses) and
 * {@code force(true)} (fsync) — in a loop, in the directory of the journal;
 * <li>{@link JournalFile#append} of one event at a time, each under the writer locks and synced
 * (after a second of warm-up); 1 and 2 alternate in ten rounds so that they see the same disk;
 * <li>{@link JournalFile#read} of a 50,000-event journal.
 * </ol>
 *
 * <pre>
 * java -cp bench/target/planc-bench.jar dev.planc.bench.JournalThroughput
 *     [--dir DIR] [--sync-seconds 3] [--append-seconds 5] [--read-events 50000]
 * </pre>
 *
 * Everything happens in a new directory under {@code --dir} (default {@code java.io.tmpdir}),
 * deleted afterwards; put it on the disk you care about (not tmpfs, where sync is free). Exit status 1 when the
 * append rate misses the target.
 */
public final class JournalThroughput {
    static final double TARGET_EVENTS_S = 1_000;
    private static final LocalDateTime AT = LocalDateTime.parse("2027-02-01T12:00");

    private JournalThroughput() {}

    public static void main(String[] args) throws Exception {
        Path dir = null;
        double syncSeconds = 3;
        double appendSeconds = 5;
        int readEvents = 50_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[++i]);
                case "--sync-seconds" -> syncSeconds = Double.parseDouble(args[++i]);
                case "--append-seconds" -> appendSeconds = Double.parseDouble(args[++i]);
                case "--read-events" -> readEvents = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: JournalThroughput [--dir DIR] [--sync-seconds S] [--append-seconds S]"
                            + " [--read-events N]");
                    System.exit(2);
                }
            }
        }
        Path work = dir == null ? Files.createTempDirectory("planc-journal-bench")
                : Files.createTempDirectory(Files.createDirectories(dir), "planc-journal-bench");
        try {
            System.out.printf(Locale.ROOT, "%s, directory %s (file system %s), %d cores, load average %.2f%n", Instant.now(), work,
                    Files.getFileStore(work).type(), Runtime.getRuntime().availableProcessors(), load());
            Rate[] rates = interleaved(work, syncSeconds, appendSeconds);
            Rate fdatasync = rates[0];
            Rate fsync = rates[1];
            Rate appends = rates[2];
            double[] reads = readTimes(work.resolve("read.journal"), readEvents);
            double loadAfter = load();

            System.out.println();
            System.out.println("| what | per second | latency p50 / p99 / max | CPU per op |");
            System.out.println("|---|---|---|---|");
            System.out.println(fdatasync.row("raw write + force(false) (fdatasync), 1 line"));
            System.out.println(fsync.row("raw write + force(true) (fsync), 1 line"));
            System.out.println(appends.row("JournalFile.append, 1 event, durable"));
            System.out.printf(Locale.ROOT, "%nread() of %,d events: first %.0f ms, best %.0f ms, median %.0f ms (%d runs)%n",
                    readEvents, reads[0], Arrays.stream(reads).min().orElseThrow(), median(reads), reads.length);
            System.out.printf(Locale.ROOT, "load average %.2f after; appends reach %.0f %% of the fdatasync rate%n",
                    loadAfter, 100 * appends.perSecond() / fdatasync.perSecond());
            boolean met = appends.perSecond() >= TARGET_EVENTS_S;
            System.out.printf(Locale.ROOT, "target single writer >= %,.0f durable events/s: %s%n", TARGET_EVENTS_S,
                    met ? "met" : "MISSED");
            System.exit(met ? 0 : 1);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    record Rate(long count, double seconds, long[] latenciesNs, long cpuNs) {
        double perSecond() {
            return count / seconds;
        }

        String row(String what) {
            long[] l = latenciesNs.clone();
            Arrays.sort(l);
            return String.format(Locale.ROOT, "| %s | %,.0f | %.2f / %.2f / %.2f ms | %.0f µs |", what, perSecond(),
                    l[l.length / 2] / 1e6, l[(int) Math.min(l.length - 1, Math.round(l.length * 0.99))] / 1e6,
                    l[l.length - 1] / 1e6, cpuNs / 1e3 / count);
        }
    }

    @FunctionalInterface
    interface Op {
        void run(int i) throws Exception;
    }

    /** Runs an operation in slices of time, adding up count, time, latencies and CPU time. */
    static final class Meter {
        private final Op op;
        private long count;
        private long nanos;
        private long cpuNs;
        private long[] latencies = new long[1 << 16];

        Meter(Op op) {
            this.op = op;
        }

        void run(double seconds) throws Exception {
            long cpu0 = cpu();
            long start = System.nanoTime();
            long stop = start + (long) (seconds * 1e9);
            long now = start;
            while (now < stop) {
                op.run((int) count);
                long t = System.nanoTime();
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, latencies.length * 2);
                }
                latencies[(int) count++] = t - now;
                now = t;
            }
            nanos += now - start;
            cpuNs += cpu() - cpu0;
        }

        Rate rate() {
            return new Rate(count, nanos / 1e9, Arrays.copyOf(latencies, (int) count), cpuNs);
        }
    }

    /**
     * The raw sync rates and the append rate, measured in alternating slices (10 rounds) so that
     * all three see the same disk: on a shared machine the sync latency swings by 10× from one
     * second to the next with other people's I/O.
     */
    private static Rate[] interleaved(Path dir, double syncSeconds, double appendSeconds) throws Exception {
        byte[] line = (EventCodec.line(event(0)) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel data = FileChannel.open(dir.resolve("sync-probe-data"), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
                FileChannel full = FileChannel.open(dir.resolve("sync-probe-full"), StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                JournalFile journal = JournalFile.open(dir.resolve("appends.journal"),
                        w -> System.err.println("warning: " + w))) {
            Meter fdatasync = new Meter(i -> syncLine(data, line, (long) i * line.length, false));
            Meter fsync = new Meter(i -> syncLine(full, line, (long) i * line.length, true));
            Meter appends = new Meter(i -> {
                Event e = event(i);
                journal.append(stored -> List.of(e));
            });
            Meter warmAppends = new Meter(i -> {
                Event e = event(i);
                journal.append(stored -> List.of(e));
            });
            warmAppends.run(1.0); // JIT: the first appends are interpreted
            int rounds = 10;
            for (int r = 0; r < rounds; r++) {
                fdatasync.run(syncSeconds / 2 / rounds);
                fsync.run(syncSeconds / 2 / rounds);
                appends.run(appendSeconds / rounds);
            }
            return new Rate[] {fdatasync.rate(), fsync.rate(), appends.rate()};
        }
    }

    /** One event-sized line written at {@code end}, then synced. */
    private static void syncLine(FileChannel ch, byte[] line, long end, boolean metadata) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(line);
        long at = end;
        while (buf.hasRemaining()) {
            at += ch.write(buf, at);
        }
        ch.force(metadata);
    }

    /** CPU time of this thread, user and system. */
    private static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Milliseconds for each of a few reads of a journal of {@code events} lines. */
    private static double[] readTimes(Path file, int events) throws Exception {
        StringBuilder text = new StringBuilder(events * 220);
        for (int i = 0; i < events; i++) {
            text.append(EventCodec.line(event(i))).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        double[] ms = new double[7];
        try (JournalFile j = JournalFile.open(file, w -> System.err.println("warning: " + w))) {
            for (int r = 0; r < ms.length; r++) {
                long t0 = System.nanoTime();
                EventStore.ReadResult result = j.read();
                ms[r] = (System.nanoTime() - t0) / 1e6;
                if (result.events().size() != events || !result.warnings().isEmpty()) {
                    throw new IllegalStateException("read " + result.events().size() + " events, warnings "
                            + result.warnings());
                }
            }
        }
        return ms;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    /** A typical event: progress on a task, with an author. */
    private static Event event(int i) {
        return Events.progress("build.frontend.step" + (i % 100), BigDecimal.valueOf(i % 101), AT.plusMinutes(i),
                Instant.parse("2026-11-22T03:00:00Z").plusMillis(i), "ana");
    }
}
