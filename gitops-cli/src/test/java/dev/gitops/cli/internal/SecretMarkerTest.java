package dev.gitops.cli.internal;

import dev.gitops.cli.internal.cmp.CmpGenerate;
import dev.gitops.model.FileSource;
import dev.gitops.model.Problem;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoLoader;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.SealedBlob;
import dev.gitops.model.StateException;
import dev.gitops.testkit.TempRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plants recognisable marker values everywhere a secret can enter a central repository (sensitive
 * Terraform outputs in each accepted shape, plaintext pasted into secrets.yaml, broken output
 * objects, a template root that reaches the env files, credentials in control-center.yaml, a
 * sensitive output handed to {@code tf import}) and runs every command and the Argo CD plugin on
 * each, on success and on every failure path: no marker may reach stdout, stderr, a file written, a
 * commit (message or new file) or an exception message.
 *
 * <p>Commands run in-process through {@link Cli#run} and {@link CmpGenerate#run} (the same code
 * Main runs); {@code SecretMarkerProcessTest} runs a few as real processes. {@code gitops jsonnet}
 * is left out: it evaluates the code it is given and reads secrets.yaml or an env file only when
 * that code imports it. The
 * control-center.yaml credential is a configuration value that state, render and the plugin
 * output by design; only the commands that report findings are checked for it.
 */
class SecretMarkerTest {
    /** Every marker starts with this; none of the repository's other text contains it. */
    private static final String MARKER = "SECRETMARK";
    /** The marker of a number (a number holds no letters). */
    private static final String DIGITS = "7310937462";

    @TempDir
    Path tmp;

    // ---- the central repository ------------------------------------------------------------

    private static final List<String> ENVS = List.of("dev", "preprod", "prod");

    private static Map<String, String> base() {
        Map<String, String> f = new TreeMap<>();
        f.put("gitops.yaml", """
                environments:
                  - name: dev
                    namespace: shop-dev
                  - name: preprod
                    namespace: shop-preprod
                  - name: prod
                    namespace: shop-prod
                    prodLike: true
                """);
        StringBuilder cc = new StringBuilder();
        StringBuilder secrets = new StringBuilder();
        for (String env : ENVS) {
            cc.append(env).append(":\n  log_level: info\n  svc_a:\n    git_rev: v1.0.1\n    port: 8080\n")
                    .append("    secrets:\n      - sealed: db\n        env: {DB_PASSWORD: password}\n");
            secrets.append(env).append(":\n  db:\n    namespace: shop-").append(env).append("\n    scope: strict\n")
                    .append("    encryptedData:\n      password: ").append(SealedBlob.placeholder("AgBdb" + env)).append('\n');
        }
        f.put("control-center.yaml", cc.toString());
        f.put("secrets.yaml", secrets.toString());
        f.put("tags.yaml", "svc_a:\n  v1.0.1: registry.example.com/svc_a:1\n  v1.0.2: registry.example.com/svc_a:2\n");
        // every accepted shape of a sensitive output: YAML blocks, one-line JSON, a list value
        f.put("env-dev.yaml", """
                vpc_id: {value: vpc-dev, type: string, sensitive: false}
                db_password:
                  value: SECRETMARKtfblock
                  type: string
                  sensitive: true
                """);
        f.put("env-preprod.yaml", "{\"vpc_id\": {\"value\": \"vpc-preprod\", \"type\": \"string\", \"sensitive\": false},"
                + " \"api_token\": {\"value\": \"SECRETMARKtfjson\", \"type\": \"string\", \"sensitive\": true}}\n");
        f.put("env-prod.yaml", """
                vpc_id: {value: vpc-prod, type: string, sensitive: false}
                keys: {value: [SECRETMARKtflist, "SECRETMARKtflist2"], type: [list, string], sensitive: true}
                """);
        return f;
    }

    /** One way a secret enters: a change of the base files, and whether loading must refuse it. */
    record Scenario(String name, UnaryOperator<Map<String, String>> change, boolean refusedAtLoad) {}

    private static UnaryOperator<Map<String, String>> put(String path, String content) {
        return f -> {
            f.put(path, content);
            return f;
        };
    }

    private static List<Scenario> scenarios() {
        String devSecret = base().get("secrets.yaml").replaceFirst("password: AgBdbdev0*", "password: %s");
        List<Scenario> s = new ArrayList<>();
        s.add(new Scenario("sensitive outputs in every accepted shape", f -> f, false));
        s.add(new Scenario("plaintext pasted as encryptedData (base64 letters)",
                put("secrets.yaml", devSecret.formatted("SECRETMARKplain")), true));
        s.add(new Scenario("plaintext pasted as encryptedData (with spaces)",
                put("secrets.yaml", devSecret.formatted("\"hunter2 SECRETMARKspace!\"")), true));
        s.add(new Scenario("tagged sensitive value", put("env-dev.yaml",
                "db_password: {value: !!int \"SECRETMARKtagged\", type: string, sensitive: true}\n"), true));
        s.add(new Scenario("out-of-range sensitive number", put("env-dev.yaml",
                "db_pin: {value: " + DIGITS.repeat(12) + "e1, type: number, sensitive: true}\n"), true));
        s.add(new Scenario("sensitive output with an extra key", put("env-dev.yaml",
                "db_password: {value: SECRETMARKextra, type: string, sensitive: true, description: x}\n"), true));
        s.add(new Scenario("Sensitive spelled with a capital", put("env-dev.yaml",
                "vpc_id: {value: vpc-dev, type: string, sensitive: false}\ndb_password: {value: SECRETMARKcap, Sensitive: true}\n"), true));
        s.add(new Scenario("plain value among output objects", put("env-dev.yaml",
                "db_password: {value: SECRETMARKmixed, type: string, sensitive: true}\nregion: SECRETMARKregion\n"), true));
        s.add(new Scenario("template root holding the env files", f -> {
            f.put("gitops.yaml", f.get("gitops.yaml") + "files:\n  envFile: config/env-{env}.yaml\n"
                    + "templates:\n  root: config\n  entrypoint: config/main.jsonnet\n");
            for (String env : ENVS) {
                f.put("config/env-" + env + ".yaml", f.remove("env-" + env + ".yaml"));
            }
            f.put("config/main.jsonnet", "function(state) { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'leak' },"
                    + " data: { tf: importstr 'env-' + state.environment + '.yaml' } }\n");
            return f;
        }, true));
        return s;
    }

    private static String envFile(Map<String, String> files, String env) {
        return files.containsKey("config/env-" + env + ".yaml") ? "config/env-" + env + ".yaml" : "env-" + env + ".yaml";
    }

    /** The files as a working tree (every env file, as an Argo CD checkout of one path holds them). */
    private Path directory(String name, Map<String, String> files) {
        try {
            Path dir = Files.createDirectories(tmp.resolve(name));
            for (Map.Entry<String, String> e : files.entrySet()) {
                Files.createDirectories(dir.resolve(e.getKey()).getParent());
                Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A bare repository: dev holds the files with dev's env file, then a second commit (a parameter
     * change, for diff and rollback); preprod and prod branch from the first with their own env file.
     */
    private static TempRepo bare(Map<String, String> files) {
        TempRepo repo = TempRepo.createBare("dev");
        Map<String, byte[]> shared = new TreeMap<>();
        files.forEach((p, c) -> {
            if (ENVS.stream().noneMatch(e -> p.equals(envFile(files, e)))) {
                shared.put(p, c.getBytes(StandardCharsets.UTF_8));
            }
        });
        String first = repo.branch("dev").commit("initial").addAll(shared)
                .add(envFile(files, "dev"), files.get(envFile(files, "dev"))).create();
        repo.branch("dev").commit("dev: log level debug")
                .add("control-center.yaml", files.get("control-center.yaml").replaceFirst("log_level: info", "log_level: debug"))
                .create();
        for (String env : List.of("preprod", "prod")) {
            repo.branch(env).commit(env).from(first).rm(envFile(files, "dev"))
                    .add(envFile(files, env), files.get(envFile(files, env))).create();
        }
        return repo;
    }

    // ---- running and checking ---------------------------------------------------------------

    private record Run(String what, int exit, String out, String err) {}

    private static Run cli(String... args) {
        CliFailClosedTest.Run r = CliFailClosedTest.run(args);
        return new Run(String.join(" ", args), r.exit(), r.out(), r.err());
    }

    private static Run plugin(Path dir, String env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = CmpGenerate.run(Map.of("ARGOCD_ENV_ENVIRONMENT", env), dir, out, e);
        }
        return new Run("cmp generate (" + env + ")", code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** An SPKI public key of a fresh RSA-2048 key pair: what `gitops seal --cert` takes besides a certificate. */
    private static String publicKeyPem() {
        try {
            java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(g.generateKeyPair().getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static final List<String> FORBIDDEN = List.of(MARKER, DIGITS);

    private static void check(List<String> leaks, String where, String text) {
        for (String m : FORBIDDEN) {
            if (text.contains(m)) {
                leaks.add(where + " holds a marker: " + text);
            }
        }
    }

    private static void check(List<String> leaks, Run r) {
        check(leaks, r.what() + " stdout", r.out());
        check(leaks, r.what() + " stderr", r.err());
        if (r.exit() == 3) {
            leaks.add(r.what() + ": internal error (exit 3): " + r.err());
        }
        if (r.exit() >= 2 && !r.out().isEmpty()) {   // exit 1 may carry a report (validate, promote) as its result
            leaks.add(r.what() + ": failed (exit " + r.exit() + ") but wrote to stdout");
        }
    }

    private static void checkFiles(List<String> leaks, Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                check(leaks, "file " + dir.relativize(p), Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file at a branch tip, as text. */
    private static Set<String> tipContents(TempRepo repo) {
        Set<String> out = new HashSet<>();
        for (String b : repo.branches()) {
            for (String path : repo.files(b)) {
                repo.readString(b, path).ifPresent(out::add);
            }
        }
        return out;
    }

    /** New files at branch tips and every commit message, after a command that may write. */
    private static void checkCommits(List<String> leaks, TempRepo repo, Set<String> before, String what) {
        for (String b : repo.branches()) {
            for (TempRepo.CommitInfo c : repo.log(b)) {
                check(leaks, what + ": commit message on " + b, c.message());
            }
            for (String path : repo.files(b)) {
                String text = repo.readString(b, path).orElse("");
                if (!before.contains(text)) {
                    check(leaks, what + ": " + b + ":" + path + " as written", text);
                }
            }
        }
    }

    /** Loading through the library: the exception, or the snapshot's own text. */
    private static void checkLibrary(List<String> leaks, Path dir, boolean refused) {
        try {
            RepoSnapshot s = RepoLoader.load(FileSource.directory(dir), Provenance.workingTree());
            if (refused) {
                leaks.add(dir.getFileName() + ": loaded although it must be refused");
            }
            for (String env : ENVS) {
                check(leaks, "terraform outputs of " + env, String.valueOf(s.terraform().get(env)));
                check(leaks, "state of " + env, String.valueOf(s.resolve(env, false).terraform()));
            }
        } catch (StateException e) {
            if (!refused) {
                leaks.add(dir.getFileName() + ": refused: " + e.getMessage());
            }
            check(leaks, "StateException message", String.valueOf(e.getMessage()));
            check(leaks, "StateException", e.toString());
            for (Problem p : e.problems()) {
                check(leaks, "problem", p.format());
            }
        }
    }

    @Test
    void everyCommandAndThePlugin_onEveryWayASecretEnters_neverShowTheValue() throws IOException {
        List<String> leaks = new ArrayList<>();
        int scenario = 0;
        for (Scenario sc : scenarios()) {
            Map<String, String> files = sc.change().apply(base());
            Path dir = directory("s" + scenario, files);
            Path out = tmp.resolve("out" + scenario);
            scenario++;
            List<String> runLeaks = new ArrayList<>();
            checkLibrary(runLeaks, dir, sc.refusedAtLoad());
            String d = dir.toString();
            List<Run> runs = new ArrayList<>();
            for (String env : ENVS) {
                runs.add(cli("state", "--repo", d, "--env", env));
                runs.add(cli("state", "--repo", d, "--env", env, "--format", "json"));
                runs.add(cli("render", "--repo", d, "--env", env));
                runs.add(cli("render", "--repo", d, "--env", env, "--format", "json", "--out-dir", out.resolve(env).toString()));
                runs.add(cli("explain", "--repo", d, "--env", env, "/terraform/vpc_id"));
                for (String output : List.of("db_password", "api_token", "keys", "db_pin")) {
                    runs.add(cli("explain", "--repo", d, "--env", env, "/terraform/" + output));
                    runs.add(cli("explain", "--repo", d, "--env", env, "/terraform/" + output, "--format", "json"));
                }
                runs.add(cli("explain", "--repo", d, "--env", env, "/terraform/vpc_id", "--format", "json"));
                runs.add(cli("explain", "--repo", d, "--env", env, "/sealedSecrets/db"));
                runs.add(plugin(dir, env));
            }
            for (String format : List.of("text", "json", "sarif")) {
                runs.add(cli("validate", "--repo", d, "--format", format));
            }
            if (sc.refusedAtLoad()) {
                for (Run r : runs) {
                    if ((r.what().startsWith("state") || r.what().startsWith("render") || r.what().startsWith("cmp"))
                            && r.exit() != 2) {
                        runLeaks.add(r.what() + ": expected exit 2, was " + r.exit());
                    }
                }
            } else {
                for (Run r : runs) {
                    if ((r.what().startsWith("render") || r.what().startsWith("cmp")) && r.exit() != 0) {
                        runLeaks.add(r.what() + ": expected to render, exit " + r.exit() + ": " + r.err());
                    }
                }
            }
            try (TempRepo repo = bare(files)) {
                String g = repo.directory().toString();
                String first = repo.log("dev").get(repo.log("dev").size() - 1).id();
                Set<String> before = tipContents(repo);
                List<String[]> gitRuns = new ArrayList<>();
                for (String env : ENVS) {
                    gitRuns.add(new String[] {"state", "--repo", g, "--ref", env, "--env", env, "--format", "json"});
                    gitRuns.add(new String[] {"render", "--repo", g, "--ref", env, "--env", env});
                    gitRuns.add(new String[] {"validate", "--repo", g, "--ref", env, "--env", env, "--format", "json"});
                }
                gitRuns.add(new String[] {"diff", "--repo", g, "--env", "dev", "--base", first, "--head", "dev"});
                gitRuns.add(new String[] {"diff", "--repo", g, "--env", "dev", "--base", first, "--head", "dev", "--format", "json"});
                gitRuns.add(new String[] {"status", "--repo", g});
                gitRuns.add(new String[] {"status", "--repo", g, "--format", "json"});
                gitRuns.add(new String[] {"status", "--repo", g, "--format", "html", "--out", out.resolve("status.html").toString()});
                gitRuns.add(new String[] {"promote", "--repo", g, "--from", "dev", "--to", "preprod", "--dry-run"});
                gitRuns.add(new String[] {"promote", "--repo", g, "--from", "preprod", "--to", "prod", "--dry-run"});
                for (String format : List.of("text", "json", "sarif")) {
                    gitRuns.add(new String[] {"promote", "--repo", g, "--to", "preprod", "--check", "--head", "dev", "--format", format});
                }
                gitRuns.add(new String[] {"rollback", "--repo", g, "--env", "dev", "--dry-run"});
                gitRuns.add(new String[] {"rollback", "--repo", g, "--env", "dev", "--dry-run", "--format", "json"});
                gitRuns.add(new String[] {"tag", "set", "--repo", g, "--service", "svc_a", "--revision", "v1.0.3",
                        "--image", "registry.example.com/svc_a:3"});
                gitRuns.add(new String[] {"tag", "set", "--repo", g, "--service", "svc_a", "--revision", "v1.0.4",
                        "--image", "registry.example.com/svc_a:4", "--format", "json"});
                Path tf = out.resolve("tf.json");
                Files.createDirectories(out);
                Files.writeString(tf, "{\"vpc_id\": {\"value\": \"vpc-new\", \"type\": \"string\", \"sensitive\": false},"
                        + " \"db_password\": {\"value\": \"SECRETMARKtfimport\", \"type\": \"string\", \"sensitive\": true}}\n");
                for (String format : List.of("text", "json")) {
                    gitRuns.add(new String[] {"tf", "import", "--repo", g, "--env", "preprod", "--file", tf.toString(),
                            "--dry-run", "--format", format});
                    gitRuns.add(new String[] {"tf", "import", "--repo", g, "--env", "preprod", "--file", tf.toString(),
                            "--skip-sensitive", "--dry-run", "--format", format});
                }
                gitRuns.add(new String[] {"tf", "import", "--repo", g, "--env", "preprod", "--file", tf.toString()});
                gitRuns.add(new String[] {"tf", "import", "--repo", g, "--env", "preprod", "--file", tf.toString(), "--skip-sensitive"});
                Path tfMisspelled = out.resolve("tf-misspelled.json");
                Files.writeString(tfMisspelled, "{\"db_password\": {\"value\": \"SECRETMARKtfcap\", \"type\": \"string\","
                        + " \"Sensitive\": true}}\n");
                gitRuns.add(new String[] {"tf", "import", "--repo", g, "--env", "preprod", "--file", tfMisspelled.toString(),
                        "--skip-sensitive"});
                // gitops seal: the value on the command line, in a file, in a folder of Secrets; success and refusals
                Path sealIn = Files.createDirectories(tmp.resolve("seal-in" + scenario));
                Path cert = Files.writeString(sealIn.resolve("cert.pem"), publicKeyPem());
                Path valueFile = Files.writeString(sealIn.resolve("value.txt"), MARKER + "sealfile");
                Path digestKey = Files.writeString(sealIn.resolve("digest.key"), "k".repeat(48));
                Path secrets = Files.createDirectories(sealIn.resolve("secrets"));
                Files.writeString(secrets.resolve("db.yaml"), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n"
                        + "  namespace: shop-dev\nstringData:\n  password: " + MARKER + "sealdir\n");
                Path notCert = Files.writeString(sealIn.resolve("not-a-cert.pem"), MARKER + "notcert\n");
                gitRuns.add(new String[] {"seal", "--cert", cert.toString(), "--namespace", "shop", "--name", "db",
                        "password=" + MARKER + "sealarg", "file=@" + valueFile});
                gitRuns.add(new String[] {"seal", "--cert", notCert.toString(), "--namespace", "shop", "--name", "db",
                        "password=" + MARKER + "sealbadcert"});
                gitRuns.add(new String[] {"seal", "--cert", cert.toString(), "--namespace", "shop", "--name", "db",
                        "password" + MARKER + "noequals"});
                gitRuns.add(new String[] {"seal", "--repo", g, "--env", "dev", "--cert", cert.toString(), "--name", "db",
                        "password=" + MARKER + "sealrepo"});
                gitRuns.add(new String[] {"seal", "--repo", g, "--env", "dev", "--cert", cert.toString(),
                        "--from-dir", secrets.toString(), "--digest-key-file", digestKey.toString(), "--format", "json"});
                gitRuns.add(new String[] {"seal", "--repo", g, "--env", "dev", "--cert", cert.toString(),
                        "--from-dir", secrets.toString()});
                for (String[] args : gitRuns) {
                    Run r = cli(args);
                    runs.add(r);
                    if (r.what().contains("sealarg") && (r.exit() != 0 || !r.out().contains("kind: SealedSecret"))) {
                        runLeaks.add(r.what() + ": expected a SealedSecret on stdout, exit " + r.exit() + ": " + r.err());
                    }
                    checkCommits(runLeaks, repo, before, r.what());
                }
                Files.delete(tf);   // the inputs themselves hold the marker; they are no files the tool wrote
                Files.delete(tfMisspelled);
            }
            for (Run r : runs) {
                check(runLeaks, r);
            }
            checkFiles(runLeaks, out);
            runLeaks.forEach(l -> leaks.add(sc.name() + ": " + l));
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void credentialInControlCenter_findingsNeverShowTheValue() {
        Map<String, String> files = base();
        files.put("control-center.yaml", files.get("control-center.yaml")
                .replace("    port: 8080\n", "    port: 8080\n    env:\n      DB_PASSWORD: SECRETMARKcc\n      AWS_ID: AKIAIOSFODNN7EXAMPLE\n"));
        Path dir = directory("cc", files);
        List<String> leaks = new ArrayList<>();
        List<Run> runs = new ArrayList<>();
        for (String format : List.of("text", "json", "sarif")) {
            Run r = cli("validate", "--repo", dir.toString(), "--format", format);
            assertTrue(r.out().contains("input/plaintext-credential"), r.out());
            runs.add(r);
        }
        try (TempRepo repo = bare(files)) {
            String g = repo.directory().toString();
            runs.add(cli("promote", "--repo", g, "--from", "dev", "--to", "preprod", "--dry-run"));
            runs.add(cli("promote", "--repo", g, "--to", "preprod", "--check", "--head", "dev", "--format", "json"));
        }
        for (Run r : runs) {
            check(leaks, r);
            if (r.out().contains("AKIAIOSFODNN7EXAMPLE") || r.err().contains("AKIAIOSFODNN7EXAMPLE")) {
                leaks.add(r.what() + " shows the access key id");
            }
        }
        assertEquals(List.of(), leaks);
    }
}
