package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.UserError;
import dev.gitops.git.CentralRepo;
import dev.gitops.model.RepoLoader;
import dev.gitops.model.RepoSnapshot;

import java.util.Collection;
import java.util.List;

/** Environment names given on the command line, checked against the repository's. */
final class Environments {
    private Environments() {}

    /** Exit 2 for an environment the repository does not have (a typo, not a policy finding). */
    static void requireKnown(RepoSnapshot snapshot, Collection<String> names) {
        requireKnown(snapshot.config().environmentNames(), names);
    }

    /**
     * The same check for the writing commands (promote, rollback, tf import), against gitops.yaml
     * at HEAD, where they read the environment -> branch mapping: an unknown name is exit 2 there
     * as in render and validate, not a refusal. Without a readable gitops.yaml at HEAD the library
     * decides (it reports that itself).
     */
    static void requireKnown(CentralRepo repo, Collection<String> names) {
        List<String> known;
        try {
            known = RepoLoader.loadConfig(repo.files("HEAD")).environmentNames();
        } catch (RuntimeException e) {
            return;
        }
        requireKnown(known, names);
    }

    private static void requireKnown(List<String> known, Collection<String> names) {
        for (String n : names) {
            if (!known.contains(n)) {
                throw new UserError("unknown environment '" + n + "'", "the environments are: " + String.join(", ", known));
            }
        }
    }
}
