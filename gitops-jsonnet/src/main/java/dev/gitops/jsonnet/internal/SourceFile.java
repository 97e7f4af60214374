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
    private IndexedParserInput input;

    SourceFile(String content) {
        this.content = content;
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
