package dev.gitops.git.internal;

import dev.gitops.model.EnvironmentSection;
import dev.gitops.model.FileSource;
import dev.gitops.model.GitopsConfig;
import dev.gitops.model.ImageRef;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoLoader;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.RevisionHistory;
import dev.gitops.model.ServiceSpec;
import dev.gitops.model.StateException;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What ran in one environment's own section along a branch's first-parent history. Each commit's
 * control-center.yaml and tags.yaml are parsed once per blob id (most commits change only one of
 * them), so a long history costs one parse per distinct file version, not per commit.
 */
public final class History {
    private final Repository repo;
    private final String env;
    private final Map<List<ObjectId>, GitopsConfig> configs = new HashMap<>();
    private final Map<List<ObjectId>, Map<String, String>> revisions = new HashMap<>();
    private final Map<ObjectId, Map<String, Map<String, String>>> tags = new HashMap<>();

    private History(Repository repo, String env) {
        this.repo = repo;
        this.env = env;
    }

    /** The history of {@code env} on its own branch (branch name from gitops.yaml at HEAD). */
    public static RevisionHistory ofEnvironment(Repository repo, String env, int limit) throws IOException {
        try (RevWalk w = new RevWalk(repo)) {
            GitopsConfig config = Configs.atHead(repo, w);
            GitopsConfig.EnvironmentConfig e = config.environment(env).orElseThrow(() ->
                    new IllegalArgumentException("unknown environment '" + env + "'; known: "
                            + String.join(", ", config.environmentNames())));
            RevCommit tip = Trees.branchTip(repo, w, e.branch()).orElseThrow(() ->
                    new IllegalArgumentException("branch " + e.branch() + " of " + env + " does not exist"));
            return of(repo, tip, env, limit);
        }
    }

    /** The history of {@code env}'s own section along {@code start}'s first-parent chain. */
    public static RevisionHistory of(Repository repo, RevCommit start, String env, int limit) throws IOException {
        return new History(repo, env).walk(start, limit);
    }

    private RevisionHistory walk(RevCommit start, int limit) throws IOException {
        List<Map<String, String>> newestFirst = new ArrayList<>();
        int read = 0;
        try (RevWalk w = new RevWalk(repo)) {
            w.setFirstParent(true);
            w.markStart(w.parseCommit(start));
            for (RevCommit c : w) {
                if (read >= limit) {
                    break;
                }
                read++;
                newestFirst.add(imagesAt(c));
            }
        }
        Collections.reverse(newestFirst);
        Map<String, Set<ImageRef>> images = new LinkedHashMap<>();
        for (Map<String, String> m : newestFirst) {
            m.forEach((s, img) -> images.computeIfAbsent(s, k -> new LinkedHashSet<>()).add(new ImageRef(img)));
        }
        return new RevisionHistory(env, images, read);
    }

    /** service -> image of {@code env}'s section at one commit; empty when its files do not load. */
    private Map<String, String> imagesAt(RevCommit c) throws IOException {
        GitFileSource files = Trees.files(repo, c, "history");
        GitopsConfig config;
        List<ObjectId> configKey = key(files.blobId("gitops.yaml"), files.blobId(GitopsConfig.FileNames.DEFAULT.controlCenter()));
        config = configs.get(configKey);
        if (config == null) {
            try {
                config = RepoLoader.loadConfig(files);
            } catch (StateException e) {
                return Map.of();
            }
            configs.put(configKey, config);
        }
        Optional<ObjectId> ccBlob = files.blobId(config.files().controlCenter());
        if (ccBlob.isEmpty()) {
            return Map.of();
        }
        List<ObjectId> revKey = key(files.blobId("gitops.yaml"), ccBlob);
        Map<String, String> revs = revisions.get(revKey);
        if (revs == null) {
            revs = revisionsOf(files, config);
            revisions.put(revKey, revs);
        }
        if (revs.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, String>> t = tagsOf(files, config);
        Map<String, String> out = new LinkedHashMap<>();
        revs.forEach((service, rev) -> {
            String img = t.getOrDefault(service, Map.of()).get(rev);
            if (img != null && !img.isBlank() && img.chars().noneMatch(Character::isWhitespace)) {
                out.put(service, img);
            }
        });
        return out;
    }

    private Map<String, String> revisionsOf(GitFileSource files, GitopsConfig config) {
        // Only gitops.yaml, control-center.yaml and what they refer to are read: tags, secrets and
        // Terraform files would cost a parse per commit and do not change the section.
        Set<String> hidden = Set.of(config.files().tags(), config.files().secrets());
        FileSource filtered = new FilteredSource(files, p -> hidden.contains(p) || config.files().isEnvFile(p));
        try {
            RepoSnapshot s = RepoLoader.load(filtered, Provenance.workingTree());
            Optional<EnvironmentSection> section = s.controlCenter().environment(env);
            if (section.isEmpty()) {
                return Map.of();
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (ServiceSpec spec : section.get().services().values()) {
                m.put(spec.name(), spec.gitRev());
            }
            return m;
        } catch (StateException e) {
            return Map.of();
        }
    }

    private Map<String, Map<String, String>> tagsOf(GitFileSource files, GitopsConfig config) throws IOException {
        String path = config.files().tags();
        Optional<ObjectId> blob = files.blobId(path);
        if (blob.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, String>> cached = tags.get(blob.get());
        if (cached != null) {
            return cached;
        }
        Map<String, Map<String, String>> m = Map.of();
        Optional<String> text = Trees.utf8(files.read(path).orElse(new byte[0]));
        if (text.isPresent()) {
            try {
                m = TagsDocument.parse(path, text.get()).mapping();
            } catch (YamlLayoutException e) {
                m = tagsThroughLoader(files, config);
            }
        }
        tags.put(blob.get(), m);
        return m;
    }

    /** For layouts the editor does not handle (flow style, anchors): the model's own reading. */
    private static Map<String, Map<String, String>> tagsThroughLoader(GitFileSource files, GitopsConfig config) {
        FileSource filtered = new FilteredSource(files,
                p -> p.equals(config.files().secrets()) || config.files().isEnvFile(p));
        try {
            RepoSnapshot s = RepoLoader.load(filtered, Provenance.workingTree());
            Map<String, Map<String, String>> m = new LinkedHashMap<>();
            s.tags().services().forEach((svc, entries) -> {
                Map<String, String> r = new LinkedHashMap<>();
                entries.forEach((rev, e) -> r.put(rev, e.image().reference()));
                m.put(svc, r);
            });
            return m;
        } catch (StateException e) {
            return Map.of();
        }
    }

    private static List<ObjectId> key(Optional<ObjectId> a, Optional<ObjectId> b) {
        return List.of(a.orElse(ObjectId.zeroId()), b.orElse(ObjectId.zeroId()));
    }
}
