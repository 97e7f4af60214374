package dev.gitops.model.internal;

import dev.gitops.model.ImageRef;
import dev.gitops.model.JsonPointer;
import dev.gitops.model.Problem;
import dev.gitops.model.SealedBlob;
import dev.gitops.model.SealedSecretSpec;
import dev.gitops.model.Secrets;
import dev.gitops.model.SourceLocation;
import dev.gitops.model.Tags;
import dev.gitops.model.TerraformOutputs;
import dev.gitops.model.Value;
import dev.gitops.model.internal.yaml.YamlNode;
import dev.gitops.model.internal.yaml.YamlTrees;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** tags.yaml, secrets.yaml and env-&lt;env&gt;.yaml. */
final class InputReaders {
    private final LoadContext ctx;

    InputReaders(LoadContext ctx) {
        this.ctx = ctx;
    }

    private static boolean isNull(YamlNode n) {
        return n instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.NULL;
    }

    /** Validates a file that may hold secrets: no problem quotes its values. */
    private boolean validate(String file, String schema, YamlNode root) {
        int before = ctx.problemCount();
        Schemas.shared().validate(Schemas.shared().get(schema), root, ctx.locator(file, "", root), false).forEach(ctx::add);
        return ctx.problemCount() == before;
    }

    /** tags.yaml: service -> revision -> image; empty when absent. */
    Tags tags(String file) {
        LoadContext.Parsed p = ctx.read(file);
        if (!p.ok() || isNull(p.root().get()) || !validate(file, "tags.v1.schema.json", p.root().get())) {
            return Tags.empty(file);
        }
        Map<String, Map<String, Tags.Entry>> services = new LinkedHashMap<>();
        for (YamlNode.Entry svc : ((YamlNode.Mapping) p.root().get()).entries().values()) {
            Map<String, Tags.Entry> revs = new LinkedHashMap<>();
            if (svc.value() instanceof YamlNode.Mapping rm) {
                for (YamlNode.Entry r : rm.entries().values()) {
                    String ptr = JsonPointer.of(svc.key(), r.key());
                    YamlNode.Scalar img = (YamlNode.Scalar) r.value();
                    SourceLocation at = ctx.at(file, ptr, img);
                    try {
                        revs.put(r.key(), new Tags.Entry(r.key(), new ImageRef(img.text()), at));
                    } catch (IllegalArgumentException e) {
                        ctx.add(Problem.of(at, e.getMessage(), "write an image reference such as registry/name:tag"));
                    }
                }
            }
            services.put(svc.key(), revs);
        }
        return new Tags(file, services);
    }

    /** secrets.yaml: environment -> name -> sealed secret; empty when absent. */
    Secrets secrets(String file, List<String> environments) {
        LoadContext.Parsed p = ctx.read(file, false);
        if (!p.ok() || isNull(p.root().get()) || !validate(file, "secrets.v1.schema.json", p.root().get())) {
            return Secrets.empty(file);
        }
        Map<String, Map<String, SealedSecretSpec>> envs = new LinkedHashMap<>();
        for (YamlNode.Entry env : ((YamlNode.Mapping) p.root().get()).entries().values()) {
            if (!environments.contains(env.key())) {
                ctx.add(Problem.of(new SourceLocation(file, env.keyLine(), env.keyColumn(), JsonPointer.of(env.key())),
                        "unknown environment '" + env.key() + "'",
                        "known environments: " + String.join(", ", environments)));
                continue;
            }
            Map<String, SealedSecretSpec> specs = new LinkedHashMap<>();
            if (env.value() instanceof YamlNode.Mapping sm) {
                for (YamlNode.Entry s : sm.entries().values()) {
                    YamlNode.Mapping m = (YamlNode.Mapping) s.value();
                    Map<String, String> data = new LinkedHashMap<>();
                    if (m.get("encryptedData") instanceof YamlNode.Mapping dm) {
                        for (YamlNode.Entry v : dm.entries().values()) {
                            String text = ((YamlNode.Scalar) v.value()).text();
                            if (SealedBlob.check(text) instanceof SealedBlob.Verdict.Malformed bad) {
                                ctx.add(Problem.of(ctx.at(file, JsonPointer.of(env.key(), s.key(), "encryptedData", v.key()), v.value()),
                                        "the value of '" + v.key() + "' " + bad.reason() + " (value not shown)",
                                        "secrets.yaml holds kubeseal ciphertexts only: seal the value (gitops seal) and "
                                                + "rotate it if a plaintext was committed"));
                            }
                            data.put(v.key(), text);
                        }
                    }
                    SealedSecretSpec.Scope scope = ServiceReader.str(m.get("scope"))
                            .flatMap(SealedSecretSpec.Scope::parse).orElse(SealedSecretSpec.Scope.STRICT);
                    specs.put(s.key(), new SealedSecretSpec(s.key(), ServiceReader.str(m.get("namespace")), scope,
                            ServiceReader.str(m.get("type")), data,
                            new SourceLocation(file, s.keyLine(), s.keyColumn(), JsonPointer.of(env.key(), s.key()))));
                }
            }
            envs.put(env.key(), specs);
        }
        return new Secrets(file, envs);
    }

    /**
     * env-&lt;env&gt;.yaml, in one of two shapes and never a mix: a plain mapping of output name to
     * value, or exactly what {@code terraform output -json} prints (name to {@code {value, type,
     * sensitive}}). An entry that is a mapping with a {@code value} or {@code sensitive} key (in any
     * letter case) is an output object, and then the file is in the JSON shape: every entry must be
     * an output object with exactly those keys. Anything else is a problem, never a fallback to plain
     * values (which would hand a sensitive value to the templates); no problem quotes a value.
     */
    Optional<TerraformOutputs> terraform(String env, String file) {
        LoadContext.Parsed p = ctx.read(file, false);
        if (!p.present()) {
            return Optional.empty();
        }
        if (!p.ok()) {
            return Optional.empty();
        }
        YamlNode root = p.root().get();
        if (isNull(root)) {
            return Optional.of(new TerraformOutputs(env, file, Map.of()));
        }
        if (!(root instanceof YamlNode.Mapping m)) {
            ctx.add(Problem.of(ctx.at(file, "", root), file + " must be a mapping of Terraform outputs, found " + root.describe(),
                    "write output: value lines, or the output of terraform output -json"));
            return Optional.empty();
        }
        boolean json = m.entries().values().stream().anyMatch(e -> isOutputObject(e.value()));
        // The schema refuses a plain value among output objects and any key but value, type and sensitive.
        if (json && !validate(file, "terraform-output-json.v1.schema.json", root)) {
            return Optional.empty();
        }
        Map<String, TerraformOutputs.Output> outs = new LinkedHashMap<>();
        for (YamlNode.Entry e : m.entries().values()) {
            String ptr = JsonPointer.of(e.key());
            if (json) {
                YamlNode.Mapping om = (YamlNode.Mapping) e.value();
                YamlNode v = om.get("value");
                outs.put(e.key(), new TerraformOutputs.Output(e.key(), YamlTrees.toValue(v),
                        om.get("sensitive") instanceof YamlNode.Scalar s && s.text().equalsIgnoreCase("true"),
                        Optional.ofNullable(om.get("type")).map(YamlTrees::toValue),
                        ctx.at(file, JsonPointer.append(ptr, "value"), v)));
            } else {
                outs.put(e.key(), new TerraformOutputs.Output(e.key(), YamlTrees.toValue(e.value()), false, Optional.empty(),
                        ctx.at(file, ptr, e.value())));
            }
        }
        return Optional.of(new TerraformOutputs(env, file, outs));
    }

    /** A mapping with a {@code value} or {@code sensitive} key, in any letter case: meant as a terraform output -json object. */
    private static boolean isOutputObject(YamlNode n) {
        return n instanceof YamlNode.Mapping om && om.entries().keySet().stream()
                .anyMatch(k -> k.equalsIgnoreCase("value") || k.equalsIgnoreCase("sensitive"));
    }

    static Value.Obj empty() {
        return new Value.Obj(Map.of());
    }
}
