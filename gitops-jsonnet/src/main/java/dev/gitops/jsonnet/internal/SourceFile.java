package dev.gitops.jsonnet.internal;

import fastparse.IndexedParserInput;
import fastparse.ParserInput;

/**
 * The text of one file for sjsonnet. The content itself serves as the parse-cache key (as sjsonnet's
 * own {@code StaticResolvedFile} does): a changed file never hits a stale parse, and no digest is
 * computed for a file that is parsed anyway.
 */
final class SourceFile implements sjsonnet.ResolvedFile {
    private final String content;
    private final java.util.function.Supplier<byte[]> bytes;
    private IndexedParserInput input;

    /** A file whose bytes are its text in UTF-8 (a snippet, a library file). */
    SourceFile(String content) {
        this(content, () -> content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** @param bytes reads the file's bytes again, for {@code importbin}: kept out of memory until asked for */
    SourceFile(String content, java.util.function.Supplier<byte[]> bytes) {
        this.content = content;
        this.bytes = bytes;
    }

    /** The file's bytes, as {@code importbin} gives them. */
    byte[] bytes() {
        return bytes.get();
    }

    @Override
    public ParserInput getParserInput() {
        // Cached: sjsonnet asks for it again for every error frame (line:col lookup).
        if (input == null) {
            input = new IndexedParserInput(SourceCompat.forParser(content)); // importstr reads the original
        }
        return input;
    }

    @Override
    public String readString() {
        return content;
    }

    @Override
    public String contentHash() {
        return content;
    }
}
