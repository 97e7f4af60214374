package dev.gitops.git.internal;

import dev.gitops.model.GitopsConfig;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tree a snapshot promotion gives the target: the source's files, except that every
 * env-&lt;env&gt;.yaml is the target's (absence included) and tags.yaml is the union of both
 * registries (the source's file, with every entry only the target has appended). A partial
 * promotion instead starts from the target's tree and replaces only the named services' entries of
 * the target's section of control-center.yaml by the source's.
 *
 * <p>Nothing of the target's history takes part: a rollback, an emergency fix or an earlier
 * partial promotion on the target can never make the next promotion conflict, and content the
 * target reverted is not silently kept (whether the promotion may undo it is the gate's question).
 */
public final class PromotionTree {
    private PromotionTree() {}

    /** The new tree, or why none can be built. */
    public sealed interface Built permits Tree, Refused {}

    /** The tree was built (and inserted; flushed with the caller's inserter). */
    public record Tree(ObjectId id) implements Built {}

    /** The tree cannot be built safely; nothing was written. */
    public record Refused(String reason) implements Built {}

    /**
     * Builds the promoted tree.
     *
     * @param names the target's file names (from its gitops.yaml)
     * @param env the target environment (its section is what a partial promotion edits)
     * @param services the services of a partial promotion; empty: the whole source
     */
    public static Built build(Repository repo, ObjectInserter ins, ObjectId srcTree, ObjectId tgtTree,
                              GitopsConfig.FileNames names, String env, Set<String> services) throws IOException {
        try (ObjectReader reader = repo.newObjectReader()) {
            GitFileSource src = new GitFileSource(repo, srcTree, "source");
            GitFileSource tgt = new GitFileSource(repo, tgtTree, "target");
            Map<String, Optional<byte[]>> changes = new TreeMap<>();
            ObjectId base;
            if (services.isEmpty()) {
                base = srcTree;
                Map<String, ObjectId> srcEnv = Promoter.envFiles(repo, srcTree, names);
                Map<String, ObjectId> tgtEnv = Promoter.envFiles(repo, tgtTree, names);
                for (String p : srcEnv.keySet()) {
                    if (!tgtEnv.containsKey(p)) {
                        changes.put(p, Optional.empty());
                    }
                }
                for (Map.Entry<String, ObjectId> e : tgtEnv.entrySet()) {
                    if (!e.getValue().equals(srcEnv.get(e.getKey()))) {
                        changes.put(e.getKey(), Optional.of(GitFileSource.readBlob(reader, e.getValue(), e.getKey())));
                    }
                }
            } else {
                base = tgtTree;
                String cc = names.controlCenter();
                Optional<byte[]> srcCc = src.read(cc);
                Optional<byte[]> tgtCc = tgt.read(cc);
                if (srcCc.isEmpty() || tgtCc.isEmpty()) {
                    return new Refused(cc + " is missing on the " + (srcCc.isEmpty() ? "source" : "target")
                            + " branch; a partial promotion edits the target's section of it");
                }
                Optional<String> srcText = Trees.utf8(srcCc.get());
                Optional<String> tgtText = Trees.utf8(tgtCc.get());
                if (srcText.isEmpty() || tgtText.isEmpty()) {
                    return new Refused(cc + " is not UTF-8; a partial promotion cannot edit it");
                }
                SectionSplice.Spliced spliced = SectionSplice.copyServices(cc, srcText.get(), tgtText.get(), env, services);
                if (spliced instanceof SectionSplice.Failed f) {
                    return new Refused(f.reason());
                }
                String text = ((SectionSplice.Done) spliced).content();
                if (!text.equals(tgtText.get())) {
                    changes.put(cc, Optional.of(text.getBytes(StandardCharsets.UTF_8)));
                }
            }
            Optional<String> tagsRefusal = unionTags(src, tgt, names.tags(), services.isEmpty(), changes);
            if (tagsRefusal.isPresent()) {
                return new Refused(tagsRefusal.get());
            }
            return new Tree(changes.isEmpty() ? base : Commits.editTree(ins, reader, base, changes));
        }
    }

    /**
     * {@code baseTree} with the entries of {@code otherTree}'s tags.yaml that it lacks appended to
     * its own tags.yaml (a backport's registry: the earlier environment's file, plus the later one's
     * extra entries).
     */
    public static Built withTagsOf(Repository repo, ObjectInserter ins, ObjectId baseTree, ObjectId otherTree,
                                   String path) throws IOException {
        try (ObjectReader reader = repo.newObjectReader()) {
            Map<String, Optional<byte[]>> changes = new TreeMap<>();
            Optional<String> refusal = unionTags(new GitFileSource(repo, otherTree, "other"),
                    new GitFileSource(repo, baseTree, "base"), path, false, changes);
            if (refusal.isPresent()) {
                return new Refused(refusal.get());
            }
            return new Tree(changes.isEmpty() ? baseTree : Commits.editTree(ins, reader, baseTree, changes));
        }
    }

    /**
     * Puts the union of both tags.yaml registries into {@code changes} when it differs from the
     * base's file: the source's file plus the target's extra entries (a full promotion), or the
     * target's file plus the source's extra entries (a partial one). Where both record the same
     * revision with different images, the base's image stays.
     */
    private static Optional<String> unionTags(GitFileSource src, GitFileSource tgt, String path, boolean sourceIsBase,
                                              Map<String, Optional<byte[]>> changes) throws IOException {
        GitFileSource baseFiles = sourceIsBase ? src : tgt;
        GitFileSource otherFiles = sourceIsBase ? tgt : src;
        Optional<byte[]> baseBytes = baseFiles.read(path);
        Optional<byte[]> otherBytes = otherFiles.read(path);
        if (otherBytes.isEmpty()) {
            return Optional.empty();
        }
        if (baseBytes.isEmpty()) {
            changes.put(path, otherBytes);
            return Optional.empty();
        }
        Optional<String> baseText = Trees.utf8(baseBytes.get());
        Optional<String> otherText = Trees.utf8(otherBytes.get());
        if (baseText.isEmpty() || otherText.isEmpty()) {
            return Optional.of(path + " is not UTF-8 on one of the branches; the registries cannot be joined");
        }
        try {
            Optional<TagsDocument.Edit> union = TagsDocument.parse(path, baseText.get())
                    .union(TagsDocument.parse(path, otherText.get()).mapping());
            if (union.isPresent()) {
                changes.put(path, Optional.of(union.get().content().getBytes(StandardCharsets.UTF_8)));
            }
            return Optional.empty();
        } catch (YamlLayoutException e) {
            return Optional.of("the tags.yaml registries of both branches cannot be joined: " + e.getMessage());
        }
    }
}
