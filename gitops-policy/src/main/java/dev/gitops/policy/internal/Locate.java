package dev.gitops.policy.internal;

import dev.gitops.model.JsonPointer;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.ServiceSpec;
import dev.gitops.model.SourceLocation;
import dev.gitops.policy.Location;

import java.util.Optional;

/** Turns model locations plus a key path into {@code file:line:col} locations, via the snapshot's SourceIndex. */
public final class Locate {
    private Locate() {}

    /** The name gitops.yaml has in every repository. */
    public static final String GITOPS_YAML = "gitops.yaml";

    /**
     * The location of {@code base}'s child at {@code segments}: exact when the index knows the node,
     * else {@code base}'s position with the child's pointer (a key merged from {@code defaults:}
     * has no line of its own in the environment section).
     */
    public static Location.InputLocation child(RepoSnapshot snapshot, SourceLocation base, String... segments) {
        String pointer = base.pointer();
        for (String s : segments) {
            pointer = JsonPointer.append(pointer, s);
        }
        Optional<SourceLocation> exact = snapshot.index().find(base.file(), pointer);
        if (exact.isPresent()) {
            return Location.of(exact.get());
        }
        return new Location.InputLocation(base.file(), base.line(), base.column(), pointer);
    }

    /** A service key, e.g. {@code /prod/service_rpps/memory_min} in control-center.yaml. */
    public static Location.InputLocation serviceKey(RepoSnapshot snapshot, ServiceSpec s, String... segments) {
        return child(snapshot, s.location(), segments);
    }

    /** A node of a file by pointer, or the file itself. */
    public static Location.InputLocation pointer(RepoSnapshot snapshot, String file, String pointer) {
        SourceLocation l = snapshot.index().nearest(file, pointer);
        return new Location.InputLocation(l.file(), l.line(), l.column(), pointer);
    }
}
