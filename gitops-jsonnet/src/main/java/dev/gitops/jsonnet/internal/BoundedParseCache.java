package dev.gitops.jsonnet.internal;

import scala.Function0;
import scala.Tuple2;
import scala.util.Either;
import sjsonnet.Expr;
import sjsonnet.FileScope;
import sjsonnet.Path;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * sjsonnet's parse cache, keyed by (file, content), with least-recently-used eviction so that a
 * long-running process (the Argo CD plugin) does not keep every file it ever parsed. What it keeps
 * is the parsed and optimised code with the engine's operators put in ({@link Operators#rewrite}):
 * every file and snippet sjsonnet evaluates is parsed through here. Not
 * thread-safe: it belongs to one {@link EvalState}, used by one thread at a time.
 */
final class BoundedParseCache implements sjsonnet.ParseCache {
    private final LinkedHashMap<Tuple2<Path, String>, Either<sjsonnet.Error, Tuple2<Expr, FileScope>>> entries;

    BoundedParseCache(int maxEntries) {
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Tuple2<Path, String>, Either<sjsonnet.Error, Tuple2<Expr, FileScope>>> e) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public Either<sjsonnet.Error, Tuple2<Expr, FileScope>> getOrElseUpdate(
            Tuple2<Path, String> key, Function0<Either<sjsonnet.Error, Tuple2<Expr, FileScope>>> parse) {
        Either<sjsonnet.Error, Tuple2<Expr, FileScope>> v = entries.get(key);
        if (v == null) {
            v = parse.apply();
            if (v.isRight()) {
                Tuple2<Expr, FileScope> parsed = v.right().get();
                v = new scala.util.Right<>(new Tuple2<>(Operators.rewrite(parsed._1(), SourceCompat.marks(key._2())), parsed._2()));
            }
            entries.put(key, v);
        }
        return v;
    }

    /**
     * The parameter names of the file parsed under {@code key} when its top level is a function
     * literal; empty when it was not parsed here or is something else.
     */
    java.util.Optional<java.util.List<String>> topLevelParameters(Tuple2<Path, String> key) {
        Either<sjsonnet.Error, Tuple2<Expr, FileScope>> v = entries.get(key);
        if (v != null && v.isRight() && v.right().get()._1() instanceof Expr.Function f) {
            return java.util.Optional.of(java.util.List.of(f.params().names()));
        }
        return java.util.Optional.empty();
    }

    int size() {
        return entries.size();
    }
}
