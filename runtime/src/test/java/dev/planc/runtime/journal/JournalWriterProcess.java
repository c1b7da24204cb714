package dev.planc.runtime.journal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A writer process for the multi-process tests: appends notes {@code WRITER#0, #1, …} to a
 * journal one append (lock + fsync) at a time, and prints each event id on its own line only
 * after {@code append} returned, so every printed id is an acknowledged event.
 *
 * <p>Arguments: {@code JOURNAL WRITER COUNT [--wait-go]}; COUNT -1 appends until killed. With
 * {@code --wait-go} it prints {@code ready} and waits for a line on standard input, so that
 * several writers start appending together.
 */
public final class JournalWriterProcess {
    private JournalWriterProcess() {}

    public static void main(String[] args) throws IOException {
        Path journal = Path.of(args[0]);
        String writer = args[1];
        long count = Long.parseLong(args[2]);
        boolean waitGo = args.length > 3 && args[3].equals("--wait-go");
        // Unbuffered: each id goes out in one write(2), right after its append returned.
        FileOutputStream out = new FileOutputStream(FileDescriptor.out);
        LocalDateTime at = LocalDateTime.parse("2027-02-01T12:00");
        try (JournalFile j = JournalFile.open(journal, w -> System.err.println("repair: " + w))) {
            if (waitGo) {
                out.write("ready\n".getBytes(StandardCharsets.UTF_8));
                while (System.in.read() != '\n') {
                    // wait for the go line
                }
            }
            for (long n = 0; count < 0 || n < count; n++) {
                Event e = Events.note(writer, Long.toString(n), at, Instant.now(), "writer-" + writer);
                j.append(stored -> List.of(e));
                out.write((e.id() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (StoreException | EventStore.Rejected ex) {
            System.err.println("writer " + writer + ": " + ex.getMessage());
            System.exit(2);
        }
    }
}
