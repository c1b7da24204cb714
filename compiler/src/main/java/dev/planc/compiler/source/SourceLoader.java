package dev.planc.compiler.source;

import java.nio.file.Path;

/**
 * Reads the files that {@code include} names. The CLI reads the disk; an editor answers with
 * unsaved buffers first; tests answer from memory.
 */
@FunctionalInterface
public interface SourceLoader {

    /** Loads {@code path}, already resolved against the including file. Never throws. */
    LoadResult load(Path path);

    /** What a load gave: a source, or the reason there is none. */
    sealed interface LoadResult {
        record Loaded(Source source) implements LoadResult {}

        /** The file could not be used; {@code reason} completes "cannot read `x`: ...". */
        record Failed(String reason, boolean missing) implements LoadResult {}
    }
}
