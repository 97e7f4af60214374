package dev.gitops.testkit.internal;

import dev.gitops.testkit.Defect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plants one {@link Defect} in a valid {@link RepoModel}. Tree edits (a wrong type, a misspelt key)
 * are made before the files are written; text edits (a tab, a duplicate key, invalid UTF-8) after,
 * because the writer cannot produce them.
 */
public final class Defects {
    private static final String CC = "control-center.yaml";
    private static final Pattern GIT_REV_LINE = Pattern.compile("(?m)^( +)git_rev: .*$");

    /** The result: the broken files, the file holding the defect, and what was planted. */
    public record Planted(Map<String, byte[]> files, String file, String detail) {}

    private final RepoModel m;
    private final Rnd r;

    private Defects(RepoModel m, Rnd r) {
        this.m = m;
        this.r = r;
    }

    /** Plants {@code d} in {@code m} (which it edits). */
    public static Planted plant(Defect d, RepoModel m, Rnd r) {
        return new Defects(m, r).plant(d);
    }

    private Planted plant(Defect d) {
        switch (d) {
            case FLOAT_GIT_REV: {
                Target t = service();
                String f = r.pick("1.10", "2.0", "1.5", "10.20");
                t.spec.put("git_rev", new YamlWriter.Raw(f));
                return tree(CC, t + ": git_rev: " + f + " is a float, not the string \"" + f + "\"");
            }
            case GIT_REV_TYPO: {
                Target t = service();
                String typo = r.pick("git_revison", "git-rev", "gitrev", "git_rev_", "git_ref");
                Map<String, Object> renamed = new LinkedHashMap<>();
                t.spec.forEach((key, v) -> renamed.put(key.equals("git_rev") ? typo : key, v));
                if (renamed.size() == 1) {
                    renamed.put("replicas", 1);
                }
                t.spec.clear();
                t.spec.putAll(renamed);
                return tree(CC, t + ": git_rev misspelt as " + typo);
            }
            case DUPLICATE_KEY: {
                service();
                Map<String, byte[]> files = m.write();
                boolean inTags = r.bool() && !m.tags.isEmpty();
                if (inTags) {
                    String text = text(files, "tags.yaml");
                    Matcher x = Pattern.compile("(?m)^( +)(\\S[^\\n]*): (\\S+)$").matcher(text);
                    if (x.find()) {
                        String dup = x.group(1) + x.group(2) + ": registry.example.com/duplicate:1";
                        files.put("tags.yaml", bytes(text.substring(0, x.end()) + "\n" + dup + text.substring(x.end())));
                        return new Planted(files, "tags.yaml", "revision " + x.group(2) + " listed twice");
                    }
                }
                String text = text(files, CC);
                Matcher x = GIT_REV_LINE.matcher(text);
                if (!x.find()) {
                    throw new IllegalStateException("no git_rev line in\n" + text);
                }
                String dup = x.group(1) + "git_rev: v9.9.9";
                files.put(CC, bytes(text.substring(0, x.end()) + "\n" + dup + text.substring(x.end())));
                return new Planted(files, CC, "git_rev twice in one service at line " + line(text, x.start()));
            }
            case BAD_QUANTITY: {
                Target t = service();
                String key = r.pick("memory_min", "memory_max", "cpu_min", "cpu_max");
                String bad = r.pick("1gi", "2GB", "1K", "512 Mi", "1.5.2Gi", "Mi", "two");
                t.spec.remove(key.replace("min", "max"));
                t.spec.remove(key.replace("max", "min"));
                t.spec.put(key, bad);
                return tree(CC, t + ": " + key + ": " + bad);
            }
            case TAB_INDENTATION: {
                Map<String, byte[]> files = m.write();
                List<String> candidates = new ArrayList<>();
                files.forEach((p, b) -> {
                    if (Pattern.compile("(?m)^  +[A-Za-z\"-]").matcher(text(files, p)).find()) {
                        candidates.add(p);
                    }
                });
                String p = r.pick(candidates);
                String text = text(files, p);
                List<Integer> starts = new ArrayList<>();
                Matcher x = Pattern.compile("(?m)^(  +)[A-Za-z\"-]").matcher(text);
                while (x.find()) {
                    starts.add(x.start());
                }
                int at = r.pick(starts);
                int end = at;
                while (text.charAt(end) == ' ') {
                    end++;
                }
                files.put(p, bytes(text.substring(0, at) + "\t" + text.substring(end)));
                return new Planted(files, p, "a tab indents line " + line(text, at));
            }
            case UNKNOWN_ENVIRONMENT: {
                ensureGitops();
                String env = r.pick("qa2", "staging-eu", "perf");
                if (r.bool() || m.secrets == null) {
                    Map<String, Object> section = new LinkedHashMap<>();
                    section.put("elk_endpoint", "https://search-" + env + ".example.com");
                    m.controlCenter.put(env, section);
                    return tree(CC, "section '" + env + "' is not an environment of gitops.yaml");
                }
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("scope", "cluster-wide");
                entry.put("encryptedData", new LinkedHashMap<>(Map.of("k", "AgBxyz==")));
                Map<String, Object> section = new LinkedHashMap<>();
                section.put("orphan-secret", entry);
                m.secrets.put(env, section);
                return tree("secrets.yaml", "section '" + env + "' is not an environment of gitops.yaml");
            }
            case WRONG_TYPE: {
                Target t = service();
                switch (r.range(0, 5)) {
                    case 0:
                        t.spec.put("replicas", "three");
                        return tree(CC, t + ": replicas: three (not an integer)");
                    case 1:
                        t.spec.put("port", "http");
                        return tree(CC, t + ": port: http (not an integer)");
                    case 2:
                        t.spec.put("flags", new LinkedHashMap<>(Map.of("new_checkout", "maybe")));
                        return tree(CC, t + ": flag new_checkout: maybe (not a boolean)");
                    case 3:
                        t.spec.put("ingress", t.name.replace('_', '-') + ".example.com");
                        return tree(CC, t + ": ingress is a string, not a mapping");
                    case 4:
                        t.spec.put("secrets", "db-password");
                        return tree(CC, t + ": secrets is a string, not a list");
                    default:
                        t.spec.put("env", new LinkedHashMap<>(Map.of("LIST", new ArrayList<>(List.of(1, 2)))));
                        return tree(CC, t + ": env LIST is a list, not a scalar");
                }
            }
            case OUT_OF_RANGE: {
                Target t = service();
                if (r.bool()) {
                    int port = r.pick(0, 70000, 65536, -1);
                    t.spec.put("port", port);
                    return tree(CC, t + ": port: " + port);
                }
                t.spec.put("replicas", -1);
                return tree(CC, t + ": replicas: -1");
            }
            case MISSING_REQUIRED_KEY: {
                Target t = service();
                if (r.bool()) {
                    t.spec.put("ingress", new LinkedHashMap<>(Map.of("path", "/")));
                    return tree(CC, t + ": ingress without host");
                }
                Map<String, Object> ext = new LinkedHashMap<>();
                ext.put("name", "api-key");
                ext.put("store", "vault");
                Map<String, Object> ref = new LinkedHashMap<>();
                ref.put("external", ext);
                t.spec.put("secrets", new ArrayList<>(List.of(ref)));
                return tree(CC, t + ": external secret without key");
            }
            case NAME_COLLISION: {
                String env = r.pick(m.environments);
                String word = r.pick(RepoSynth.WORDS) + "-x" + r.range(0, 9);
                String a = word.replace('-', '_');
                for (String s : List.of(a, word)) {
                    Map<String, Object> spec = new LinkedHashMap<>();
                    spec.put("git_rev", "v1.0.0");
                    m.section(env).put(s, spec);
                    m.tags.put(s, new LinkedHashMap<>(Map.of("v1.0.0", "registry.example.com/" + s + ":1")));
                }
                return tree(CC, env + ": services " + a + " and " + word + " both become " + word);
            }
            case BAD_ENVIRONMENT_NAME: {
                String bad = r.pick("Prod_EU", "prod eu", "PROD", "-dev", "dev.");
                Map<String, Object> section = new LinkedHashMap<>();
                section.put("elk_endpoint", "https://search.example.com");
                m.controlCenter.put(bad, section);
                return tree(CC, "environment name '" + bad + "' is not a lower-case DNS label");
            }
            case SYNTAX_ERROR: {
                Map<String, byte[]> files = m.write();
                String p = r.pick(new ArrayList<>(files.keySet()));
                String broken = r.pick("broken: [a, b\n", "broken: \"unterminated\n", "broken: {a: 1\n", "broken: 'x\n");
                files.put(p, bytes(text(files, p) + broken));
                return new Planted(files, p, "appended " + broken.trim());
            }
            case NOT_A_MAPPING: {
                Map<String, byte[]> files = m.write();
                String p = r.pick(new ArrayList<>(files.keySet()));
                String list = r.pick("- dev\n- prod\n", "just a string\n", "42\n");
                files.put(p, bytes(list));
                return new Planted(files, p, "top level is " + list.trim());
            }
            case MULTIPLE_DOCUMENTS: {
                Map<String, byte[]> files = m.write();
                String p = r.pick(new ArrayList<>(files.keySet()));
                files.put(p, bytes(text(files, p) + "---\nsecond: document\n"));
                return new Planted(files, p, "a second document after ---");
            }
            case UNSAFE_TAG: {
                String env = r.pick(m.environments);
                String tagged = r.pick("!!java.net.URL [\"https://example.com\"]", "!!binary aGVsbG8=",
                        "!custom value", "!!python/object:os.system [ls]");
                m.section(env).put("elk_endpoint", new YamlWriter.Raw(tagged));
                return tree(CC, env + ": elk_endpoint: " + tagged);
            }
            case UNDEFINED_ALIAS: {
                String env = r.pick(m.environments);
                m.section(env).put("elk_endpoint", new YamlWriter.Raw("*nowhere"));
                return tree(CC, env + ": elk_endpoint: *nowhere refers to no anchor");
            }
            case INVALID_UTF8: {
                Map<String, byte[]> files = m.write();
                String p = r.pick(new ArrayList<>(files.keySet()));
                byte[] old = files.get(p);
                int at = r.range(0, old.length);
                byte[] bad = r.pick(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
                // Inside a comment the bytes still have to be decoded: the position does not matter.
                byte[] comment = "# ".getBytes(StandardCharsets.UTF_8);
                int lineStart = at;
                while (lineStart > 0 && old[lineStart - 1] != '\n') {
                    lineStart--;
                }
                byte[] out = new byte[old.length + comment.length + bad.length + 1];
                System.arraycopy(old, 0, out, 0, lineStart);
                System.arraycopy(comment, 0, out, lineStart, comment.length);
                System.arraycopy(bad, 0, out, lineStart + comment.length, bad.length);
                out[lineStart + comment.length + bad.length] = '\n';
                System.arraycopy(old, lineStart, out, lineStart + comment.length + bad.length + 1, old.length - lineStart);
                files.put(p, out);
                return new Planted(files, p, "bytes that are not UTF-8 in a comment before offset " + lineStart);
            }
            case PLAINTEXT_SECRET: {
                if (m.secrets == null) {
                    m.secrets = new LinkedHashMap<>();
                }
                String env = r.pick(m.environments);
                @SuppressWarnings("unchecked")
                Map<String, Object> section = (Map<String, Object>) m.secrets.computeIfAbsent(env, e -> new LinkedHashMap<>());
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("scope", "cluster-wide");
                String plain = r.pick("hunter2 is the password", "p@ss:word!", "secret value", "hunter2");
                entry.put("encryptedData", new LinkedHashMap<>(Map.of("password", plain)));
                section.put("leaked-secret", entry);
                return tree("secrets.yaml", env + "/leaked-secret: encryptedData.password is plaintext");
            }
            case BAD_IMAGE: {
                service();
                String svc = r.pick(new ArrayList<>(m.tags.keySet()));
                @SuppressWarnings("unchecked")
                Map<String, Object> revs = (Map<String, Object>) m.tags.get(svc);
                String rev = r.pick(new ArrayList<>(revs.keySet()));
                Object bad = r.pick(new LinkedHashMap<>(Map.of("image", "x")), 42, "registry.example.com/a b:1");
                revs.put(rev, bad);
                return tree("tags.yaml", svc + "/" + rev + ": image " + bad + " is not an image reference");
            }
            case GIT_REV_IN_DEFAULTS: {
                @SuppressWarnings("unchecked")
                Map<String, Object> defaults = (Map<String, Object>) m.controlCenter.get("defaults");
                if (defaults == null) {
                    defaults = new LinkedHashMap<>();
                    Map<String, Object> reordered = new LinkedHashMap<>();
                    reordered.put("defaults", defaults);
                    reordered.putAll(m.controlCenter);
                    m.controlCenter = reordered;
                }
                defaults.put("git_rev", "v1.0.0");
                return tree(CC, "defaults: holds git_rev");
            }
            case UNKNOWN_GITOPS_KEY: {
                ensureGitops();
                String key = r.pick("enviroments", "template", "polcy", "branches");
                m.gitops.put(key, new LinkedHashMap<>(Map.of("x", 1)));
                return tree("gitops.yaml", "unknown key " + key);
            }
            case MISSING_CONTROL_CENTER: {
                Map<String, byte[]> files = m.write();
                files.remove(CC);
                return new Planted(files, CC, "control-center.yaml removed");
            }
            default:
                throw new IllegalArgumentException("unknown defect " + d);
        }
    }

    private Planted tree(String file, String detail) {
        return new Planted(m.write(), file, detail);
    }

    private void ensureGitops() {
        if (m.gitops == null) {
            Map<String, Object> g = new LinkedHashMap<>();
            List<Object> envs = new ArrayList<>();
            for (String e : m.environments) {
                envs.add(new LinkedHashMap<>(Map.of("name", e)));
            }
            g.put("environments", envs);
            m.gitops = g;
        }
    }

    /** A service written as a plain mapping, made when the repository has none. */
    private Target service() {
        List<Target> all = new ArrayList<>();
        for (String env : m.environments) {
            m.plainServices(env).forEach((name, spec) -> all.add(new Target(env, name, spec)));
        }
        if (!all.isEmpty()) {
            return r.pick(all);
        }
        String env = m.environments.get(0);
        String name = "defect-target";
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("git_rev", "v1.0.0");
        spec.put("replicas", 1);
        m.section(env).put(name, spec);
        m.services.add(name);
        m.tags.put(name, new LinkedHashMap<>(Map.of("v1.0.0", "registry.example.com/defect-target:1")));
        return new Target(env, name, spec);
    }

    private record Target(String env, String name, Map<String, Object> spec) {
        @Override
        public String toString() {
            return env + "/" + name;
        }
    }

    private static String text(Map<String, byte[]> files, String p) {
        return new String(files.get(p), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static int line(String text, int offset) {
        int n = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
