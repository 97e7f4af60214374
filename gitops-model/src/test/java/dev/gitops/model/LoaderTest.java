package dev.gitops.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loader rules that are not error messages: defaults, merge keys, YAML 1.2 scalars, shapes. */
class LoaderTest {
    /** A value of a sealed value's form (a 4096-bit key's length prefix and enough bytes); not decryptable. */
    private static final String SEALED = SealedBlob.placeholder("AgB");

    static Map<String, byte[]> files(String... pathAndContent) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < pathAndContent.length; i += 2) {
            m.put(pathAndContent[i], pathAndContent[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return m;
    }

    static RepoSnapshot load(String... pathAndContent) {
        return RepoLoader.load(FileSource.inMemory(files(pathAndContent)), Provenance.workingTree());
    }

    @Test
    void withoutGitopsYaml_environmentsAreControlCenterSectionsInFileOrder() {
        RepoSnapshot s = load("control-center.yaml", "qa:\n  a: 1\nprod:\n  b: 2\n");
        assertEquals(List.of("qa", "prod"), s.config().environmentNames());
        assertTrue(s.config().environment("qa").orElseThrow().allowMutableRevisions());
        assertTrue(s.config().environment("prod").orElseThrow().prodLike());
        assertEquals("prod", s.config().environment("prod").orElseThrow().branch());
        assertEquals(List.of("qa", "prod"), RepoLoader.loadConfig(FileSource.inMemory(files("control-center.yaml",
                "qa:\n  a: 1\nprod:\n  b: 2\n"))).environmentNames());
    }

    @Test
    void gitopsYaml_sealingCertificate_readAsNormalisedPathPerEnvironment() {
        RepoSnapshot s = load("control-center.yaml", "dev: {}\nprod: {}\n", "gitops.yaml", String.join("\n",
                "environments:",
                "  - name: dev",
                "    sealingCertificate: ./certs/dev.pem",
                "  - name: prod",
                ""));
        assertEquals(Optional.of("certs/dev.pem"), s.config().environment("dev").orElseThrow().sealingCertificate());
        assertEquals(Optional.empty(), s.config().environment("prod").orElseThrow().sealingCertificate());
        StateException e = assertThrows(StateException.class, () -> load("control-center.yaml", "dev: {}\n", "gitops.yaml",
                "environments:\n  - name: dev\n    sealingCertificate: ../outside.pem\n"));
        assertTrue(e.getMessage().contains("not a path inside the repository"), e.getMessage());
    }

    @Test
    void secretsYaml_digestsBesideCiphertexts_accepted() {
        String sealed = SealedBlob.placeholder("AgAdigests");
        RepoSnapshot s = load("control-center.yaml", "dev: {}\n", "secrets.yaml", String.join("\n",
                "dev:",
                "  db:",
                "    encryptedData:",
                "      password: " + sealed,
                "    digests:",
                "      password: hmac-sha256:" + "B".repeat(43) + "=",
                ""));
        assertEquals(Map.of("password", sealed), s.secrets().of("dev").get("db").encryptedData());
    }

    @Test
    void mergeKeys_appliedWithExplicitKeysWinning() {
        RepoSnapshot s = load("control-center.yaml", String.join("\n",
                "x-small: &small {replicas: 1, memory_max: 256Mi, port: 80}",
                "x-web: &web {port: 8080, env: {MODE: web}}",
                "dev:",
                "  svc:",
                "    <<: [*web, *small]",
                "    git_rev: v1",
                "    replicas: 3",
                ""));
        ServiceSpec svc = s.resolve("dev", false).service("svc").orElseThrow().spec();
        assertEquals(Optional.of(3), svc.replicas());
        assertEquals(Optional.of(8080), svc.port());   // the earlier source wins over the later one
        assertEquals("256Mi", svc.memoryMax().orElseThrow().text());
        assertEquals(Map.of("MODE", Value.of("web")), svc.env());
    }

    @Test
    void scalars_yaml12CoreSchema() {
        RepoSnapshot s = load("control-center.yaml", String.join("\n",
                "dev:",
                "  country: no",
                "  enabled: on",
                "  day: 2024-01-01",
                "  hex: 0x10",
                "  octal: 0o17",
                "  exp: 1e3",
                "  yes_bool: true",
                "  nothing: ~",
                "  quoted: \"123\"",
                ""));
        Map<String, Value> p = s.controlCenter().environment("dev").orElseThrow().params();
        assertEquals(Value.of("no"), p.get("country"));
        assertEquals(Value.of("on"), p.get("enabled"));
        assertEquals(Value.of("2024-01-01"), p.get("day"));
        assertEquals(Value.of(16), p.get("hex"));
        assertEquals(Value.of(15), p.get("octal"));
        assertEquals(0, new BigDecimal("1000").compareTo(((Value.Num) p.get("exp")).value()));
        assertEquals(Value.of(true), p.get("yes_bool"));
        assertEquals(Value.NULL, p.get("nothing"));
        assertEquals(Value.of("123"), p.get("quoted"));
    }

    @Test
    void defaults_deepMergedUnderEveryService_serviceWins() {
        RepoSnapshot s = load("control-center.yaml", String.join("\n",
                "defaults:",
                "  replicas: 2",
                "  flags: {a: true, b: false}",
                "  team: platform",
                "dev:",
                "  svc:",
                "    git_rev: v1",
                "    flags: {b: true}",
                "  other:",
                "    git_rev: v2",
                "    replicas: 5",
                ""));
        ServiceSpec svc = s.resolve("dev", false).service("svc").orElseThrow().spec();
        assertEquals(Map.of("a", true, "b", true), svc.flags());
        assertEquals(Optional.of(2), svc.replicas());
        assertEquals(Map.of("team", Value.of("platform")), svc.extra());
        assertEquals(Optional.of(5), s.resolve("dev", false).service("other").orElseThrow().spec().replicas());
        assertEquals("{\"replicas\":2,\"flags\":{\"a\":true,\"b\":false},\"team\":\"platform\"}",
                s.controlCenter().defaults().toJson());
    }

    @Test
    void mappingWithoutServiceKeys_isAParameter() {
        RepoSnapshot s = load("control-center.yaml", "dev:\n  database: {host: db, port: 5432}\n  svc:\n    git_rev: v1\n");
        EnvironmentSection dev = s.controlCenter().environment("dev").orElseThrow();
        assertEquals("{\"host\":\"db\",\"port\":5432}", dev.params().get("database").toJson());
        assertEquals(List.of("svc"), List.copyOf(dev.services().keySet()));
    }

    @Test
    void repositorySchema_appliedAndPassing() {
        RepoSnapshot s = load("gitops.yaml", "serviceSchema: schema.json\n",
                "schema.json", "{\"type\": \"object\", \"required\": [\"team\"]}",
                "control-center.yaml", "dev:\n  svc:\n    git_rev: v1\n    team: a\n");
        assertEquals(Map.of("team", Value.of("a")), s.resolve("dev", false).service("svc").orElseThrow().spec().extra());
        assertTrue(s.digests().containsKey("schema.json"));
    }

    @Test
    void repositorySchema_remoteReference_refused() {
        StateException e = assertThrows(StateException.class, () -> load("gitops.yaml", "serviceSchema: schema.json\n",
                "schema.json", "{\"$ref\": \"https://attacker.example/s.json\"}",
                "control-center.yaml", "dev:\n  svc:\n    git_rev: v1\n"));
        assertEquals("schema.json:1:1: $ref 'https://attacker.example/s.json' at #/$ref leaves the schema; only references"
                + " inside the file (#/...) or to a shipped schema (https://gitops.dev/schema/<name>) are allowed\n"
                + "  hint: see docs/TEMPLATE-API.md, repository schemas", e.getMessage());
    }

    @Test
    void envFile_missing_requiredByDefaultWithHint() {
        RepoSnapshot s = load("control-center.yaml", "dev:\n  svc:\n    git_rev: v1\n");
        StateException e = assertThrows(StateException.class, () -> s.resolve("dev"));
        assertEquals("env-dev.yaml: env-dev.yaml is missing in the working tree\n"
                + "  hint: Terraform outputs live only on the environment's own branch: read it with --ref dev", e.getMessage());
        assertTrue(s.resolve("dev", false).terraform().isEmpty());
    }

    @Test
    void sensitiveOutput_loadedButNeverPrintedNorInTemplates() {
        RepoSnapshot s = load("control-center.yaml", "dev: {}\n",
                "env-dev.yaml", "{\"db_password\": {\"sensitive\": true, \"type\": \"string\", \"value\": \"hunter2\"},"
                        + " \"vpc\": {\"sensitive\": false, \"type\": \"string\", \"value\": \"vpc-1\"}}");
        TerraformOutputs.Output pw = s.terraform().get("dev").outputs().get("db_password");
        assertTrue(pw.sensitive());
        assertFalse(pw.toString().contains("hunter2"));
        State dev = s.resolve("dev");
        assertEquals("{\"vpc\":\"vpc-1\"}", TemplateApi.toValue(dev).fields().get("terraform").toJson());
    }

    @Test
    void emptySectionsAndFiles_areEmpty() {
        RepoSnapshot s = load("control-center.yaml", "dev:\nprod: {}\n", "tags.yaml", "", "secrets.yaml", "# nothing\n",
                "env-dev.yaml", "");
        assertTrue(s.resolve("dev").services().isEmpty());
        assertTrue(s.tags().services().isEmpty());
        assertTrue(s.secrets().environments().isEmpty());
    }

    @Test
    void keysWithSlashesAndTildes_escapedInPointers() {
        RepoSnapshot s = load("control-center.yaml", "dev:\n  \"a/b~c\": 1\n");
        assertEquals("control-center.yaml:2:12",
                s.index().find("control-center.yaml", "/dev/a~1b~0c").orElseThrow().toString());
    }

    @Test
    void hostile_deepBlockNestingAndManyAliases_refusedQuickly() {
        StringBuilder deep = new StringBuilder("dev:\n");
        for (int i = 0; i < 300; i++) {
            deep.append("  ".repeat(i + 1)).append("k:\n");
        }
        StringBuilder aliases = new StringBuilder("x: &x [1]\ndev:\n  l: [");
        for (int i = 0; i < 2000; i++) {
            aliases.append("*x,");
        }
        aliases.append("*x]\n");
        for (String text : List.of(deep.toString(), aliases.toString())) {
            StateException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                    () -> assertThrows(StateException.class, () -> load("control-center.yaml", text)));
            assertTrue(e.getMessage().contains("nesting deeper than 64 levels") || e.getMessage().contains("more than 1000 YAML aliases"),
                    e.getMessage());
        }
    }

    @Test
    void hostile_recursiveAlias_refused() {
        StateException e = assertThrows(StateException.class, () -> load("control-center.yaml", "dev: &a\n  x: *a\n"));
        assertEquals("control-center.yaml:2:6: alias *a refers to a value that contains it (a recursive alias)\n"
                + "  hint: define the anchor before the alias, and never inside the value it names", e.getMessage());
    }

    @Test
    void gitopsYaml_fileNamesTemplatesPolicyAndRequires_read() {
        RepoSnapshot s = load("gitops.yaml", String.join("\n",
                        "files: {controlCenter: state/cc.yaml, tags: state/images.yaml, secrets: state/sealed.yaml,",
                        "        envFile: \"terraform/{env}.json\"}",
                        "templates: {root: jsonnet, entrypoint: jsonnet/main.jsonnet, jpath: [jsonnet/lib, vendor]}",
                        "policy:",
                        "  severities: {image-latest: warning}",
                        "  waivers: [{rule: replicas-min, target: service_a, reason: batch job}]",
                        "requires: \">=0.1 <0.3\"",
                        ""),
                "state/cc.yaml", "dev:\n  service_a:\n    git_rev: v1\n",
                "state/images.yaml", "service_a:\n  v1: registry.example.com/a:1\n",
                "state/sealed.yaml", "dev:\n  db:\n    encryptedData: {password: " + SEALED + "}\n",
                "terraform/dev.json", "{\"vpc_id\": {\"value\": \"vpc-1\", \"type\": \"string\", \"sensitive\": false}}",
                "control-center.yaml", "this file is not read: 1: [");
        GitopsConfig c = s.config();
        assertEquals(new GitopsConfig.FileNames("state/cc.yaml", "state/images.yaml", "state/sealed.yaml", "terraform/{env}.json"),
                c.files());
        assertEquals(new GitopsConfig.TemplateConfig("jsonnet", "jsonnet/main.jsonnet", List.of("jsonnet/lib", "vendor")),
                c.templates());
        assertEquals(Map.of("image-latest", "warning"), c.policy().severities());
        assertEquals(List.of(new GitopsConfig.Waiver("replicas-min", "service_a", "batch job")), c.policy().waivers());
        assertEquals(Optional.of(">=0.1 <0.3"), c.requires());
        State dev = s.resolve("dev");
        assertEquals("registry.example.com/a:1", dev.service("service_a").orElseThrow().imageRef().orElseThrow().reference());
        assertEquals(Value.of("vpc-1"), dev.terraform().get("vpc_id").value());
        assertTrue(dev.sealedSecrets().containsKey("db"));
        assertEquals("state/cc.yaml:3:14", s.index().find("state/cc.yaml", "/dev/service_a/git_rev").orElseThrow().toString());
    }

    @Test
    void gitopsYaml_badFileNames_problemsNotCrashes() {
        StateException e = assertThrows(StateException.class, () -> load("gitops.yaml",
                "files: {controlCenter: ../outside.yaml, envFile: env.yaml}\ntemplates: {jpath: [/etc]}\n",
                "control-center.yaml", "dev: {}\n"));
        assertEquals(String.join("\n",
                "gitops.yaml:1:24: '../outside.yaml' is not a path inside the repository (at /files/controlCenter)",
                "  hint: write a relative path without '..' above the root, e.g. templates/main.jsonnet",
                "gitops.yaml:1:50: 'env.yaml' does not have the expected form (at /files/envFile)",
                "  hint: the Terraform outputs file name, containing {env}, e.g. env-{env}.yaml",
                "gitops.yaml:2:21: '/etc' is not a path inside the repository (at /templates/jpath/0)",
                "  hint: write a relative path without '..' above the root, e.g. templates/main.jsonnet"), e.getMessage());
    }

    @Test
    void gitopsYaml_links_readAndFilledIn() {
        RepoSnapshot s = load("gitops.yaml", String.join("\n",
                        "links:",
                        "  commit: \"https://gitlab.example.com/shop/central/-/commit/{sha}\"",
                        "  pullRequest: \"https://gitlab.example.com/shop/central/-/merge_requests/{number}\"",
                        "  rules: https://docs.example.com/gitops/POLICIES.md",
                        ""),
                "control-center.yaml", "dev: {}\n");
        GitopsConfig.Links l = s.config().links();
        assertEquals(Optional.of("https://gitlab.example.com/shop/central/-/commit/abc123"), l.commitUrl("abc123"));
        assertEquals(Optional.of("https://gitlab.example.com/shop/central/-/merge_requests/42"), l.pullRequestUrl(42));
        assertEquals(Optional.of("https://docs.example.com/gitops/POLICIES.md"), l.rules());
        assertEquals(GitopsConfig.Links.NONE, load("control-center.yaml", "dev: {}\n").config().links());
        assertEquals(Optional.empty(), GitopsConfig.Links.NONE.commitUrl("abc123"));
    }

    @Test
    void gitopsYaml_badLinks_eachAnErrorWithItsForm() {
        StateException e = assertThrows(StateException.class, () -> load("gitops.yaml", String.join("\n",
                        "links:",
                        "  commit: \"javascript:alert(1)//{sha}\"",
                        "  pullRequest: https://github.com/org/repo/pulls",
                        "  rules: \"https://docs.example.com/P.md#x\"",
                        "  issue: https://github.com/org/repo/issues/{number}",
                        ""),
                "control-center.yaml", "dev: {}\n"));
        String m = e.getMessage();
        assertTrue(m.contains("gitops.yaml:2:11: 'javascript:alert(1)//{sha}' does not have the expected form (at /links/commit)\n"
                + "  hint: an absolute http(s) address of a commit page containing {sha}"), m);
        assertTrue(m.contains("gitops.yaml:3:16: 'https://github.com/org/repo/pulls' does not have the expected form (at /links/pullRequest)\n"
                + "  hint: an absolute http(s) address of a pull request page containing {number}"), m);
        assertTrue(m.contains("(at /links/rules)\n  hint: an absolute http(s) address, without #fragment"), m);
        assertTrue(m.contains("issue"), m);
    }

    @Test
    void manyProblems_cappedPerFileAndPerLoad() {
        StringBuilder dup = new StringBuilder("dev:\n");
        for (int i = 0; i < 1000; i++) {
            dup.append("  k: ").append(i).append('\n');
        }
        StateException e = assertThrows(StateException.class, () -> load("control-center.yaml", dup.toString()));
        assertEquals(101, e.problems().size());
        assertEquals("control-center.yaml:102:3: 100 problems in this file; reading stopped here\n"
                + "  hint: fix these first, then load again", e.problems().get(100).format());
        StringBuilder floats = new StringBuilder("dev:\n");
        for (int i = 0; i < 1000; i++) {
            floats.append("  s").append(i).append(": {git_rev: 1.1}\n");
        }
        e = assertThrows(StateException.class, () -> load("control-center.yaml", floats.toString()));
        assertEquals(501, e.problems().size());
        assertEquals("control-center.yaml:2:17: git_rev must be a string, but 1.1 is read as the number 1.1 (at /dev/s0/git_rev)",
                e.problems().get(0).format().lines().findFirst().orElseThrow());
        assertEquals("control-center.yaml: 500 more problems not shown (the first 500 are above)\n"
                + "  hint: fix these first, then load again", e.problems().get(500).format());
    }
}
