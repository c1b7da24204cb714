package dev.planc.lsp;

import dev.planc.compiler.source.FileSourceLoader;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.SourceLoader;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.jspecify.annotations.Nullable;

/**
 * The documents the editor has open, by normalised absolute path: their unsaved text wins over
 * the disk when the compiler loads a file (the root or an {@code include}d one).
 */
final class Documents implements SourceLoader {

    /** One open document as the editor last sent it. */
    record Doc(String uri, Path path, int version, String text) {}

    private final Map<Path, Doc> open = new ConcurrentHashMap<>();
    private final FileSourceLoader disk = new FileSourceLoader();

    static @Nullable Path path(String uri) {
        try {
            URI u = URI.create(uri);
            if (!"file".equalsIgnoreCase(u.getScheme())) {
                return null;
            }
            return Path.of(u).toAbsolutePath().normalize();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    /** The uri the editor uses for a path: its own when the document is open. */
    String uri(Path path) {
        Doc d = open.get(path);
        return d != null ? d.uri() : path.toUri().toString();
    }

    String uri(Source source) {
        return uri(key(source.path()));
    }

    static Path key(String path) {
        return Path.of(path).toAbsolutePath().normalize();
    }

    void open(String uri, Path path, int version, String text) {
        open.put(path, new Doc(uri, path, version, text));
    }

    /** Applies the editor's changes in order (whole text, or a range of it in UTF-16 positions). */
    @Nullable Doc change(Path path, int version, List<TextDocumentContentChangeEvent> changes) {
        Doc d = open.get(path);
        if (d == null) {
            return null;
        }
        String text = d.text();
        for (TextDocumentContentChangeEvent c : changes) {
            if (c.getRange() == null) {
                text = c.getText();
            } else {
                int from = Positions.offset(text, c.getRange().getStart());
                int to = Math.max(from, Positions.offset(text, c.getRange().getEnd()));
                text = text.substring(0, from) + c.getText() + text.substring(to);
            }
        }
        Doc changed = new Doc(d.uri(), path, version, text);
        open.put(path, changed);
        return changed;
    }

    void close(Path path) {
        open.remove(path);
    }

    @Nullable Doc get(Path path) {
        return open.get(path);
    }

    List<Doc> all() {
        return List.copyOf(open.values());
    }

    /** The open document's text, else the file on disk. */
    @Override
    public LoadResult load(Path path) {
        Doc d = open.get(path.toAbsolutePath().normalize());
        if (d != null) {
            return new LoadResult.Loaded(new Source(path.toString(), d.text()));
        }
        return disk.load(path);
    }

    /** Whether a compilation still matches the open documents: none of the files it read has been edited since. */
    boolean current(List<Source> read) {
        for (Source s : read) {
            Doc d = open.get(key(s.path()));
            if (d != null && !d.text().equals(s.text())) {
                return false;
            }
        }
        return true;
    }
}
