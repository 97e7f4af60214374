package dev.gitops.benchmarks;

import scala.Option;
import scala.runtime.BoxedUnit;
import scala.util.Either;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bare sjsonnet 0.4.9, the baseline of {@link RenderBenchmark}: the stock std library, an importer
 * over in-memory files (relative to the importing file, then the jpath), one parse cache and std
 * object kept warm across runs (as the gitops engine keeps its pooled ones), a fresh
 * {@code Interpreter} per run, and sjsonnet's own {@code YamlRenderer} for the output. No sandbox
 * checks, no limits, no thread hop, no extraction or sorting. Not thread-safe.
 */
final class RenderBareSjsonnet {
    private static final sjsonnet.Settings SETTINGS = new sjsonnet.Settings(false, false, false, false, false, false);
    private static final scala.collection.immutable.Map<String, String> NONE = scala.collection.immutable.Map$.MODULE$.empty();

    private final Map<String, String> files = new HashMap<>();
    private final List<String> jpath;
    private final sjsonnet.Val.Obj std = new sjsonnet.Std().Std();
    private final sjsonnet.DefaultParseCache parseCache = new sjsonnet.DefaultParseCache();

    RenderBareSjsonnet(Map<String, byte[]> files, List<String> jpath) {
        files.forEach((k, v) -> this.files.put(k, new String(v, StandardCharsets.UTF_8)));
        this.jpath = List.copyOf(jpath);
    }

    /** Evaluates {@code file} and renders the result as YAML. */
    String yaml(String file) {
        sjsonnet.Interpreter interp = new sjsonnet.Interpreter(NONE, NONE, new MemPath(""), new MemImporter(),
                parseCache, SETTINGS, null, w -> BoxedUnit.UNIT, std);
        Either<sjsonnet.Error, sjsonnet.Val> v = interp.evaluate(files.get(file), new MemPath(file));
        if (v.isLeft()) {
            throw new IllegalStateException(interp.formatError(v.left().get()));
        }
        Either<sjsonnet.Error, StringWriter> out = interp.materialize(v.right().get(), new sjsonnet.YamlRenderer(new StringWriter(), false, 2));
        if (out.isLeft()) {
            throw new IllegalStateException(interp.formatError(out.left().get()));
        }
        return out.right().get().toString();
    }

    private final class MemImporter extends sjsonnet.Importer {
        @Override
        public Option<sjsonnet.Path> resolve(sjsonnet.Path docBase, String importName) {
            String dir = ((MemPath) docBase).path;
            String relative = dir.isEmpty() ? importName : dir + "/" + importName;
            if (files.containsKey(relative)) {
                return Option.apply(new MemPath(relative));
            }
            for (String j : jpath) {
                String candidate = j + "/" + importName;
                if (files.containsKey(candidate)) {
                    return Option.apply(new MemPath(candidate));
                }
            }
            return Option.empty();
        }

        @Override
        public Option<sjsonnet.ResolvedFile> read(sjsonnet.Path path) {
            String text = files.get(((MemPath) path).path);
            return text == null ? Option.empty() : Option.apply(new sjsonnet.StaticResolvedFile(text));
        }
    }

    /** A path of the in-memory file set; the parent of a file is its folder. */
    private static final class MemPath implements sjsonnet.Path {
        final String path;

        MemPath(String path) {
            this.path = path;
        }

        @Override
        public String relativeToString(sjsonnet.Path p) {
            return path;
        }

        @Override
        public sjsonnet.Path parent() {
            int slash = path.lastIndexOf('/');
            return new MemPath(slash < 0 ? "" : path.substring(0, slash));
        }

        @Override
        public int segmentCount() {
            return path.isEmpty() ? 0 : path.split("/").length;
        }

        @Override
        public String last() {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        @Override
        public sjsonnet.Path $div(String s) {
            return new MemPath(path.isEmpty() ? s : path + "/" + s);
        }

        @Override
        public String renderOffsetStr(int offset, scala.collection.mutable.HashMap<sjsonnet.Path, int[]> lineCache) {
            return path + ":" + offset;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MemPath m && m.path.equals(path);
        }

        @Override
        public int hashCode() {
            return path.hashCode();
        }

        @Override
        public String toString() {
            return path;
        }
    }
}
