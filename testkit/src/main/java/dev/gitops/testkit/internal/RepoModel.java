package dev.gitops.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A generated central repository as trees, before it is written as YAML: the defect generators
 * edit the trees (a wrong type, a typo'd key) or the written text (a tab, a duplicate key).
 * Mutable and confined to one generation step.
 */
public final class RepoModel {
    /** Environments in promotion order. */
    public final List<String> environments = new ArrayList<>();
    /** Service names of every environment, first environment first, each once. */
    public final List<String> services = new ArrayList<>();
    /** gitops.yaml, or null when the repository has none. */
    public Map<String, Object> gitops;
    public Map<String, Object> controlCenter = new LinkedHashMap<>();
    public Map<String, Object> tags = new LinkedHashMap<>();
    /** secrets.yaml, or null when the repository has none. */
    public Map<String, Object> secrets;
    /** env name -> env-&lt;env&gt;.yaml tree. */
    public final Map<String, Map<String, Object>> envFiles = new LinkedHashMap<>();
    /** Whether safe strings are written plain (as people do) or always quoted. */
    public boolean preferPlain = true;

    /** The files of the repository, path -> UTF-8 YAML. */
    public Map<String, byte[]> write() {
        YamlWriter w = new YamlWriter(preferPlain);
        Map<String, byte[]> files = new TreeMap<>();
        if (gitops != null) {
            files.put("gitops.yaml", utf8(w.write(gitops)));
        }
        files.put("control-center.yaml", utf8(w.write(controlCenter)));
        files.put("tags.yaml", utf8(w.write(tags)));
        if (secrets != null) {
            files.put("secrets.yaml", utf8(w.write(secrets)));
        }
        envFiles.forEach((env, tree) -> files.put("env-" + env + ".yaml", utf8(w.write(tree))));
        return files;
    }

    /** The section of one environment in control-center.yaml. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> section(String env) {
        return (Map<String, Object>) controlCenter.get(env);
    }

    /** The services of {@code env} written as plain mappings (not merge-key references), in order. */
    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Object>> plainServices(String env) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        Map<String, Object> section = section(env);
        if (section == null) {
            return out;
        }
        for (Map.Entry<String, Object> e : section.entrySet()) {
            if (services.contains(e.getKey()) && e.getValue() instanceof Map<?, ?> m) {
                out.put(e.getKey(), (Map<String, Object>) m);
            }
        }
        return out;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
