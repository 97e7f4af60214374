package dev.gitops.cli.internal.image;

import java.io.Serializable;
import java.util.function.Function;
import java.util.function.Supplier;

/** Lambdas of every bootstrap kind, for {@link ArchivableLambdasTest} (loaded from rewritten bytes). */
public final class LambdaSamples {
    private LambdaSamples() {}

    /** A marker interface: lambdas naming it keep altMetafactory. */
    public interface Marker {}

    /**
     * A functional interface narrowing a generic one: javac gives the interface itself the
     * {@code apply(Object)} bridge (a default method), so its lambdas ask for no bridge.
     */
    public interface Upper extends Function<String, String> {
        @Override
        String apply(String s);
    }

    /** A serializable lambda the code does not cast to Serializable (how scalac writes them): rewritten. */
    public static Supplier<String> serializable(String x) {
        return make(() -> "s:" + x);
    }

    private static <T extends Supplier<String> & Serializable> T make(T s) {
        return s;
    }

    /** javac's intersection cast: the code casts the new lambda to Serializable, so it is kept. */
    public static Supplier<String> cast() {
        return (Supplier<String> & Serializable) () -> "c";
    }

    /** altMetafactory with a marker interface: kept. */
    public static Supplier<String> marked() {
        return (Supplier<String> & Serializable & Marker) () -> "m";
    }

    /** altMetafactory, serializable, no bridge of its own: rewritten, still callable as a Function of Object. */
    @SuppressWarnings("unchecked")
    public static Function<Object, Object> bridged() {
        Upper u = upper(s -> s.toUpperCase(java.util.Locale.ROOT));
        return (Function<Object, Object>) (Function<?, ?>) u;
    }

    private static <T extends Upper & Serializable> T upper(T u) {
        return u;
    }

    /** metafactory: nothing to do. */
    public static Supplier<String> plain() {
        return () -> "p";
    }
}
