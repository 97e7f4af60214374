package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.UserError;
import dev.gitops.model.RepoSnapshot;

import java.util.Collection;
import java.util.List;

/** Environment names given on the command line, checked against the repository's. */
final class Environments {
    private Environments() {}

    /** Exit 2 for an environment the repository does not have (a typo, not a policy finding). */
    static void requireKnown(RepoSnapshot snapshot, Collection<String> names) {
        List<String> known = snapshot.config().environmentNames();
        for (String n : names) {
            if (!known.contains(n)) {
                throw new UserError("unknown environment '" + n + "'", "the environments are: " + String.join(", ", known));
            }
        }
    }
}
