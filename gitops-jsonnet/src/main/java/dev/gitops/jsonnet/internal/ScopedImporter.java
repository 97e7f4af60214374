package dev.gitops.jsonnet.internal;

import dev.gitops.jsonnet.ImportScope;
import dev.gitops.model.FileSource;
import scala.Option;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one importer of the engine: every import goes through the {@link FileSource} of an
 * {@link ImportScope}, never through the process's file system. An import resolves relative to the
 * importing file, then against each jpath folder, then in the built-in library; files are identified
 * by their link-free path ({@link FileSource#resolve}), so a jsonnet-bundler short-name link and its
 * target are one file. Anything outside the template root, the jpath and the library is refused with
 * an error at the import statement.
 *
 * <p>Not thread-safe by design: one per evaluation (it holds that evaluation's snippets).
 */
final class ScopedImporter extends sjsonnet.Importer {
    private final ImportScope scope;
    private final Map<SourcePath, String> snippets;
    private final SourceTexts texts;

    /**
     * @param snippets code that is not read from the source (the evaluated snippet, TLA and ext-var
     *     code), keyed by the path it is evaluated as
     * @param texts the texts read before by the evaluation state this importer's evaluation uses
     */
    ScopedImporter(ImportScope scope, Map<SourcePath, String> snippets, SourceTexts texts) {
        this.scope = scope;
        this.snippets = snippets;
        this.texts = texts;
    }

    /**
     * Imports already resolved in this evaluation, by importing folder and name: the hundred
     * applications of a folder importing the same library resolve it once. Only successes are kept.
     */
    private final Map<String, Option<sjsonnet.Path>> resolved = new java.util.HashMap<>();

    @Override
    public Option<sjsonnet.Path> resolve(sjsonnet.Path docBase, String importName) {
        SourcePath base = (SourcePath) docBase;
        String key = (base.isLibrary() ? "L" : "S") + base.path() + '\0' + importName;
        Option<sjsonnet.Path> hit = resolved.get(key);
        if (hit == null) {
            hit = resolveUncached(base, importName);
            resolved.put(key, hit);
        }
        return hit;
    }

    private Option<sjsonnet.Path> resolveUncached(SourcePath base, String importName) {
        if (importName.isEmpty()) {
            throw JsonnetErrors.error("import of an empty path");
        }
        if (importName.startsWith("/") || importName.startsWith("\\") || (importName.length() > 1 && importName.charAt(1) == ':')) {
            throw JsonnetErrors.error("import '" + importName + "' is an absolute path: imports are relative to the importing file, "
                    + "the jpath or the built-in library");
        }
        if (base.isLibrary()) {
            return resolveInLibrary(base, importName);
        }
        List<String> escapes = new ArrayList<>(2);
        Optional<String> relative = join(base.path(), importName);
        Optional<sjsonnet.Path> hit = relative.isPresent() ? find(relative.get(), escapes) : Optional.empty();
        if (relative.isEmpty()) {
            escapes.add(importName);
        }
        if (hit.isEmpty()) {
            for (String j : scope.jpath()) {
                Optional<String> cand = join(j, importName);
                if (cand.isPresent()) {
                    hit = find(cand.get(), escapes);
                    if (hit.isPresent()) {
                        break;
                    }
                }
            }
        }
        if (hit.isEmpty() && Library.read(scope.libraryRoot(), importName).isPresent()) {
            hit = Optional.of(SourcePath.library(importName));
        }
        if (hit.isPresent()) {
            return Option.apply(hit.get());
        }
        if (!escapes.isEmpty()) {
            throw JsonnetErrors.error("import '" + importName + "' reaches outside what templates may import (the template root"
                    + (scope.templateRoot().isEmpty() ? "" : " " + scope.templateRoot() + "/")
                    + (scope.jpath().isEmpty() ? "" : ", the jpath " + scope.jpath())
                    + " and the built-in library)");
        }
        throw JsonnetErrors.error("import '" + importName + "' not found (looked next to the importing file"
                + (scope.jpath().isEmpty() ? "" : ", in the jpath " + scope.jpath()) + " and in the built-in library)");
    }

    /** A library file imports only other library files: it must not depend on what a repository holds. */
    private Option<sjsonnet.Path> resolveInLibrary(SourcePath base, String importName) {
        Optional<String> p = join(base.path(), importName);
        if (p.isPresent() && Library.read(scope.libraryRoot(), p.get()).isPresent()) {
            return Option.apply(SourcePath.library(p.get()));
        }
        if (Library.read(scope.libraryRoot(), importName).isPresent()) {
            return Option.apply(SourcePath.library(importName));
        }
        throw JsonnetErrors.error("import '" + importName + "' not found in the built-in library");
    }

    /** The file at {@code candidate}, identified by its link-free path, when imports may reach it. */
    private Optional<sjsonnet.Path> find(String candidate, List<String> escapes) {
        if (!scope.allows(candidate)) {
            // Only `..` leads here; it is reported only if no later search place has the file.
            escapes.add(candidate);
            return Optional.empty();
        }
        Optional<String> resolved = scope.files().resolve(candidate);
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        if (!scope.allows(resolved.get())) {
            escapes.add(candidate);
            return Optional.empty();
        }
        if (scope.files().isDirectory(resolved.get())) {
            return Optional.empty();
        }
        return Optional.of(SourcePath.source(resolved.get()));
    }

    private static Optional<String> join(String dir, String name) {
        return FileSource.normalize(dir.isEmpty() ? name : dir + "/" + name);
    }

    @Override
    public Option<sjsonnet.ResolvedFile> read(sjsonnet.Path path) {
        SourcePath p = (SourcePath) path;
        String snippet = snippets.get(p);
        if (snippet != null) {
            return Option.apply(new SourceFile(texts.snippet(p.display(), snippet)));
        }
        if (p.isLibrary()) {
            Optional<String> text = Library.read(scope.libraryRoot(), p.path());
            return text.isPresent() ? Option.apply(new SourceFile(text.get())) : Option.empty();
        }
        try {
            Optional<byte[]> bytes = scope.files().read(p.path());
            if (bytes.isEmpty()) {
                return Option.empty();
            }
            return Option.apply(new SourceFile(texts.file(p.path(), bytes.get()), () -> {
                try {
                    return scope.files().read(p.path()).orElseThrow(() -> JsonnetErrors.error("cannot read " + p.display()));
                } catch (IOException e) {
                    throw JsonnetErrors.error("cannot read " + p.display() + ": " + e.getMessage());
                }
            }));
        } catch (IOException e) {
            throw JsonnetErrors.error("cannot read " + p.display() + ": " + e.getMessage());
        }
    }
}
