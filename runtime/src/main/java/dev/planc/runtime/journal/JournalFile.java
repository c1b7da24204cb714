package dev.planc.runtime.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.FileLockInterruptionException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The embedded event store: an append-only file of JSON lines ({@link EventCodec}), by default
 * {@code NAME.journal} beside {@code NAME.plan}.
 *
 * <p><b>Durability.</b> {@link #append} writes all lines of one decision with a single positional
 * write at the end of the file and returns only after {@link FileChannel#force} (fdatasync): an
 * event counts as stored once {@code append} has returned. When the append creates the file, the
 * directory is synced too, so the new name survives a crash.
 *
 * <p><b>Writers.</b> One writer at a time, across processes and threads: {@code append} holds an
 * in-process lock (per journal, shared by every {@code JournalFile} of this JVM) and an exclusive
 * OS lock on {@code NAME.journal.lock}, a separate, empty file beside the journal. Why not lock
 * the journal itself: POSIX releases every lock a process holds on a file when <em>any</em>
 * descriptor of that file is closed, so a reader thread closing the journal would silently drop
 * the writer's lock; and Windows locks are mandatory, so locking the journal would block readers.
 * Only {@code JournalFile} opens the lock file, and only while holding the in-process lock.
 *
 * <p><b>Readers</b> ({@link #read}) take no lock: writers only ever add complete lines at the
 * end, so every complete line a reader sees is final. A reader that finds an unterminated last
 * line cannot tell a crashed write from one in progress; only then it takes the locks (waiting
 * for at most one append) and reads again, so a torn line is reported only when it really is one.
 * A lock-free reader may see events whose {@code append} has not returned yet; they are on disk
 * moments later, unless the machine itself fails first.
 *
 * <p><b>Torn lines.</b> A last line without a line end is an interrupted write that was never
 * acknowledged: {@code read} reports it as a warning and ignores it, and the next {@code append}
 * cuts it off (truncates to the last line end, syncs) before writing, telling the warnings sink.
 * Nothing else is ever changed: an unreadable complete line is reported on every read, with its
 * line number, and kept.
 */
public final class JournalFile implements EventStore {
    /** Per-JVM writer locks, by journal; a JVM may not hold two OS locks on one file. */
    private static final ConcurrentHashMap<Path, ReentrantLock> WRITER_LOCKS = new ConcurrentHashMap<>();
    /** How many bytes before the end of the cached prefix must still match to trust the cache. */
    private static final int CACHE_PROBE = 64;

    private final Path file;
    private final Path lockFile;
    private volatile @Nullable ReentrantLock writerLock;
    private final Consumer<String> warnings;
    private volatile boolean closed;

    // What the last append saw, to read only the new tail next time (guarded by writerLock).
    private @Nullable Object cacheKey;
    private long cacheEnd = -1;
    private int cacheLines;
    private byte[] cacheProbe = new byte[0];
    private Stored cacheEvents = new Stored();

    private JournalFile(Path file, Consumer<String> warnings) {
        this.file = file;
        this.lockFile = file.resolveSibling(file.getFileName() + ".lock");
        this.warnings = warnings;
    }

    /**
     * This journal's in-process writer lock, shared by every {@code JournalFile} of the JVM on
     * the same file. Found by the real path of the directory, so that two names for one file
     * share a lock; until the directory exists there is nothing to lock (nor to append to).
     */
    private ReentrantLock writerLock() {
        ReentrantLock lock = writerLock;
        if (lock != null) {
            return lock;
        }
        Path absolute = file.toAbsolutePath().normalize();
        Path dir = absolute.getParent();
        try {
            Path real = dir == null ? absolute : dir.toRealPath().resolve(Objects.requireNonNull(absolute.getFileName()));
            lock = WRITER_LOCKS.computeIfAbsent(real, k -> new ReentrantLock());
            writerLock = lock;
            return lock;
        } catch (IOException ex) {
            // No directory (yet): a lock by name serves; the append will fail to open the lock file anyway.
            return WRITER_LOCKS.computeIfAbsent(absolute, k -> new ReentrantLock());
        }
    }

    /**
     * A journal at {@code file} (created by the first append). {@code warnings} is told about
     * repairs an append makes to the file (a torn last line cut off), once per repair, on the
     * appending thread after the locks are released; warnings about reading come with
     * {@link #read}.
     */
    public static JournalFile open(Path file, Consumer<String> warnings) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(warnings, "warnings");
        if (file.getFileName() == null) {
            throw new IllegalArgumentException("not a file name: " + file);
        }
        return new JournalFile(file, warnings);
    }

    /** The default journal of a plan: {@code NAME.journal} beside {@code NAME.plan} (see CLI.md). */
    public static Path besidePlan(Path plan) {
        String name = Objects.requireNonNull(plan.getFileName(), "plan").toString();
        String stem = name.endsWith(".plan") ? name.substring(0, name.length() - ".plan".length()) : name;
        return plan.resolveSibling(stem + ".journal");
    }

    /** The journal file, as given (messages name it so). */
    public Path path() {
        return file;
    }

    /** The file the writers lock, beside the journal. */
    public Path lockPath() {
        return lockFile;
    }

    @Override
    public ReadResult read() throws StoreException {
        checkOpen();
        Scan scan = scanFile();
        if (scan != null && scan.tornBytes > 0 && !writerLock().isHeldByCurrentThread()) {
            // Maybe a write in progress: look again once no writer holds the journal.
            scan = scanLocked();
        }
        if (scan == null) {
            return new ReadResult(List.of(), List.of());
        }
        List<String> w = new ArrayList<>(scan.warnings);
        if (scan.tornBytes > 0) {
            w.add(file + ": ignored a torn last line (" + scan.tornBytes + " bytes without a line end): "
                    + "an interrupted write, never acknowledged");
        }
        return new ReadResult(scan.events, w);
    }

    /** Reads the whole file once no writer holds it; null when it does not exist. */
    private @Nullable Scan scanLocked() throws StoreException {
        ReentrantLock inProcess = lockWriters();
        try {
            FileChannel lock = openLockFile(false);
            if (lock == null) {
                return scanFile(); // a reader without write access to the directory: do without
            }
            try {
                FileLock held = osLock(lock, true);
                try {
                    return scanFile();
                } finally {
                    closeQuietly(held);
                }
            } finally {
                closeQuietly(lock);
            }
        } finally {
            inProcess.unlock();
        }
    }

    /** Reads the whole file; null when it does not exist. */
    private @Nullable Scan scanFile() throws StoreException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException ex) {
            return null;
        } catch (IOException | OutOfMemoryError ex) {
            throw fail("cannot read", file, ex);
        }
        Scan scan = new Scan(new ArrayList<>(), new ArrayList<>());
        scan.parse(bytes, 0);
        return scan;
    }

    /**
     * Size, modification time and file identity: an append grows the file (and a repair that
     * cuts a torn line then writes changes the time), so equal versions mean equal contents.
     */
    @Override
    public Object version() throws StoreException {
        checkOpen();
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(a.size(), a.lastModifiedTime(), String.valueOf(a.fileKey()));
        } catch (NoSuchFileException ex) {
            return List.of();
        } catch (IOException ex) {
            throw fail("cannot read", file, ex);
        }
    }

    @Override
    public List<Event> append(Decision decide) throws StoreException, Rejected {
        checkOpen();
        Objects.requireNonNull(decide, "decide");
        Appended done;
        ReentrantLock inProcess = lockWriters();
        try {
            FileChannel lock = Objects.requireNonNull(openLockFile(true));
            try {
                FileLock held = osLock(lock, false);
                try {
                    done = appendLocked(decide);
                } finally {
                    // Releasing cannot undo what is already synced; closing the channel releases anyway.
                    closeQuietly(held);
                }
            } finally {
                closeQuietly(lock);
            }
        } finally {
            inProcess.unlock();
        }
        if (done.repair != null) {
            warnings.accept(done.repair);
        }
        return done.events;
    }

    private record Appended(List<Event> events, @Nullable String repair) {}

    /**
     * The append proper, under both writer locks. A journal that does not exist yet is created
     * only once there is something to write, so a rejected first append leaves no file behind.
     */
    private Appended appendLocked(Decision decide) throws StoreException, Rejected {
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (NoSuchFileException ex) {
            ch = null;
        } catch (IOException ex) {
            throw fail("cannot open", file, ex);
        }
        try {
            long size = 0;
            long end = 0;
            if (ch != null) {
                size = size(ch);
                end = refreshCache(ch, size);
            } else {
                invalidateCache();
            }
            List<Event> added = List.copyOf(decide.decide(cacheEvents.snapshot()));
            if (added.isEmpty()) {
                return new Appended(added, null);
            }
            byte[] bytes = encode(added);
            String repair = null;
            if (ch == null) {
                try {
                    ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                            StandardOpenOption.WRITE);
                } catch (IOException ex) {
                    throw fail("cannot create", file, ex);
                }
                syncDirectory(); // the name must survive a crash as well as the lines
                size = size(ch);
                end = refreshCache(ch, size); // empty, unless someone outside planc just made it
            }
            if (end < size) {
                // A torn tail: never acknowledged, so cut it off before writing after it.
                try {
                    ch.truncate(end);
                    ch.force(false);
                } catch (IOException ex) {
                    invalidateCache();
                    throw fail("cannot cut the torn last line of", file, ex);
                }
                repair = file + ": cut off a torn last line (" + (size - end) + " bytes without a line end): "
                        + "an interrupted write, never acknowledged";
            }
            write(ch, end, bytes);
            for (Event e : added) {
                cacheEvents.add(e);
            }
            cacheLines += added.size();
            cacheEnd = end + bytes.length;
            try {
                cacheProbe = probe(ch, cacheEnd);
            } catch (IOException ex) {
                invalidateCache(); // the events are stored; the next append just reads everything
            }
            return new Appended(added, repair);
        } finally {
            if (ch != null) {
                closeQuietly(ch);
            }
        }
    }

    private long size(FileChannel ch) throws StoreException {
        try {
            return ch.size();
        } catch (IOException ex) {
            throw fail("cannot read", file, ex);
        }
    }

    private static byte[] encode(List<Event> events) {
        StringBuilder text = new StringBuilder(events.size() * 200);
        for (Event e : events) {
            text.append(EventCodec.line(Objects.requireNonNull(e, "event"))).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes the lines at {@code end} in one write and syncs; on failure, takes them back. */
    private void write(FileChannel ch, long end, byte[] bytes) throws StoreException {
        try {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            long at = end;
            while (buf.hasRemaining()) {
                at += ch.write(buf, at);
            }
            ch.force(false);
        } catch (IOException ex) {
            invalidateCache();
            try {
                // All or nothing: a half-written append must not be mistaken for stored events.
                ch.truncate(end);
                ch.force(false);
            } catch (IOException ignored) {
                // What remains is an unterminated line at worst, which the next append cuts off.
            }
            throw fail("cannot write to", file, ex);
        }
    }

    /**
     * Brings the cached events up to date with the file (under the writer locks) and returns the
     * end of its last complete line. Only the bytes after what the cache already holds are
     * parsed, unless the file is not the one cached, shrank, or changed just before the cached end.
     */
    private long refreshCache(FileChannel ch, long size) throws StoreException {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            boolean valid = cacheEnd >= 0 && key != null && key.equals(cacheKey) && size >= cacheEnd
                    && Arrays.equals(cacheProbe, probe(ch, cacheEnd));
            if (!valid) {
                invalidateCache();
                cacheKey = key;
                cacheEnd = 0;
            }
            if (size - cacheEnd > Integer.MAX_VALUE - 16) {
                throw new StoreException(file + ": journal too large to read (" + size + " bytes)");
            }
            byte[] tail = readAt(ch, cacheEnd, (int) (size - cacheEnd));
            Scan scan = new Scan(cacheEvents, new ArrayList<>());
            int complete = scan.parse(tail, cacheLines);
            cacheLines = scan.lines;
            cacheEnd += complete;
            cacheProbe = probe(ch, cacheEnd);
            return cacheEnd;
        } catch (IOException ex) {
            invalidateCache();
            throw fail("cannot read", file, ex);
        }
    }

    /** The last few bytes before {@code end}, to notice a file changed under the cache. */
    private static byte[] probe(FileChannel ch, long end) throws IOException {
        int n = (int) Math.min(CACHE_PROBE, end);
        return readAt(ch, end - n, n);
    }

    private void invalidateCache() {
        cacheKey = null;
        cacheEnd = -1;
        cacheLines = 0;
        cacheProbe = new byte[0];
        cacheEvents = new Stored();
    }

    private static byte[] readAt(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            if (ch.read(buf, position + buf.position()) < 0) {
                break; // shorter than expected: the caller's comparison fails or the parse sees less
            }
        }
        return buf.position() == length ? buf.array() : Arrays.copyOf(buf.array(), buf.position());
    }

    /** Syncs the journal's directory, so that a newly created journal's name is durable too. */
    private void syncDirectory() throws StoreException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null) {
            return;
        }
        FileChannel d;
        try {
            d = FileChannel.open(dir, StandardOpenOption.READ);
        } catch (IOException ex) {
            return; // platforms that cannot open a directory (Windows) make names durable themselves
        }
        try (d) {
            d.force(true);
        } catch (IOException ex) {
            throw fail("cannot sync the directory of", file, ex);
        }
    }

    /** Takes the in-process writer lock and returns it, for the caller to unlock. */
    private ReentrantLock lockWriters() throws StoreException {
        ReentrantLock lock = writerLock();
        try {
            lock.lockInterruptibly();
            return lock;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new StoreException(file + ": interrupted while waiting for another writer");
        }
    }

    /**
     * Opens the lock file, creating it. A writer must; a reader ({@code writer} false) that may
     * not create or write it gets null and reads without the lock.
     */
    private @Nullable FileChannel openLockFile(boolean writer) throws StoreException {
        try {
            return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException ex) {
            if (!writer) {
                try {
                    return FileChannel.open(lockFile, StandardOpenOption.READ);
                } catch (IOException again) {
                    return null;
                }
            }
            throw fail("cannot open the lock file", lockFile, ex);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // Only called once the outcome is decided: a failed close changes nothing stored.
        }
    }

    /** Takes the OS lock (waiting for other processes); shared for readers, exclusive for writers. */
    private FileLock osLock(FileChannel lock, boolean shared) throws StoreException {
        try {
            return lock.lock(0, Long.MAX_VALUE, shared);
        } catch (FileLockInterruptionException ex) {
            Thread.currentThread().interrupt();
            throw new StoreException(file + ": interrupted while waiting for another writer");
        } catch (OverlappingFileLockException ex) {
            // Only if the journal is reached through two different names in one JVM (hard links).
            throw new StoreException(lockFile + ": already locked by this process under another name");
        } catch (IOException ex) {
            throw fail("cannot lock", lockFile, ex);
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    private void checkOpen() throws StoreException {
        if (closed) {
            throw new StoreException(file + ": journal is closed");
        }
    }

    /** A message for users: the file, what failed, and why, without a stack trace. */
    static StoreException fail(String what, Path path, Throwable ex) {
        String why;
        if (ex instanceof NoSuchFileException) {
            why = "no such file or directory";
        } else if (ex instanceof AccessDeniedException) {
            why = "permission denied";
        } else if (ex instanceof FileSystemException fse && fse.getReason() != null) {
            why = fse.getReason();
        } else if (ex instanceof OutOfMemoryError) {
            why = "too large to read into memory";
        } else {
            why = ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName();
        }
        return new StoreException(what + " " + path + ": " + why, ex);
    }

    /**
     * The cached events: a list that only grows at the end, with snapshots that cost nothing
     * (copying 50,000 references for every append would not). A snapshot views a prefix of an
     * array whose cells below {@code size} are never written again (growing copies into a new
     * array; invalidating starts a new list), so it stays valid however long a decision keeps it.
     */
    private static final class Stored extends java.util.AbstractList<Event> {
        private Event[] items = new Event[64];
        private int size;

        @Override
        public boolean add(Event e) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = e;
            return true;
        }

        @Override
        public Event get(int index) {
            Objects.checkIndex(index, size);
            return items[index];
        }

        @Override
        public int size() {
            return size;
        }

        List<Event> snapshot() {
            return java.util.Collections.unmodifiableList(Arrays.asList(items).subList(0, size));
        }
    }

    /** Events and warnings from lines of journal bytes. */
    private final class Scan {
        final List<Event> events;
        final List<String> warnings;
        int lines;
        int tornBytes;
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

        Scan(List<Event> events, List<String> warnings) {
            this.events = events;
            this.warnings = warnings;
        }

        /**
         * Parses the complete lines of {@code bytes}, numbered after {@code linesBefore}; returns
         * how many bytes they take. What follows the last line end is a torn line.
         */
        int parse(byte[] bytes, int linesBefore) {
            lines = linesBefore;
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] != '\n') {
                    continue;
                }
                lines++;
                line(bytes, start, i);
                start = i + 1;
            }
            tornBytes = bytes.length - start;
            return start;
        }

        private void line(byte[] bytes, int from, int to) {
            if (to > from && bytes[to - 1] == '\r') {
                to--; // tolerate a line edited on Windows
            }
            if (isBlank(bytes, from, to)) {
                return;
            }
            String text;
            try {
                // Most lines are ASCII: no decoder needed for those.
                text = isAscii(bytes, from, to) ? new String(bytes, from, to - from, StandardCharsets.ISO_8859_1)
                        : utf8.decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
            } catch (CharacterCodingException ex) {
                warnings.add(file + ":" + lines + ": skipped an unreadable line: not UTF-8");
                return;
            }
            try {
                events.add(EventCodec.parse(text));
            } catch (IllegalArgumentException ex) {
                warnings.add(file + ":" + lines + ": skipped an unreadable line: " + ex.getMessage());
            }
        }
    }

    private static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }
}
