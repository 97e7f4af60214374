package dev.gitops.cli.internal.commands;
import dev.gitops.cli.internal.Io;
import dev.gitops.cli.internal.UserError;
import dev.gitops.model.RepoSnapshot;
import java.nio.file.Path;
final class GitAccess {
    static RepoSnapshot snapshot(Path repo, String ref, Io io) { throw new UserError("held"); }
}
