package dev.gitops.git.internal;

import dev.gitops.model.GitopsConfig;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoLoader;
import dev.gitops.model.RepoSnapshot;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reading input files and snapshots at a commit. */
public final class Trees {
    private Trees() {}

    /** The files of {@code commit}, described as {@code commit 1a2b3c4 (ref)}. */
    public static GitFileSource files(Repository repo, RevCommit commit, String ref) {
        return new GitFileSource(repo, commit.getTree(), "commit " + commit.abbreviate(7).name() + " (" + ref + ")");
    }

    /** Every input file of {@code commit}; throws the model's StateException for malformed files. */
    public static RepoSnapshot snapshot(Repository repo, RevCommit commit, String ref) {
        return RepoLoader.load(files(repo, commit, ref), Provenance.commit(ref, commit.name()));
    }

    /** gitops.yaml at {@code commit} (its defaults when absent). */
    public static GitopsConfig config(Repository repo, RevCommit commit, String ref) {
        return RepoLoader.loadConfig(files(repo, commit, ref));
    }

    /** The tip of a local branch. */
    public static Optional<RevCommit> branchTip(Repository repo, RevWalk walk, String branch) throws IOException {
        Ref r = repo.exactRef(Constants.R_HEADS + branch);
        return r == null ? Optional.empty() : Optional.of(walk.parseCommit(r.getObjectId()));
    }

    /** The commit a ref expression (branch, tag, id, {@code dev~1}) names. */
    public static Optional<RevCommit> resolve(Repository repo, RevWalk walk, String ref) throws IOException {
        ObjectId id;
        try {
            id = repo.resolve(ref + "^{commit}");
        } catch (org.eclipse.jgit.errors.RevisionSyntaxException | org.eclipse.jgit.errors.AmbiguousObjectException
                 | org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
            // a tree or a blob (HEAD^{tree}, HEAD:file) is no commit to read a state from
            return Optional.empty();
        }
        return id == null ? Optional.empty() : Optional.of(walk.parseCommit(id));
    }

    /** Strict UTF-8: a file that is not UTF-8 is refused rather than silently altered on rewrite. */
    public static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
