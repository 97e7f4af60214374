package dev.gitops.git.internal;

import dev.gitops.git.OutputChange;
import dev.gitops.git.TerraformGate;
import dev.gitops.git.TerraformImportResult;
import dev.gitops.git.TerraformOptions;
import dev.gitops.model.Acknowledgement;
import dev.gitops.model.GitopsConfig;
import dev.gitops.model.Problem;
import dev.gitops.model.PromotionVerdict;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoLoader;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.TerraformOutputs;
import dev.gitops.model.StateException;
import dev.gitops.model.Value;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Instant;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code terraform output -json} into env-&lt;env&gt;.yaml on the environment's own branch. The file
 * keeps Terraform's shape ({@code name: {sensitive, type, value}}), which the model reads without
 * guessing, under a header comment that says where it came from (no timestamp: importing the same
 * outputs twice gives the same bytes and no commit). Values never appear in messages.
 */
public final class TerraformImporter {
    private TerraformImporter() {}

    private record Output(String name, Value value, Optional<Value> type, boolean sensitive) {}

    public static TerraformImportResult importOutputs(Repository repo, Turns turns, String env, byte[] json,
                                                      TerraformGate gate, TerraformOptions o) throws IOException {
        if (json.length > o.limits().maxFileBytes()) {
            return new TerraformImportResult.Invalid(List.of("the input is " + json.length + " bytes, more than the "
                    + o.limits().maxFileBytes() + " bytes the loader reads from one file; nothing was written"));
        }
        List<String> problems = new ArrayList<>();
        List<Output> outputs = parse(json, problems);
        if (!problems.isEmpty()) {
            return new TerraformImportResult.Invalid(problems);
        }
        List<String> sensitive = outputs.stream().filter(Output::sensitive).map(Output::name).toList();
        if (!sensitive.isEmpty() && !o.skipSensitive()) {
            return new TerraformImportResult.SensitiveRefused(sensitive);
        }
        List<Output> kept = outputs.stream().filter(x -> !x.sensitive()).toList();
        GitopsConfig config;
        try (RevWalk w = new RevWalk(repo)) {
            config = Configs.atHead(repo, w);
        } catch (IllegalArgumentException e) {
            return new TerraformImportResult.Refused(e.getMessage());
        }
        Optional<GitopsConfig.EnvironmentConfig> e = config.environment(env);
        if (e.isEmpty()) {
            return new TerraformImportResult.Refused("unknown environment '" + env + "'; known: "
                    + String.join(", ", config.environmentNames()));
        }
        String branch = e.get().branch();
        BranchWriter writer = new BranchWriter(repo, o.identity(), o.retry(), o.push(), turns.of(branch));
        BranchWriter.Outcome<TerraformImportResult> out = writer.run(List.of(branch), (tips, walk, ins) -> {
            Optional<RevCommit> tip = tips.tip(branch);
            if (tip.isEmpty()) {
                return done(new TerraformImportResult.Refused("branch " + branch + " of " + env + " does not exist"));
            }
            GitopsConfig atTip;
            try {
                atTip = Trees.config(repo, tip.get(), branch);
            } catch (StateException ex) {
                return done(new TerraformImportResult.Refused(ex.getMessage()));
            }
            Optional<String> disagree = Configs.disagreement(atTip, env, branch);
            if (disagree.isPresent()) {
                return done(new TerraformImportResult.Refused(disagree.get()));
            }
            String file = atTip.files().envFileFor(env);
            GitFileSource files = Trees.files(repo, tip.get(), branch);
            String path = files.resolve(file).orElse(file);
            byte[] content = render(env, kept, sensitive).getBytes(StandardCharsets.UTF_8);
            if (content.length > o.limits().maxFileBytes()) {
                return done(new TerraformImportResult.Invalid(List.of(file + " would be " + content.length
                        + " bytes, more than the " + o.limits().maxFileBytes()
                        + " bytes the loader reads from one file; nothing was written")));
            }
            Optional<RepoSnapshot> before = load(files, o, branch + " before the import");
            List<OutputChange> changes = changes(before.map(b -> b.terraform().get(env)), kept);
            Optional<byte[]> existing = files.read(path);
            if (existing.isPresent() && Arrays.equals(existing.get(), content)) {
                return done(new TerraformImportResult.NoChange(branch, tip.get().name(), sensitive));
            }
            ObjectId tree;
            try (ObjectReader reader = repo.newObjectReader()) {
                tree = Commits.editTree(ins, reader, tip.get().getTree(), Map.of(path, Optional.of(content)));
            }
            ins.flush(); // the loader and the gate read the new tree through the repository
            RepoSnapshot after;
            try {
                after = RepoLoader.load(new GitFileSource(repo, tree, "import into " + branch),
                        new Provenance(branch + " after the import (not committed)", Optional.of(branch), Optional.empty()),
                        o.limits());
            } catch (StateException ex) {
                return done(new TerraformImportResult.Invalid(ex.problems().stream().map(Problem::format).toList()));
            }
            Optional<String> mismatch = verify(after.terraform().get(env), kept);
            if (mismatch.isPresent()) {
                return done(new TerraformImportResult.Invalid(List.of(mismatch.get())));
            }
            PromotionVerdict verdict = gate.judge(before, after, env);
            if (o.dryRun()) {
                return done(new TerraformImportResult.DryRun(branch, tip.get().name(), file, changes, sensitive, verdict));
            }
            if (!verdict.allowed()) {
                return done(new TerraformImportResult.Blocked(changes, verdict));
            }
            Instant now = Instant.now();
            ObjectId commit = Commits.commit(ins, tree, List.of(tip.get()), Identities.author(o.identity(), now),
                    Identities.committer(o.identity(), now), message(env, file, kept, sensitive, verdict.acknowledged()));
            List<String> names = kept.stream().map(Output::name).toList();
            return new BranchWriter.Publish<>(branch, Optional.of(tip.get().copy()), commit, "gitops tf import: " + env,
                    new TerraformImportResult.Imported(branch, commit.name(), file, names, sensitive, changes,
                            verdict.acknowledged()));
        });
        if (out instanceof BranchWriter.Ok<TerraformImportResult> ok) {
            return ok.result();
        }
        if (out instanceof BranchWriter.LostRaces<TerraformImportResult> lr) {
            return new TerraformImportResult.LostRaces(lr.attempts());
        }
        if (out instanceof BranchWriter.Refused<TerraformImportResult> r) {
            return new TerraformImportResult.Refused(r.reason());
        }
        return new TerraformImportResult.Failed(((BranchWriter.Failed<TerraformImportResult>) out).reason());
    }

    private static Optional<RepoSnapshot> load(GitFileSource files, TerraformOptions o, String what) {
        try {
            return Optional.of(RepoLoader.load(files, new Provenance(what, Optional.empty(), Optional.empty()), o.limits()));
        } catch (StateException e) {
            return Optional.empty();
        }
    }

    /** Every output before (the loaded file) and after, by name; values only of outputs not sensitive. */
    static List<OutputChange> changes(Optional<TerraformOutputs> before, List<Output> after) {
        Map<String, TerraformOutputs.Output> old = before.map(TerraformOutputs::outputs).orElse(Map.of());
        Map<String, Output> now = new TreeMap<>();
        after.forEach(x -> now.put(x.name(), x));
        TreeSet<String> names = new TreeSet<>(old.keySet());
        names.addAll(now.keySet());
        List<OutputChange> out = new ArrayList<>();
        for (String n : names) {
            TerraformOutputs.Output b = old.get(n);
            Output a = now.get(n);
            Optional<String> bv = b == null || b.sensitive() ? Optional.empty() : Optional.of(shown(b.value()));
            Optional<String> av = a == null ? Optional.empty() : Optional.of(shown(a.value()));
            OutputChange.Change c = b == null ? OutputChange.Change.ADDED : a == null ? OutputChange.Change.REMOVED
                    : b.value().sameAs(a.value()) && !b.sensitive() ? OutputChange.Change.UNCHANGED : OutputChange.Change.CHANGED;
            out.add(new OutputChange(n, c, c == OutputChange.Change.ADDED ? Optional.empty() : bv,
                    c == OutputChange.Change.REMOVED ? Optional.empty() : av));
        }
        return out;
    }

    private static String shown(Value v) {
        String json = v.toJson();
        return json.length() > 120 ? json.substring(0, 117) + "..." : json;
    }

    private static List<Output> parse(byte[] json, List<String> problems) {
        ObjectMapper mapper = new ObjectMapper()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            // Jackson's own message may quote the input (a secret); say only where.
            var loc = e.getLocation();
            problems.add("the input is not valid JSON" + (loc == null ? "" : " (line " + loc.getLineNr()
                    + ", column " + loc.getColumnNr() + ")") + "; pass the output of terraform output -json");
            return List.of();
        } catch (IOException e) {
            problems.add("the input cannot be read as JSON text");
            return List.of();
        }
        if (root == null || !root.isObject()) {
            problems.add("the input must be a JSON object of outputs, as terraform output -json prints");
            return List.of();
        }
        List<Output> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            String name = f.getKey();
            JsonNode o = f.getValue();
            if (!o.isObject() || !o.has("value")) {
                problems.add("output '" + name + "': expected {\"value\": ..., \"type\": ..., \"sensitive\": ...}, "
                        + "the shape terraform output -json prints");
                continue;
            }
            // Exactly Terraform's keys: a misspelled "Sensitive" must not turn a secret into a plain value.
            List<String> unknown = new ArrayList<>();
            o.fieldNames().forEachRemaining(k -> {
                if (!k.equals("value") && !k.equals("type") && !k.equals("sensitive")) {
                    unknown.add(k);
                }
            });
            if (!unknown.isEmpty()) {
                problems.add("output '" + name + "': unknown key(s) " + String.join(", ", unknown)
                        + "; terraform output -json prints exactly value, type and sensitive");
                continue;
            }
            JsonNode s = o.get("sensitive");
            if (s == null || !s.isBoolean()) {
                problems.add("output '" + name + "': \"sensitive\" must be true or false");
                continue;
            }
            Optional<Value> type = Optional.ofNullable(o.get("type")).map(TerraformImporter::toValue);
            out.add(new Output(name, toValue(o.get("value")), type, s != null && s.booleanValue()));
        }
        return out;
    }

    private static Value toValue(JsonNode n) {
        if (n == null || n.isNull()) {
            return Value.NULL;
        }
        if (n.isTextual()) {
            return Value.of(n.textValue());
        }
        if (n.isBoolean()) {
            return Value.of(n.booleanValue());
        }
        if (n.isNumber()) {
            return new Value.Num(n.decimalValue());
        }
        if (n.isArray()) {
            List<Value> items = new ArrayList<>();
            n.forEach(x -> items.add(toValue(x)));
            return Value.of(items);
        }
        Map<String, Value> m = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> m.put(e.getKey(), toValue(e.getValue())));
        return Value.of(m);
    }

    static String render(String env, List<Output> outputs, List<String> skipped) {
        StringBuilder b = new StringBuilder()
                .append("# Terraform outputs of ").append(env).append(", written by `gitops tf import --env ").append(env)
                .append("` from `terraform output -json`.\n")
                .append("# Committed straight to this environment's branch; it never travels between branches.\n")
                .append("# Import again instead of editing by hand.\n");
        if (!skipped.isEmpty()) {
            b.append("# Sensitive outputs not written: ").append(String.join(", ", skipped)).append('\n');
        }
        if (outputs.isEmpty()) {
            return b.append("{}\n").toString();
        }
        Map<String, Value> doc = new LinkedHashMap<>();
        for (Output o : outputs) {
            Map<String, Value> m = new LinkedHashMap<>();
            m.put("sensitive", Value.of(false));
            o.type().ifPresent(t -> m.put("type", t));
            m.put("value", o.value());
            doc.put(o.name(), Value.of(m));
        }
        return b.append(YamlWriter.write(Value.of(doc))).toString();
    }

    /** The written file as the loader read it back: it must hold exactly the outputs, types included. */
    static Optional<String> verify(TerraformOutputs read, List<Output> outputs) {
        Map<String, TerraformOutputs.Output> got = read == null ? Map.of() : read.outputs();
        if (!got.keySet().equals(outputs.stream().map(Output::name).collect(java.util.stream.Collectors.toSet()))) {
            return Optional.of("internal error: the written file does not hold the expected outputs; nothing was written");
        }
        for (Output o : outputs) {
            TerraformOutputs.Output g = got.get(o.name());
            if (!g.value().sameAs(o.value()) || g.sensitive()) {
                return Optional.of("output '" + o.name() + "': its value does not read back exactly as Terraform gave it "
                        + "(type or digits would change); nothing was written");
            }
        }
        return Optional.empty();
    }

    static String message(String env, String file, List<Output> outputs, List<String> skipped,
                          List<Acknowledgement> acknowledged) {
        StringBuilder b = new StringBuilder("terraform: import outputs of ").append(env).append(" into ").append(file)
                .append("\n\n").append(outputs.size()).append(" output(s) from terraform output -json");
        if (!outputs.isEmpty()) {
            b.append(": ").append(String.join(", ", outputs.stream().map(Output::name).toList()));
        }
        b.append(".\n");
        if (!skipped.isEmpty()) {
            b.append("Sensitive outputs skipped (not committed): ").append(String.join(", ", skipped)).append(".\n");
        }
        if (!acknowledged.isEmpty()) {
            b.append('\n').append(Commits.acknowledgedTrailers(acknowledged));
        }
        return b.toString();
    }

    private static BranchWriter.Attempt<TerraformImportResult> done(TerraformImportResult r) {
        return new BranchWriter.Done<>(r);
    }
}
