package dev.gitops.git.internal;

import dev.gitops.model.Acknowledgement;

import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds trees and commits in memory (an in-core DirCache and an ObjectInserter): no working tree
 * and no index file are touched, so this works on bare repositories and never disturbs a checkout.
 * Objects are flushed before the caller moves a ref, so a ref never points at a missing object.
 */
public final class Commits {
    private Commits() {}

    /**
     * A copy of {@code baseTree} with files replaced, added ({@code Optional.of(bytes)}) or removed
     * ({@code Optional.empty()}). An executable file stays executable; everything else not named is
     * kept byte for byte, links and submodules included.
     *
     * @param baseTree the tree to start from, or {@code null} for an empty tree
     */
    public static ObjectId editTree(ObjectInserter ins, ObjectReader reader, ObjectId baseTree,
                                    Map<String, Optional<byte[]>> changes) throws IOException {
        DirCache dc = DirCache.newInCore();
        if (baseTree != null) {
            DirCacheBuilder b = dc.builder();
            b.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, baseTree);
            b.finish();
        }
        DirCacheEditor editor = dc.editor();
        for (Map.Entry<String, Optional<byte[]>> c : changes.entrySet()) {
            if (c.getValue().isPresent()) {
                ObjectId blob = ins.insert(Constants.OBJ_BLOB, c.getValue().get());
                editor.add(new DirCacheEditor.PathEdit(c.getKey()) {
                    @Override
                    public void apply(DirCacheEntry ent) {
                        if (!FileMode.EXECUTABLE_FILE.equals(ent.getRawMode())) {
                            ent.setFileMode(FileMode.REGULAR_FILE);
                        }
                        ent.setObjectId(blob);
                    }
                });
            } else {
                editor.add(new DirCacheEditor.DeletePath(c.getKey()));
            }
        }
        editor.finish();
        return dc.writeTree(ins);
    }

    /**
     * One {@code Acknowledged: <rule>[:<target>] - <reason>} trailer line per acknowledgement (the
     * reason on one line), as rollback and Terraform import record them.
     */
    public static String acknowledgedTrailers(List<Acknowledgement> acknowledged) {
        StringBuilder b = new StringBuilder();
        for (Acknowledgement a : acknowledged) {
            b.append("Acknowledged: ").append(a.rule()).append(a.target().map(t -> ":" + t).orElse(""))
                    .append(" - ").append(a.reason().replace('\r', ' ').replace('\n', ' ')).append('\n');
        }
        return b.toString();
    }

    /** Inserts a commit; the caller flushes the inserter before moving any ref to it. */
    public static ObjectId commit(ObjectInserter ins, ObjectId tree, List<? extends ObjectId> parents,
                                  PersonIdent author, PersonIdent committer, String message) throws IOException {
        CommitBuilder cb = new CommitBuilder();
        cb.setTreeId(tree);
        cb.setParentIds(parents.toArray(new ObjectId[0]));
        cb.setAuthor(author);
        cb.setCommitter(committer);
        cb.setMessage(message);
        return ins.insert(cb);
    }
}
