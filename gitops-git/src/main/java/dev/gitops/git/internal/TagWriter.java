package dev.gitops.git.internal;

import dev.gitops.git.TagOptions;
import dev.gitops.git.TagResult;
import dev.gitops.model.GitopsConfig;
import dev.gitops.model.StateException;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CI's tag write-back: one revision -> image mapping into tags.yaml, compare-and-swap on the branch. */
public final class TagWriter {
    private TagWriter() {}

    public static TagResult write(Repository repo, Turns turns, TagsCache cache, String branch, String service, String revision, String image,
                                  TagOptions options) throws IOException {
        BranchWriter writer = new BranchWriter(repo, options.identity(), options.retry(), options.push(), turns.of(branch));
        BranchWriter.Outcome<TagResult> out = writer.run(List.of(branch), (tips, walk, ins) -> {
            Optional<RevCommit> tip = tips.tip(branch);
            if (tip.isEmpty()) {
                return new BranchWriter.Done<>(new TagResult.Refused("branch " + branch + " does not exist"
                        + options.push().map(r -> " on " + r.nameOrUrl()).orElse("")));
            }
            GitFileSource files = Trees.files(repo, tip.get(), branch);
            GitopsConfig config;
            try {
                config = Trees.config(repo, tip.get(), branch);
            } catch (StateException e) {
                return new BranchWriter.Done<>(new TagResult.Refused(e.getMessage()));
            }
            String tagsFile = config.files().tags();
            String path = files.resolve(tagsFile).orElse(tagsFile);
            Optional<byte[]> bytes = files.read(path);
            String text = "";
            if (bytes.isPresent()) {
                Optional<String> decoded = Trees.utf8(bytes.get());
                if (decoded.isEmpty()) {
                    return new BranchWriter.Done<>(new TagResult.Refused(tagsFile + " is not UTF-8; it was left unchanged"));
                }
                text = decoded.get();
            }
            Optional<ObjectId> blob = files.blobId(path);
            TagsDocument doc;
            TagsDocument.Edit edited;
            Optional<String> previous;
            try {
                Optional<TagsDocument> cached = blob.flatMap(id -> cache.get(tagsFile, id));
                if (cached.isPresent()) {
                    doc = cached.get();
                } else {
                    doc = TagsDocument.parse(tagsFile, text);
                    if (blob.isPresent()) {
                        cache.put(tagsFile, blob.get(), doc);
                    }
                }
                previous = doc.image(service, revision);
                if (previous.isPresent() && previous.get().equals(image)) {
                    return new BranchWriter.Done<>(new TagResult.NoChange(branch, tip.get().name()));
                }
                if (previous.isPresent() && !options.force() && !config.revisions().isMutable(revision)) {
                    return new BranchWriter.Done<>(new TagResult.Refused(doc.where(service, revision)
                            + ": " + service + " " + revision + " already points to " + previous.get()
                            + "; a tag-like revision is immutable. Build a new revision, or rewrite it with --force"));
                }
                edited = doc.edit(service, revision, image);
            } catch (YamlLayoutException e) {
                return new BranchWriter.Done<>(new TagResult.Refused(e.getMessage()));
            }
            byte[] content = edited.content().getBytes(StandardCharsets.UTF_8);
            cache.put(tagsFile, ins.idFor(org.eclipse.jgit.lib.Constants.OBJ_BLOB, content), edited.document());
            ObjectId tree;
            try (ObjectReader reader = repo.newObjectReader()) {
                tree = Commits.editTree(ins, reader, tip.get().getTree(), Map.of(path, Optional.of(content)));
            }
            java.time.Instant now = java.time.Instant.now();
            ObjectId commit = Commits.commit(ins, tree, List.of(tip.get()), Identities.author(options.identity(), now), Identities.committer(options.identity(), now),
                    message(service, revision, image, previous));
            return new BranchWriter.Publish<>(branch, Optional.of(tip.get().copy()), commit,
                    "gitops tag: " + service + " " + revision,
                    new TagResult.Updated(branch, commit.name(), previous, 1));
        });
        if (out instanceof BranchWriter.Ok<TagResult> ok) {
            if (ok.result() instanceof TagResult.Updated u) {
                return new TagResult.Updated(u.branch(), u.commit(), u.previousImage(), ok.attempts());
            }
            return ok.result();
        }
        if (out instanceof BranchWriter.LostRaces<TagResult> lr) {
            return new TagResult.LostRaces(branch, lr.attempts());
        }
        if (out instanceof BranchWriter.Refused<TagResult> r) {
            return new TagResult.Refused(r.reason());
        }
        return new TagResult.Failed(((BranchWriter.Failed<TagResult>) out).reason());
    }

    static String message(String service, String revision, String image, Optional<String> previous) {
        StringBuilder b = new StringBuilder()
                .append("tags: ").append(service).append(' ').append(revision).append(" -> ").append(image).append("\n\n")
                .append(previous.isPresent()
                        ? "Rewrites the image of " + service + " " + revision + " (was " + previous.get() + ").\n\n"
                        : "Records the image CI built for " + service + " " + revision + ".\n\n")
                .append("Service: ").append(service).append('\n')
                .append("Revision: ").append(revision).append('\n')
                .append("Image: ").append(image).append('\n');
        previous.ifPresent(p -> b.append("Previous-Image: ").append(p).append('\n'));
        return b.toString();
    }
}
