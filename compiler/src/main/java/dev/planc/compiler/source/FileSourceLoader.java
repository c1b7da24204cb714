package dev.planc.compiler.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads sources from the file system: strict UTF-8 (a malformed byte is reported with its
 * offset, never replaced), no binary files, no directories.
 */
public final class FileSourceLoader implements SourceLoader {

    /** Files larger than this are refused before they are read (1 GiB: far beyond any plan). */
    public static final long MAX_BYTES = 1L << 30;

    @Override
    public LoadResult load(Path path) {
        try {
            if (Files.isDirectory(path)) {
                return new LoadResult.Failed("it is a directory, not a file", false);
            }
            if (!Files.exists(path)) {
                return new LoadResult.Failed("no such file", true);
            }
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                return new LoadResult.Failed("it is " + size + " bytes, more than the limit of " + MAX_BYTES, false);
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(path)) {
                bytes = in.readAllBytes();
            }
            return decode(path.toString(), bytes);
        } catch (NoSuchFileException e) {
            return new LoadResult.Failed("no such file", true);
        } catch (AccessDeniedException e) {
            return new LoadResult.Failed("permission denied", false);
        } catch (IOException | SecurityException e) {
            String msg = e.getMessage();
            return new LoadResult.Failed(msg == null ? e.getClass().getSimpleName() : msg, false);
        }
    }

    /** Decodes strict UTF-8, refusing binary content. Public so stdin and tests can share it. */
    public static LoadResult decode(String name, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return new LoadResult.Failed("it looks like a binary file (a NUL byte at offset " + i + "), not a plan", false);
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            CharBuffer chars = decoder.decode(in);
            return new LoadResult.Loaded(new Source(name, chars.toString()));
        } catch (MalformedInputException e) {
            return new LoadResult.Failed("it is not valid UTF-8 (a malformed byte sequence at byte offset "
                    + malformedOffset(bytes) + ")", false);
        } catch (CharacterCodingException e) {
            return new LoadResult.Failed("it is not valid UTF-8", false);
        }
    }

    private static int malformedOffset(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(Math.max(16, bytes.length));
        decoder.decode(in, out, true);
        return in.position();
    }
}
