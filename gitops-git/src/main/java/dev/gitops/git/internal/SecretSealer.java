package dev.gitops.git.internal;

import dev.gitops.git.SealOptions;
import dev.gitops.git.SealResult;
import dev.gitops.git.SecretToSeal;
import dev.gitops.model.GitopsConfig;
import dev.gitops.model.Problem;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoLoader;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.SealedSecretSpec;
import dev.gitops.model.SealedBlob;
import dev.gitops.model.Sealing;
import dev.gitops.model.SealingKey;
import dev.gitops.model.SealingTarget;
import dev.gitops.model.SecretValue;
import dev.gitops.model.StateException;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Seals secrets into secrets.yaml on the dev branch: one commit for the whole batch, through the
 * same compare-and-swap loop as tag write-back ({@link BranchWriter}), so a lost race re-reads the
 * new tip and rebuilds. A value whose keyed digest matches the one stored keeps its ciphertext, so
 * re-running a batch with unchanged plaintexts commits nothing. Commit messages and results name
 * secrets and keys only.
 */
public final class SecretSealer {
    private SecretSealer() {}

    private record Planned(Map<String, SecretsDocument.Entry> upserts, List<String> added, List<String> changed,
                           List<String> unchanged) {}

    /** Refusal of one attempt, carried out of the planning code. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;

        Refusal(String message) {
            super(message, null, false, false);
        }
    }

    public static SealResult seal(Repository repo, Turns turns, String branch, String env, SealingKey key,
                                  List<SecretToSeal> secrets, SealOptions options) throws IOException {
        return seal(repo, turns, branch, env, key, secrets, options, () -> { });
    }

    /**
     * As {@link #seal(Repository, Turns, String, String, SealingKey, List, SealOptions)}, running
     * {@code afterRead} after each attempt has read the branch (tests move the branch there to lose a race).
     */
    static SealResult seal(Repository repo, Turns turns, String branch, String env, SealingKey key,
                           List<SecretToSeal> secrets, SealOptions options, Runnable afterRead) throws IOException {
        BranchWriter writer = new BranchWriter(repo, options.identity(), options.retry(), options.push(), turns.of(branch));
        BranchWriter.Outcome<SealResult> out = writer.run(List.of(branch), (tips, walk, ins) -> {
            Optional<RevCommit> tip = tips.tip(branch);
            if (tip.isEmpty()) {
                return done(new SealResult.Refused("branch " + branch + " does not exist"
                        + options.push().map(r -> " on " + r.nameOrUrl()).orElse("")));
            }
            afterRead.run();
            GitopsConfig config;
            try {
                config = Trees.config(repo, tip.get(), branch);
            } catch (StateException e) {
                return done(new SealResult.Refused(e.getMessage()));
            }
            Optional<GitopsConfig.EnvironmentConfig> envConfig = config.environment(env);
            if (envConfig.isEmpty()) {
                return done(new SealResult.Refused("unknown environment '" + env + "'; known: "
                        + String.join(", ", config.environmentNames())));
            }
            String secretsFile = config.files().secrets();
            GitFileSource files = Trees.files(repo, tip.get(), branch);
            String path = files.resolve(secretsFile).orElse(secretsFile);
            String text = "";
            Optional<byte[]> bytes = files.read(path);
            if (bytes.isPresent()) {
                Optional<String> decoded = Trees.utf8(bytes.get());
                if (decoded.isEmpty()) {
                    return done(new SealResult.Refused(secretsFile + " is not UTF-8; it was left unchanged"));
                }
                text = decoded.get();
            }
            String content;
            Planned plan;
            List<String> removed = new ArrayList<>();
            try {
                SecretsDocument doc = SecretsDocument.parse(secretsFile, text);
                Map<String, SecretsDocument.Entry> existing = doc.environment(env);
                plan = plan(env, envConfig.get(), key, secrets, existing, options);
                if (options.replaceEnvironment()) {
                    Set<String> given = new LinkedHashSet<>();
                    secrets.forEach(s -> given.add(s.name()));
                    existing.keySet().stream().filter(n -> !given.contains(n)).forEach(removed::add);
                }
                if (plan.upserts().isEmpty() && removed.isEmpty()) {
                    return done(new SealResult.NoChange(branch, tip.get().name(), plan.unchanged()));
                }
                content = doc.edit(env, plan.upserts(), new LinkedHashSet<>(removed));
                // The file as written must hold well-formed ciphertexts for this key, or nothing lands.
                for (Map.Entry<String, SecretsDocument.Entry> e : SecretsDocument.parse(secretsFile, content).environment(env).entrySet()) {
                    if (!plan.upserts().containsKey(e.getKey())) {
                        continue;
                    }
                    for (Map.Entry<String, String> v : e.getValue().encryptedData().entrySet()) {
                        if (SealedBlob.check(v.getValue(), OptionalInt.of(key.modulusBytes() * 8)) instanceof SealedBlob.Verdict.Malformed m) {
                            return done(new SealResult.Refused(secretsFile + ": " + env + " " + e.getKey() + " " + v.getKey()
                                    + " " + m.reason() + "; nothing was written"));
                        }
                    }
                }
            } catch (YamlLayoutException e) {
                return done(new SealResult.Refused(e.getMessage()));
            } catch (Refusal e) {
                return done(new SealResult.Refused(e.getMessage()));
            }
            byte[] blob = content.getBytes(StandardCharsets.UTF_8);
            ObjectId tree;
            try (ObjectReader reader = repo.newObjectReader()) {
                tree = Commits.editTree(ins, reader, tip.get().getTree(), Map.of(path, Optional.of(blob)));
            }
            // Judged before it lands: the new tree must load, and secrets.yaml must hold this environment's
            // entries exactly as planned. Problems of other files were there before and are not this write's.
            ins.flush();
            try {
                RepoSnapshot after = RepoLoader.load(new GitFileSource(repo, tree, "seal into " + branch),
                        new Provenance(branch + " after sealing (not committed)", Optional.of(branch), Optional.empty()));
                Set<String> expected = new LinkedHashSet<>(SecretsDocument.parse(secretsFile, content).environment(env).keySet());
                if (!after.secrets().of(env).keySet().equals(expected)) {
                    return done(new SealResult.Refused(secretsFile + ": the sealed entries of " + env
                            + " do not load back as written; nothing was written"));
                }
            } catch (StateException e) {
                List<Problem> ours = e.problems().stream().filter(p -> p.location().file().equals(path) || p.location().file().equals(secretsFile)).toList();
                if (!ours.isEmpty()) {
                    return done(new SealResult.Refused(ours.stream().map(Problem::format)
                            .collect(java.util.stream.Collectors.joining("\n")) + "\nnothing was written"));
                }
            } catch (YamlLayoutException e) {
                return done(new SealResult.Refused(e.getMessage()));
            }
            java.time.Instant now = java.time.Instant.now();
            ObjectId commit = Commits.commit(ins, tree, List.of(tip.get()), Identities.author(options.identity(), now),
                    Identities.committer(options.identity(), now), message(env, secretsFile, key, plan, removed));
            return new BranchWriter.Publish<>(branch, Optional.of(tip.get().copy()), commit, "gitops seal: " + env,
                    new SealResult.Sealed(branch, commit.name(), secretsFile, plan.added(), plan.changed(), removed,
                            plan.unchanged(), 1));
        });
        if (out instanceof BranchWriter.Ok<SealResult> ok) {
            if (ok.result() instanceof SealResult.Sealed s) {
                return new SealResult.Sealed(s.branch(), s.commit(), s.file(), s.added(), s.changed(), s.removed(),
                        s.unchanged(), ok.attempts());
            }
            return ok.result();
        }
        if (out instanceof BranchWriter.LostRaces<SealResult> lr) {
            return new SealResult.LostRaces(branch, lr.attempts());
        }
        if (out instanceof BranchWriter.Refused<SealResult> r) {
            return new SealResult.Refused(r.reason());
        }
        return new SealResult.Failed(((BranchWriter.Failed<SealResult>) out).reason());
    }

    private static Planned plan(String env, GitopsConfig.EnvironmentConfig envConfig, SealingKey key,
                                List<SecretToSeal> secrets, Map<String, SecretsDocument.Entry> existing,
                                SealOptions options) throws Refusal {
        Map<String, SecretsDocument.Entry> upserts = new LinkedHashMap<>();
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (SecretToSeal s : secrets) {
            SecretsDocument.Entry old = existing.get(s.name());
            Optional<String> ns = s.namespace().or(() -> old == null ? Optional.empty() : old.namespace())
                    .or(envConfig::namespace);
            if (ns.isEmpty()) {
                throw new Refusal("secret " + s.name() + " of " + env + " has no namespace: pass one, or set the "
                        + "environment's namespace in gitops.yaml");
            }
            SealingTarget target;
            try {
                target = new SealingTarget(ns.get(), s.name(), s.scope());
            } catch (IllegalArgumentException e) {
                throw new Refusal("secret " + s.name() + " of " + env + ": " + e.getMessage());
            }
            boolean sameTarget = false;
            Map<String, String> data = new LinkedHashMap<>();
            Map<String, String> digests = new LinkedHashMap<>();
            if (old != null) {
                SealedSecretSpec.Scope oldScope = old.scope().flatMap(SealedSecretSpec.Scope::parse).orElse(SealedSecretSpec.Scope.STRICT);
                Optional<String> oldNs = old.namespace().or(envConfig::namespace);
                sameTarget = oldScope == s.scope() && oldNs.equals(ns);
                if (!options.replaceEnvironment()) {
                    List<String> notGiven = old.encryptedData().keySet().stream().filter(k -> !s.data().containsKey(k)).toList();
                    if (!sameTarget && !notGiven.isEmpty()) {
                        throw new Refusal("secret " + s.name() + " of " + env + " moves to another scope or namespace, "
                                + "so its other keys (" + String.join(", ", notGiven) + ") would no longer decrypt: "
                                + "seal all its keys again");
                    }
                    for (String k : notGiven) {
                        data.put(k, old.encryptedData().get(k));
                        if (old.digests().containsKey(k)) {
                            digests.put(k, old.digests().get(k));
                        }
                    }
                }
            }
            for (Map.Entry<String, SecretValue> v : s.data().entrySet()) {
                String k = v.getKey();
                Optional<String> digest = options.digestKey().map(d -> d.digest(env, key, target, k, v.getValue()));
                boolean keep = sameTarget && digest.isPresent() && old.encryptedData().containsKey(k)
                        && digest.get().equals(old.digests().get(k));
                data.put(k, keep ? old.encryptedData().get(k) : Sealing.seal(key, target, v.getValue()));
                digest.ifPresent(d -> digests.put(k, d));
            }
            Optional<String> scopeField = s.scope() != SealedSecretSpec.Scope.STRICT || (old != null && old.scope().isPresent())
                    ? Optional.of(s.scope().yaml()) : Optional.empty();
            SecretsDocument.Entry entry = new SecretsDocument.Entry(
                    s.namespace().or(() -> old == null ? Optional.empty() : old.namespace()),
                    scopeField,
                    s.type().or(() -> old == null ? Optional.empty() : old.type()),
                    data, digests);
            if (old == null) {
                added.add(s.name());
                upserts.put(s.name(), entry);
            } else if (entry.equals(old) && new ArrayList<>(entry.encryptedData().keySet()).equals(new ArrayList<>(old.encryptedData().keySet()))) {
                unchanged.add(s.name());
            } else {
                changed.add(s.name());
                upserts.put(s.name(), entry);
            }
        }
        return new Planned(upserts, added, changed, unchanged);
    }

    static String message(String env, String file, SealingKey key, Planned plan, List<String> removed) {
        int n = plan.added().size() + plan.changed().size() + removed.size();
        StringBuilder b = new StringBuilder("secrets: seal ").append(n).append(" secret(s) of ").append(env)
                .append(" into ").append(file).append("\n\n");
        if (!plan.added().isEmpty()) {
            b.append("Added: ").append(String.join(", ", plan.added())).append('\n');
        }
        if (!plan.changed().isEmpty()) {
            b.append("Changed: ").append(String.join(", ", plan.changed())).append('\n');
        }
        if (!removed.isEmpty()) {
            b.append("Removed: ").append(String.join(", ", removed)).append('\n');
        }
        b.append("Sealing-Key: sha256:").append(key.fingerprint()).append('\n');
        return b.toString();
    }

    private static BranchWriter.Attempt<SealResult> done(SealResult r) {
        return new BranchWriter.Done<>(r);
    }

}
