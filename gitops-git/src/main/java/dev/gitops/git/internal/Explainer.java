package dev.gitops.git.internal;

import dev.gitops.git.Contribution;
import dev.gitops.git.Explanation;
import dev.gitops.git.LineOrigin;
import dev.gitops.model.EnvironmentSection;
import dev.gitops.model.FileSource;
import dev.gitops.model.ImageRef;
import dev.gitops.model.JsonPointer;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoLoader;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.ServiceSpec;
import dev.gitops.model.SourceIndex;
import dev.gitops.model.SourceLocation;
import dev.gitops.model.TerraformOutputs;
import dev.gitops.model.Value;

import org.eclipse.jgit.api.BlameCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.blame.BlameResult;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code gitops explain}: maps a pointer into one environment's state to the lines that produce it,
 * using the loader's {@link SourceIndex}, then asks Git blame who last changed each line.
 *
 * <p>Pointers: {@code /services/<svc>} followed by a control-center key path ({@code memory_max},
 * {@code flags/beta}, {@code env/LOG_LEVEL}) or a template-API name ({@code image}, {@code gitRev},
 * {@code resources/limits/memory}); {@code /params/<key>...}; {@code /terraform/<output>}.
 * A service key comes from the environment's section or, when absent there, from the
 * {@code defaults:} block; an image comes from the revision line plus its tags.yaml line.
 */
public final class Explainer {
    private Explainer() {}

    private static final Map<String, String> API_NAMES = Map.of(
            "gitRev", "git_rev",
            "resources/requests/memory", "memory_min",
            "resources/limits/memory", "memory_max",
            "resources/requests/cpu", "cpu_min",
            "resources/limits/cpu", "cpu_max");

    public static Explanation explain(Repository repo, String env, Optional<String> ref, String pointer) throws IOException {
        RepoSnapshot snap;
        ObjectId start = null;
        if (ref.isPresent()) {
            try (RevWalk w = new RevWalk(repo)) {
                RevCommit c = Trees.resolve(repo, w, ref.get()).orElseThrow(() ->
                        new IllegalArgumentException("no commit named '" + ref.get() + "'"));
                snap = Trees.snapshot(repo, c, ref.get());
                start = c.copy();
            }
        } else {
            if (repo.isBare()) {
                throw new IllegalArgumentException("a bare repository has no working tree; name a ref (--ref)");
            }
            snap = RepoLoader.load(FileSource.directory(repo.getWorkTree().toPath()), Provenance.workingTree());
        }
        Explanation e = explain(snap, env, pointer);
        Map<String, Optional<BlameResult>> blames = new HashMap<>();
        List<Contribution> withOrigins = new ArrayList<>();
        for (Contribution c : e.contributions()) {
            Optional<LineOrigin> origin = Optional.empty();
            if (c.location().line() > 0) {
                String path = snap.files().resolve(c.location().file()).orElse(c.location().file());
                final ObjectId from = start;
                Optional<BlameResult> blame = blames.computeIfAbsent(path, p -> blame(repo, p, from));
                origin = blame.flatMap(b -> origin(b, c.location().line() - 1));
            }
            withOrigins.add(new Contribution(c.role(), c.location(), c.text(), origin));
        }
        return new Explanation(e.environment(), e.pointer(), e.value(), withOrigins);
    }

    private static Optional<BlameResult> blame(Repository repo, String path, ObjectId start) {
        try {
            BlameCommand cmd = new BlameCommand(repo).setFilePath(path);
            if (start != null) {
                cmd.setStartCommit(start);
            }
            BlameResult r = cmd.call();
            if (r != null) {
                r.computeAll();
            }
            return Optional.ofNullable(r);
        } catch (GitAPIException | IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<LineOrigin> origin(BlameResult b, int idx) {
        if (idx >= b.getResultContents().size()) {
            return Optional.empty();
        }
        RevCommit c = b.getSourceCommit(idx);
        if (c == null) {
            return Optional.empty(); // an uncommitted line of the working tree
        }
        PersonIdent a = b.getSourceAuthor(idx);
        return Optional.of(new LineOrigin(c.name(), a.getName(), a.getEmailAddress(), a.getWhenAsInstant(),
                c.getShortMessage()));
    }

    /** Locations only (no Git): which files and lines produce the value. */
    public static Explanation explain(RepoSnapshot snap, String env, String pointer) {
        List<String> seg = JsonPointer.parse(pointer);
        List<Contribution> out = new ArrayList<>();
        Optional<String> value = Optional.empty();
        Optional<EnvironmentSection> section = snap.controlCenter().environment(env);
        String cc = snap.controlCenter().file();
        SourceIndex idx = snap.index();
        if (seg.size() >= 2 && seg.get(0).equals("services") && section.isPresent()) {
            String svc = seg.get(1);
            ServiceSpec spec = section.get().services().get(svc);
            if (spec != null) {
                List<String> rest = seg.subList(2, seg.size());
                String joined = String.join("/", rest);
                if (rest.isEmpty() || rest.equals(List.of("name")) || rest.equals(List.of("k8sName"))) {
                    add(out, snap, "service", idx.find(cc, JsonPointer.of(env, svc)), false);
                    value = Optional.of(rest.equals(List.of("k8sName")) ? spec.kubernetesName() : svc);
                } else if (joined.equals("image") || joined.equals("imageResolved")) {
                    keyContributions(out, snap, env, svc, List.of("git_rev"));
                    Optional<ImageRef> img = snap.tags().image(svc, spec.gitRev());
                    String tagsFile = snap.tags().file();
                    add(out, snap, "tags.yaml image", idx.find(tagsFile, JsonPointer.of(svc, spec.gitRev()))
                            .or(() -> Optional.ofNullable(snap.tags().services().getOrDefault(svc, Map.of()).get(spec.gitRev()))
                                    .map(dev.gitops.model.Tags.Entry::location)), false);
                    value = img.map(ImageRef::reference);
                } else {
                    List<String> key = API_NAMES.containsKey(joined) ? List.of(API_NAMES.get(joined).split("/")) : rest;
                    keyContributions(out, snap, env, svc, key);
                    value = navigate(serviceValue(spec), key).map(Value::asText);
                }
            }
        } else if (seg.size() >= 2 && seg.get(0).equals("params") && section.isPresent()) {
            List<String> key = seg.subList(1, seg.size());
            List<String> ptr = new ArrayList<>(List.of(env));
            ptr.addAll(key);
            add(out, snap, "environment parameter", idx.find(cc, JsonPointer.of(ptr.toArray(new String[0]))), false);
            value = navigate(new Value.Obj(section.get().params()), key).map(Value::asText);
        } else if (seg.size() == 2 && seg.get(0).equals("terraform")) {
            TerraformOutputs tf = snap.terraform().get(env);
            TerraformOutputs.Output o = tf == null ? null : tf.outputs().get(seg.get(1));
            if (o != null) {
                add(out, snap, "terraform output", Optional.of(o.location()), o.sensitive());
                value = o.sensitive() ? Optional.empty() : Optional.of(o.value().asText());
            }
        }
        return new Explanation(env, pointer, value, out);
    }

    /** The section's own line for a key when it has one, and the defaults line (overridden, or effective). */
    private static void keyContributions(List<Contribution> out, RepoSnapshot snap, String env, String svc, List<String> key) {
        String cc = snap.controlCenter().file();
        List<String> own = new ArrayList<>(List.of(env, svc));
        own.addAll(key);
        List<String> def = new ArrayList<>(List.of("defaults"));
        def.addAll(key);
        Optional<SourceLocation> ownLoc = snap.index().find(cc, JsonPointer.of(own.toArray(new String[0])));
        Optional<SourceLocation> defLoc = snap.index().find(cc, JsonPointer.of(def.toArray(new String[0])));
        if (ownLoc.isPresent()) {
            add(out, snap, "environment section", ownLoc, false);
            add(out, snap, "defaults (overridden)", defLoc, false);
        } else {
            add(out, snap, "defaults", defLoc, false);
        }
    }

    private static void add(List<Contribution> out, RepoSnapshot snap, String role, Optional<SourceLocation> loc,
                            boolean sensitive) {
        if (loc.isEmpty()) {
            return;
        }
        Optional<String> text = sensitive || mayHoldSecrets(snap, loc.get().file()) ? Optional.empty() : lineText(snap, loc.get());
        out.add(new Contribution(role, loc.get(), text, Optional.empty()));
    }

    /**
     * Whether a file's lines may show secret values: an env file's line may hold other outputs (a
     * one-line {@code terraform output -json} holds them all), so only the value asked for is given.
     */
    private static boolean mayHoldSecrets(RepoSnapshot snap, String file) {
        return file.equals(snap.secrets().file()) || snap.config().files().isEnvFile(file);
    }

    private static Optional<String> lineText(RepoSnapshot snap, SourceLocation loc) {
        if (loc.line() <= 0) {
            return Optional.empty();
        }
        try {
            Optional<byte[]> bytes = snap.files().read(loc.file());
            if (bytes.isEmpty()) {
                return Optional.empty();
            }
            String[] lines = new String(bytes.get(), StandardCharsets.UTF_8).split("\n", -1);
            return loc.line() <= lines.length ? Optional.of(lines[loc.line() - 1].strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A service's values under their control-center keys (after defaults were merged). */
    private static Value serviceValue(ServiceSpec s) {
        Map<String, Value> m = new LinkedHashMap<>();
        m.put("git_rev", Value.of(s.gitRev()));
        s.replicas().ifPresent(r -> m.put("replicas", Value.of(r)));
        s.memoryMin().ifPresent(q -> m.put("memory_min", Value.of(q.text())));
        s.memoryMax().ifPresent(q -> m.put("memory_max", Value.of(q.text())));
        s.cpuMin().ifPresent(q -> m.put("cpu_min", Value.of(q.text())));
        s.cpuMax().ifPresent(q -> m.put("cpu_max", Value.of(q.text())));
        s.port().ifPresent(p -> m.put("port", Value.of(p)));
        Map<String, Value> flags = new LinkedHashMap<>();
        s.flags().forEach((k, v) -> flags.put(k, Value.of(v)));
        m.put("flags", Value.of(flags));
        m.put("env", Value.of(s.env()));
        s.ingress().ifPresent(i -> m.put("ingress", Value.of(Map.of("host", Value.of(i.host()), "path", Value.of(i.path())))));
        m.putAll(s.extra());
        return Value.of(m);
    }

    private static Optional<Value> navigate(Value v, List<String> path) {
        Value cur = v;
        for (String p : path) {
            if (cur instanceof Value.Obj o && o.fields().containsKey(p)) {
                cur = o.fields().get(p);
            } else if (cur instanceof Value.Arr a && p.matches("[0-9]+") && Integer.parseInt(p) < a.items().size()) {
                cur = a.items().get(Integer.parseInt(p));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(cur);
    }

}
