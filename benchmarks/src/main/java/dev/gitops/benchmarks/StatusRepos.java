package dev.gitops.benchmarks;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link SyntheticRepo} as a bare Git central repository with one branch per environment, for the
 * status and tag write-back benchmarks: a shared base commit, then on each branch its own
 * env-&lt;env&gt;.yaml. On the preprod and prod branches every fifth service's preprod revision is
 * one behind dev's branch, so status has changes waiting for preprod, as a real repository does
 * between promotions.
 */
final class StatusRepos {
    private static final PersonIdent WHO = new PersonIdent("bench", "bench@example.com",
            Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private StatusRepos() {}

    /** Creates the repository in {@code dir} (a new directory) and returns it, open. */
    static Repository create(Path dir, int services) {
        try {
            Repository repo = Git.init().setBare(true).setDirectory(dir.toFile()).setInitialBranch("dev").call().getRepository();
            Map<String, byte[]> all = SyntheticRepo.files(services);
            Map<String, byte[]> shared = new TreeMap<>(all);
            shared.keySet().removeIf(p -> p.startsWith("env-"));
            ObjectId base = commit(repo, shared, List.of(), "central repository");
            move(repo, "dev", commit(repo, with(shared, "env-dev.yaml", all.get("env-dev.yaml")), List.of(base),
                    "terraform outputs of dev"));
            Map<String, byte[]> lagging = with(shared, "control-center.yaml",
                    preprodBehind(new String(all.get("control-center.yaml"), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            ObjectId older = commit(repo, lagging, List.of(base), "preprod before the latest promotion");
            move(repo, "preprod", commit(repo, with(lagging, "env-preprod.yaml", all.get("env-preprod.yaml")),
                    List.of(older), "terraform outputs of preprod"));
            move(repo, "prod", commit(repo, with(lagging, "env-prod.yaml", all.get("env-prod.yaml")),
                    List.of(older), "terraform outputs of prod"));
            return repo;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes a directory tree (the benchmark's temporary repository). */
    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                    Files.delete(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every fifth service's preprod revision one step older (v1.x.19 -> v1.x.18, which tags.yaml has). */
    private static String preprodBehind(String cc) {
        StringBuilder out = new StringBuilder(cc.length());
        boolean inPreprod = false;
        int service = 0;
        for (String line : cc.split("\n", -1)) {
            if (!line.startsWith(" ") && !line.isEmpty()) {
                inPreprod = line.equals("preprod:");
            } else if (line.startsWith("  service_") && !line.startsWith("   ")) {
                service = Integer.parseInt(line.substring("  service_".length(), line.length() - 1));
            } else if (inPreprod && service % 5 == 0 && line.startsWith("    git_rev: ") && line.endsWith(".19")) {
                line = line.substring(0, line.length() - 3) + ".18";
            }
            out.append(line).append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    private static Map<String, byte[]> with(Map<String, byte[]> files, String path, byte[] content) {
        Map<String, byte[]> m = new TreeMap<>(files);
        m.put(path, content);
        return m;
    }

    private static ObjectId commit(Repository repo, Map<String, byte[]> files, List<ObjectId> parents, String message)
            throws IOException {
        try (ObjectInserter ins = repo.newObjectInserter()) {
            DirCache dc = DirCache.newInCore();
            DirCacheBuilder b = dc.builder();
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                DirCacheEntry e = new DirCacheEntry(f.getKey());
                e.setFileMode(FileMode.REGULAR_FILE);
                e.setObjectId(ins.insert(Constants.OBJ_BLOB, f.getValue()));
                b.add(e);
            }
            b.finish();
            CommitBuilder cb = new CommitBuilder();
            cb.setTreeId(dc.writeTree(ins));
            cb.setParentIds(parents.toArray(new ObjectId[0]));
            cb.setAuthor(WHO);
            cb.setCommitter(WHO);
            cb.setMessage(message + "\n");
            ObjectId id = ins.insert(cb);
            ins.flush();
            return id;
        }
    }

    private static void move(Repository repo, String branch, ObjectId id) throws IOException {
        RefUpdate ru = repo.updateRef(Constants.R_HEADS + branch);
        ru.setNewObjectId(id);
        ru.setForceUpdate(true);
        RefUpdate.Result r = ru.update();
        if (r != RefUpdate.Result.NEW && r != RefUpdate.Result.FORCED && r != RefUpdate.Result.FAST_FORWARD) {
            throw new IllegalStateException("cannot move " + branch + ": " + r);
        }
    }
}
