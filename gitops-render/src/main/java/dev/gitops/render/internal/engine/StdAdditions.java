package dev.gitops.render.internal.engine;

import sjsonnet.Val;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.gitops.render.internal.engine.Builtins.fn;

/** The std functions this engine adds to or replaces in sjsonnet 0.4.9's {@code std}. */
final class StdAdditions {
    private StdAdditions() {}

    /** Native functions reachable through {@code std.native(name)}. */
    static Map<String, Val.Func> natives() {
        Map<String, Val.Func> n = new LinkedHashMap<>();
        n.put("parseYaml", fn("str", (s, ev, pos) -> YamlParsing.parse(Std2.str(s, "parseYaml", ev, pos), ev, pos)));
        n.put("sha256", fn("str", (s, ev, pos) -> Vals.str(pos, digest("SHA-256", Std2.str(s, "sha256", ev, pos)))));
        return n;
    }

    static Map<String, Val.Func> functions(scala.collection.immutable.Map<String, Val.Func> base) {
        Map<String, Val.Func> f = new LinkedHashMap<>();
        Map<String, Val.Func> natives = natives();
        f.put("parseYaml", natives.get("parseYaml"));
        f.put("native", fn("name", (name, ev, pos) -> {
            Val.Func n = natives.get(Std2.str(name, "native", ev, pos));
            return n == null ? Vals.nul(pos) : n;
        }));
        f.put("trace", new Val.Builtin2("str", "rest", null) {
            @Override
            public Val evalRhs(Val s, Val rest, sjsonnet.EvalScope ev, sjsonnet.Position pos) {
                String where = pos.currentFile() instanceof SourcePath p ? p.display() : "";
                String line = ev.prettyIndex(pos).isDefined() ? ":" + ev.prettyIndex(pos).get()._1() : "";
                String msg = "TRACE: " + where + line + " " + Std2.str(s, "trace", ev, pos);
                if (ev instanceof GuardedEvaluator g) {
                    g.trace(msg);
                }
                return rest;
            }

            @Override
            public boolean staticSafe() {
                return false; // a side effect: never folded into the parse result
            }
        });
        StdCollections.register(f);
        StdText.register(f);
        StdManifest.register(f);
        return f;
    }

    static String digest(String algorithm, String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " missing from the JDK", e);
        }
    }
}
