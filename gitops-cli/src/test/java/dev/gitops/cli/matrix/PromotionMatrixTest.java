package dev.gitops.cli.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gitops.git.CheckResult;
import dev.gitops.git.PromoteOptions;
import dev.gitops.git.PromotionResult;
import dev.gitops.git.RollbackResult;
import dev.gitops.git.TagResult;
import dev.gitops.git.TerraformImportResult;
import dev.gitops.model.Acknowledgement;
import dev.gitops.model.PromotionGate;
import dev.gitops.model.PromotionVerdict;
import dev.gitops.policy.PromotionPolicy;
import dev.gitops.policy.Rules;
import dev.gitops.render.RenderOptions;
import dev.gitops.render.Renderer;
import dev.gitops.testkit.TempRepo;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The promotion matrix of issue #4 on real Git repositories: every case builds a small central
 * repository (dev, preprod, prod branches), makes the commits that create the situation, and runs
 * {@link dev.gitops.git.CentralRepo#promote} (or {@code check}) with the real policy as the gate.
 *
 * <p>Unsafe promotions must be blocked by exactly the named rules, and nothing may move. Safe
 * promotions must move the target to a merge of target and source, keep the target's
 * env-&lt;env&gt;.yaml files (absence included), and list the services and versions in the merge
 * message.
 */
class PromotionMatrixTest {
    /** One renderer (and so one pool of Jsonnet interpreters) for every case. */
    private static final PromotionGate GATE = new PromotionPolicy(Renderer.create(RenderOptions.DEFAULT));

    private static final Pattern RULE_ID = Pattern.compile("^([a-z0-9-]+/[a-z0-9-]+)");

    /** A named scenario run on its own fresh repository. */
    record Case(String name, Consumer<MatrixRepo> body) {}

    // ---------------------------------------------------------------- the matrix

    @TestFactory
    Stream<DynamicNode> promotionMatrix() {
        return Stream.of(
                DynamicContainer.dynamicContainer("unsafe promotions are blocked", unsafe().stream().map(PromotionMatrixTest::run)),
                DynamicContainer.dynamicContainer("safe promotions pass", safe().stream().map(PromotionMatrixTest::run)),
                DynamicContainer.dynamicContainer("check judges hand-made merges", checks().stream().map(PromotionMatrixTest::run)));
    }

    @Test
    void matrixIsAsLargeAsTheIssueDemands() {
        Set<String> rules = new TreeSet<>();
        for (Case c : unsafe()) {
            Matcher m = Pattern.compile("^([a-z]+/[a-z0-9-]+)").matcher(c.name());
            assertTrue(m.find(), "unsafe case names start with the rule id: " + c.name());
            assertTrue(Rules.find(m.group(1)).isPresent(), "no rule " + m.group(1));
            rules.add(m.group(1));
        }
        assertTrue(unsafe().size() >= 12, "at least 12 unsafe promotions: " + unsafe().size());
        assertTrue(rules.size() >= 12, "at least 12 distinct rules block: " + rules);
        assertTrue(safe().size() >= 8, "at least 8 safe promotions: " + safe().size());
        assertTrue(checks().size() >= 2, "check covers at least two hand-made merges: " + checks().size());
    }

    /** gitops-git itself refuses a promotion that skips an environment; the gate is never asked. */
    @Test
    void devStraightToProdIsRefusedBeforeTheGate() {
        try (MatrixRepo r = MatrixRepo.create()) {
            r.onDev("dev: svc_api v1.1.0", d -> d.set("dev", "svc_api", "git_rev", "v1.1.0"));
            Map<String, String> before = r.tips();
            PromotionGate failIfAsked = c -> {
                throw new AssertionError("the gate must not be asked");
            };
            PromotionResult res = r.promote("dev", "prod", failIfAsked);
            PromotionResult.Refused refused = assertInstanceOf(PromotionResult.Refused.class, res, () -> describe(res));
            assertTrue(refused.reason().contains("prod is not the environment after dev"), refused.reason());
            assertFalse(res.succeeded());
            assertEquals(before, r.tips());
        }
    }

    /**
     * gitops-git reads the environment -> branch mapping from gitops.yaml at HEAD, which is dev here:
     * the branch where every edit lands first. A dev commit that swaps the branches of preprod and
     * prod must not turn {@code promote dev -> preprod} into a merge into the prod branch, even when
     * the user acknowledges the gitops.yaml change (which reads as an ordinary reviewed config edit).
     */
    @Test
    void aGitopsYamlEditedOnDevCannotRedirectAPromotionIntoTheProdBranch() {
        try (MatrixRepo r = MatrixRepo.create()) {
            r.onDev("gitops.yaml: swap branches; prod: svc_api v1.2.0 (never ran anywhere)",
                    d -> d.set("prod", "svc_api", "git_rev", "v1.2.0"),
                    Map.of("gitops.yaml", MatrixRepo.GITOPS_YAML
                            .replace("branch: preprod", "branch: PLACEHOLDER")
                            .replace("branch: prod", "branch: preprod")
                            .replace("branch: PLACEHOLDER", "branch: prod")));
            String prodBefore = r.tip("prod");
            PromotionResult res = r.promote("dev", "preprod", GATE, PromoteOptions.defaults().withAcknowledgements(List.of(
                    Acknowledgement.parse("promotion/config-changed", "reviewed: branch names tidied"))));
            assertEquals(prodBefore, r.tip("prod"), () -> "promote dev -> preprod moved the prod branch: " + describe(res)
                    + "\nprod's control-center.yaml now:\n" + r.file("prod", "control-center.yaml").orElse(""));
            assertFalse(res instanceof PromotionResult.Promoted p && p.branch().equals("prod"), () -> describe(res));
        }
    }

    /**
     * The same root cause without any acknowledgement: HEAD is a {@code main} branch that no
     * promotion touches, and its gitops.yaml maps preprod to the prod branch (stale, or being edited).
     * {@code promote dev -> preprod} must not move prod.
     */
    @Test
    void gitopsYamlAtHeadCannotRedirectAPromotionIntoTheProdBranch() {
        String swapped = MatrixRepo.GITOPS_YAML
                .replace("branch: preprod", "branch: PLACEHOLDER")
                .replace("branch: prod", "branch: preprod")
                .replace("branch: PLACEHOLDER", "branch: prod");
        try (MatrixRepo r = MatrixRepo.create("main", swapped)) {
            r.onDev("prod: svc_api v1.2.0 (never ran anywhere)", d -> d.set("prod", "svc_api", "git_rev", "v1.2.0"));
            String prodBefore = r.tip("prod");
            PromotionResult res = r.promote("dev", "preprod", GATE);
            assertEquals(prodBefore, r.tip("prod"), () -> "promote dev -> preprod moved the prod branch: " + describe(res));
        }
    }

    /**
     * A Terraform import lands on preprod while the gate is judging: the compare-and-swap loses, the
     * promotion merges and judges again on the new tip, and the imported env file survives.
     */
    @Test
    void aTerraformImportRacingThePromotionIsKept() {
        try (MatrixRepo r = MatrixRepo.create()) {
            safeUpgradeOnDev(r);
            String racing = "# Terraform outputs of preprod, imported during the promotion\nvpc_id: vpc-preprod-new\n"
                    + "db_endpoint: preprod-db.cluster-2.eu-west-1.rds.amazonaws.com:5432\n";
            int[] judged = {0};
            String[] importCommit = {null};
            PromotionGate racingGate = c -> {
                if (judged[0]++ == 0) {
                    importCommit[0] = r.git.branch("preprod").commit("tf import: preprod (concurrent)")
                            .add("env-preprod.yaml", racing).create();
                }
                return GATE.judge(c);
            };
            PromotionResult res = r.promote("dev", "preprod", racingGate);
            PromotionResult.Promoted p = assertInstanceOf(PromotionResult.Promoted.class, res, () -> describe(res));
            assertEquals(2, judged[0], "judged again after the lost race");
            assertEquals(p.commit(), r.tip("preprod"));
            assertEquals(List.of(importCommit[0], r.tip("dev")), r.git.log("preprod").get(0).parents());
            assertEquals(Optional.of(racing), r.file("preprod", "env-preprod.yaml"));
        }
    }

    /** A Terraform import on dev alone changes nothing that travels: nothing to promote. */
    @Test
    void aTerraformImportOnDevAloneIsNothingToPromote() {
        try (MatrixRepo r = MatrixRepo.create()) {
            assertInstanceOf(TerraformImportResult.Imported.class, r.importTerraform("dev", Map.of("queue_url", "https://sqs.example.com/q")));
            Map<String, String> before = r.tips();
            PromotionResult res = r.promote("dev", "preprod", GATE);
            assertInstanceOf(PromotionResult.NothingToPromote.class, res, () -> describe(res));
            assertTrue(res.succeeded());
            assertEquals(before, r.tips());
        }
    }

    private static DynamicTest run(Case c) {
        return DynamicTest.dynamicTest(c.name(), () -> {
            try (MatrixRepo r = MatrixRepo.create()) {
                c.body().accept(r);
            }
        });
    }

    static List<Case> unsafe() {
        return List.of(
                new Case("promotion/skipped-stage: preprod section gets an image that never ran in dev", r -> {
                    r.onDev("preprod: svc_api v1.2.0 (dev still runs v1.0.0)", d -> d.set("preprod", "svc_api", "git_rev", "v1.2.0"));
                    blocked(r, "dev", "preprod", PromoteOptions.defaults(), "promotion/skipped-stage[svc_api]");
                }),
                new Case("promotion/skipped-stage (second hop): prod gets an image preprod never ran", r -> {
                    r.onDev("dev: svc_api v1.1.0", d -> d.set("dev", "svc_api", "git_rev", "v1.1.0"));
                    r.onDev("prod: svc_api v1.1.0 straight from dev", d -> d.set("prod", "svc_api", "git_rev", "v1.1.0"));
                    promoted(r, "dev", "preprod", PromoteOptions.defaults(), "No service revision or image changes in the preprod section");
                    blocked(r, "preprod", "prod", PromoteOptions.defaults(), "promotion/skipped-stage[svc_api]");
                }),
                new Case("promotion/skipped-stage: a tag rewritten with --force gives preprod's unchanged revision an image dev never ran", r -> {
                    r.onDev("dev: svc_api v1.1.0", d -> d.set("dev", "svc_api", "git_rev", "v1.1.0"));
                    TagResult t = r.recordTag("svc_api", "v1.0.0", "registry.example.com/shop/svc_api:101@sha256:" + "f6".repeat(32), true);
                    assertInstanceOf(TagResult.Updated.class, t, t::toString);
                    blocked(r, "dev", "preprod", PromoteOptions.defaults(), "promotion/skipped-stage[svc_api]");
                }),
                new Case("promotion/downgrade: preprod goes back from v1.1.0 to v1.0.0", r -> {
                    preprodAt(r, "v1.1.0");
                    r.onDev("preprod: svc_api back to v1.0.0", d -> d.set("preprod", "svc_api", "git_rev", "v1.0.0"));
                    PromotionVerdict v = blocked(r, "dev", "preprod", PromoteOptions.defaults(), "promotion/downgrade[svc_api]");
                    assertTrue(v.blocking().get(0).contains("--allow promotion/downgrade:svc_api"), v.blocking().toString());
                }),
                new Case("promotion/downgrade: acknowledging another service does not cover svc_api", r -> {
                    preprodAt(r, "v1.1.0");
                    r.onDev("preprod: svc_api back to v1.0.0", d -> d.set("preprod", "svc_api", "git_rev", "v1.0.0"));
                    blocked(r, "dev", "preprod", PromoteOptions.defaults().withAcknowledgements(
                            List.of(Acknowledgement.parse("promotion/downgrade:svc_web", "wrong service"))), "promotion/downgrade[svc_api]");
                }),
                new Case("promotion/removed-service: svc_web disappears from preprod", r -> {
                    r.onDev("preprod: drop svc_web", d -> d.remove("preprod", "svc_web"));
                    blocked(r, "dev", "preprod", PromoteOptions.defaults(), "promotion/removed-service[svc_web]");
                }),
                new Case("promotion/fewer-replicas: prod svc_api from 3 to 2 replicas", r -> {
                    r.onDev("prod: svc_api 2 replicas", d -> d.set("prod", "svc_api", "replicas", 2));
                    promoted(r, "dev", "preprod", PromoteOptions.defaults(), "No service revision or image changes");
                    blocked(r, "preprod", "prod", PromoteOptions.defaults(), "promotion/fewer-replicas[svc_api]");
                }),
                new Case("promotion/reapplies-rollback: v1.1.0 was rolled back on preprod and comes back", r -> {
                    rolledBackThenSynced(r);
                    r.onDev("preprod: svc_api v1.1.0 again", d -> d.set("preprod", "svc_api", "git_rev", "v1.1.0"));
                    blocked(r, "dev", "preprod", PromoteOptions.defaults(), "promotion/reapplies-rollback[svc_api]");
                }),
                new Case("promotion/config-changed: the promotion edits gitops.yaml", r -> {
                    r.git.branch("dev").commit("gitops.yaml: let feature branches run everywhere")
                            .add("gitops.yaml", MatrixRepo.GITOPS_YAML.replace("\"main|develop\"", "\"main|develop|feature/.*\""))
                            .create();
                    blocked(r, "dev", "preprod", PromoteOptions.defaults(), "promotion/config-changed");
                }),
                new Case("promotion/wrong-order: dev's gitops.yaml drops preprod, prod's still lists it", r -> {
                    // gitops-git compares HEAD's order with the target's gitops.yaml and refuses before
                    // merging; a hand-made merge of the same change is judged by the gate, by prod's
                    // gitops.yaml before the merge.
                    r.onDev("gitops.yaml: promote dev straight to prod", d -> d.dropSection("preprod"), Map.of(
                            "gitops.yaml", MatrixRepo.GITOPS_YAML.replace("""
                                      - name: preprod
                                        branch: preprod
                                        namespace: shop-preprod
                                    """, ""),
                            "secrets.yaml", MatrixRepo.secrets(Map.of("dev", List.of("api-db"), "prod", List.of("api-db")))));
                    Map<String, String> before = r.tips();
                    PromotionResult res = r.promote("dev", "prod", GATE, PromoteOptions.defaults());
                    PromotionResult.Refused refused = assertInstanceOf(PromotionResult.Refused.class, res, () -> describe(res));
                    assertTrue(refused.reason().contains("orders the environments dev -> preprod -> prod"), refused.reason());
                    assertEquals(before, r.tips(), "a refused promotion moves no branch");
                    checkBlocked(r, "prod", "dev", List.of(), "promotion/wrong-order", "promotion/config-changed",
                            "promotion/env-file-changed[env-dev.yaml]", "promotion/env-file-changed[env-prod.yaml]");
                }),
                new Case("input/unresolved-image: preprod names a revision CI never built", r -> {
                    r.onDev("preprod: svc_api v1.3.0 (not in tags.yaml)", d -> d.set("preprod", "svc_api", "git_rev", "v1.3.0"));
                    blocked(r, "dev", "preprod", PromoteOptions.defaults(), "input/unresolved-image[svc_api]", "manifest/render-failed");
                }),
                new Case("input/missing-secret: preprod refers to a secret sealed for dev only", r -> {
                    r.onDev("svc_api: use api-cache", d -> {
                        for (String env : List.of("dev", "preprod")) {
                            d.set(env, "svc_api", "secrets", List.of(
                                    ControlCenterDoc.map("sealed", "api-db", "env", ControlCenterDoc.map("DB_PASSWORD", "password")),
                                    ControlCenterDoc.map("sealed", "api-cache", "env", ControlCenterDoc.map("CACHE_PASSWORD", "password"))));
                        }
                    }, Map.of("secrets.yaml", MatrixRepo.secrets(Map.of(
                            "dev", List.of("api-db", "api-cache"), "preprod", List.of("api-db"), "prod", List.of("api-db")))));
                    blocked(r, "dev", "preprod", PromoteOptions.defaults(), "input/missing-secret[svc_api]");
                }),
                new Case("manifest/plaintext-secret: a template renders a plain Secret", r -> {
                    r.git.branch("dev").commit("templates: debug credentials")
                            .add("templates/main.jsonnet", """
                                    local gitops = import 'gitops.libsonnet';
                                    function(state) gitops.render(state) + {
                                      debug: {
                                        apiVersion: 'v1',
                                        kind: 'Secret',
                                        metadata: { name: 'debug-credentials' },
                                        stringData: { password: 'not-a-real-password' },
                                      },
                                    }
                                    """)
                            .create();
                    blocked(r, "dev", "preprod", PromoteOptions.defaults(), "manifest/plaintext-secret");
                }),
                new Case("input/memory-range: preprod svc_web memory_min above memory_max", r -> {
                    r.onDev("preprod: svc_web memory_min 512Mi", d -> d.set("preprod", "svc_web", "memory_min", "512Mi"));
                    blocked(r, "dev", "preprod", PromoteOptions.defaults(), "input/memory-range[svc_web]", "manifest/requests-exceed-limits");
                }),
                new Case("input/mutable-revision: preprod follows the main branch", r -> {
                    r.onDev("dev: svc_api follows main", d -> d.set("dev", "svc_api", "git_rev", "main"));
                    r.onDev("preprod: svc_api follows main", d -> d.set("preprod", "svc_api", "git_rev", "main"));
                    blocked(r, "dev", "preprod", PromoteOptions.defaults(), "input/mutable-revision[svc_api]");
                }),
                new Case("input/digest-required: svc_web v2.1.0 (tag only) reaches prod, which requires digests", r -> {
                    r.onDev("dev: svc_web v2.1.0", d -> d.set("dev", "svc_web", "git_rev", "v2.1.0"));
                    r.onDev("preprod: svc_web v2.1.0", d -> d.set("preprod", "svc_web", "git_rev", "v2.1.0"));
                    promoted(r, "dev", "preprod", PromoteOptions.defaults(), "svc_web: v2.0.0 -> v2.1.0");
                    r.onDev("prod: svc_web v2.1.0", d -> d.set("prod", "svc_web", "git_rev", "v2.1.0"));
                    promoted(r, "dev", "preprod", PromoteOptions.defaults(), "No service revision or image changes");
                    blocked(r, "preprod", "prod", PromoteOptions.defaults(), "input/digest-required[svc_web]");
                }),
                new Case("input/cpu-range: preprod svc_web cpu_min above cpu_max", r -> {
                    r.onDev("preprod: svc_web cpu_min 500m", d -> d.set("preprod", "svc_web", "cpu_min", "500m"));
                    blocked(r, "dev", "preprod", PromoteOptions.defaults(), "input/cpu-range[svc_web]", "manifest/requests-exceed-limits");
                }),
                new Case("input/unknown-terraform-output: the IAM role output exists in dev's Terraform only", r -> {
                    assertInstanceOf(TerraformImportResult.Imported.class, r.importTerraform("dev",
                            Map.of("api_role_arn", "arn:aws:iam::123456789012:role/shop-dev-api")));
                    r.onDev("svc_api: IAM role from Terraform", d -> {
                        d.set("dev", "svc_api", "serviceAccount", ControlCenterDoc.map("iamRoleOutput", "api_role_arn"));
                        d.set("preprod", "svc_api", "serviceAccount", ControlCenterDoc.map("iamRoleOutput", "api_role_arn"));
                    });
                    blocked(r, "dev", "preprod", PromoteOptions.defaults(), "input/unknown-terraform-output[svc_api]", "manifest/render-failed");
                }),
                new Case("promotion/removed-object: new templates stop rendering the environment's objects", r -> {
                    r.git.branch("dev").commit("templates: services only")
                            .add("templates/main.jsonnet", "function(state) { services: (import 'gitops.libsonnet').render(state).services }\n")
                            .create();
                    blocked(r, "dev", "preprod", PromoteOptions.defaults(), "promotion/removed-object");
                }),
                new Case("manifest/schema: a template misspells a ConfigMap field", r -> {
                    r.git.branch("dev").commit("templates: extra config")
                            .add("templates/main.jsonnet", """
                                    local gitops = import 'gitops.libsonnet';
                                    function(state) gitops.render(state) + {
                                      extra: {
                                        apiVersion: 'v1',
                                        kind: 'ConfigMap',
                                        metadata: { name: 'extra-config' },
                                        dta: { mode: 'fast' },
                                      },
                                    }
                                    """)
                            .create();
                    blocked(r, "dev", "preprod", PromoteOptions.defaults(), "manifest/schema");
                }),
                new Case("manifest/latest-image: preprod gets svc_web v2.2.0, an image tagged latest", r -> {
                    r.onDev("dev: svc_web v2.2.0", d -> d.set("dev", "svc_web", "git_rev", "v2.2.0"));
                    r.onDev("preprod: svc_web v2.2.0", d -> d.set("preprod", "svc_web", "git_rev", "v2.2.0"));
                    blocked(r, "dev", "preprod", PromoteOptions.defaults(), "manifest/latest-image", "input/mutable-revision[svc_web]");
                }),
                new Case("manifest/prod-replicas: prod svc_web down to one replica", r -> {
                    r.onDev("prod: svc_web 1 replica", d -> d.set("prod", "svc_web", "replicas", 1));
                    promoted(r, "dev", "preprod", PromoteOptions.defaults(), "No service revision or image changes");
                    blocked(r, "preprod", "prod", PromoteOptions.defaults(), "manifest/prod-replicas", "promotion/fewer-replicas",
                            "promotion/removed-object"); // the PodDisruptionBudget exists only from 2 replicas
                }));
    }

    static List<Case> safe() {
        return List.of(
                new Case("upgrade dev -> preprod of an image that ran in dev", r -> {
                    r.onDev("dev: svc_api v1.1.0", d -> d.set("dev", "svc_api", "git_rev", "v1.1.0"));
                    r.onDev("preprod: svc_api v1.1.0", d -> d.set("preprod", "svc_api", "git_rev", "v1.1.0"));
                    promoted(r, "dev", "preprod", PromoteOptions.defaults(), "svc_api: v1.0.0 -> v1.1.0");
                }),
                new Case("upgrade all the way: dev -> preprod -> prod", r -> {
                    preprodAt(r, "v1.1.0");
                    r.onDev("prod: svc_api v1.1.0", d -> d.set("prod", "svc_api", "git_rev", "v1.1.0"));
                    promoted(r, "dev", "preprod", PromoteOptions.defaults(), "No service revision or image changes");
                    promoted(r, "preprod", "prod", PromoteOptions.defaults(), "svc_api: v1.0.0 -> v1.1.0");
                }),
                new Case("acknowledged downgrade passes and the reason is recorded", r -> {
                    preprodAt(r, "v1.1.0");
                    r.onDev("preprod: svc_api back to v1.0.0", d -> d.set("preprod", "svc_api", "git_rev", "v1.0.0"));
                    PromotionResult.Promoted p = promoted(r, "dev", "preprod", PromoteOptions.defaults().withAcknowledgements(List.of(
                                    Acknowledgement.parse("promotion/downgrade:svc_api", "v1.1.0 leaks connections (INC-42)"))),
                            "svc_api: v1.1.0 -> v1.0.0", "Acknowledged:",
                            "promotion/downgrade:svc_api - v1.1.0 leaks connections (INC-42)");
                    assertEquals(List.of("promotion/downgrade"), p.verdict().acknowledged().stream().map(Acknowledgement::rule).toList());
                }),
                new Case("a parameter-only change of preprod", r -> {
                    r.onDev("preprod: log_level warn", d -> d.param("preprod", "log_level", "warn"));
                    promoted(r, "dev", "preprod", PromoteOptions.defaults(), "No service revision or image changes in the preprod section");
                }),
                new Case("a new service that ran in dev first", r -> {
                    r.onDev("dev: svc_jobs v0.1.0", d -> d.set("dev", "svc_jobs", "git_rev", "v0.1.0"));
                    r.onDev("preprod: svc_jobs v0.1.0", d -> d.set("preprod", "svc_jobs", "git_rev", "v0.1.0"));
                    promoted(r, "dev", "preprod", PromoteOptions.defaults(), "svc_jobs: (new) -> v0.1.0");
                }),
                new Case("more replicas in prod", r -> {
                    r.onDev("prod: svc_api 4 replicas", d -> d.set("prod", "svc_api", "replicas", 4));
                    promoted(r, "dev", "preprod", PromoteOptions.defaults(), "No service revision or image changes");
                    promoted(r, "preprod", "prod", PromoteOptions.defaults(), "No service revision or image changes in the prod section");
                }),
                new Case("acknowledged removal of a service", r -> {
                    r.onDev("preprod: drop svc_web", d -> d.remove("preprod", "svc_web"));
                    promoted(r, "dev", "preprod", PromoteOptions.defaults().withAcknowledgements(List.of(
                                    Acknowledgement.parse("promotion/removed-service:svc_web", "svc_web is retired (ADR-7)"),
                                    Acknowledgement.parse("promotion/removed-object", "its objects go with it"))),
                            "svc_web: v2.0.0 -> (removed)", "promotion/removed-service:svc_web - svc_web is retired (ADR-7)");
                    // the service's objects are covered by removed-service: the unused acknowledgement is not recorded
                    assertFalse(r.git.log("preprod").get(0).message().contains("promotion/removed-object"));
                }),
                new Case("acknowledged re-application of a rolled-back revision", r -> {
                    rolledBackThenSynced(r);
                    r.onDev("preprod: svc_api v1.1.0 again (fixed config)", d -> d.set("preprod", "svc_api", "git_rev", "v1.1.0"));
                    promoted(r, "dev", "preprod", PromoteOptions.defaults().withAcknowledgements(List.of(
                                    Acknowledgement.parse("promotion/reapplies-rollback:svc_api", "the cause was the config, fixed in #12"))),
                            "svc_api: v1.0.0 -> v1.1.0", "promotion/reapplies-rollback:svc_api - the cause was the config, fixed in #12");
                }),
                new Case("acknowledged gitops.yaml change", r -> {
                    r.git.branch("dev").commit("gitops.yaml: let feature branches run in dev")
                            .add("gitops.yaml", MatrixRepo.GITOPS_YAML.replace("\"main|develop\"", "\"main|develop|feature/.*\""))
                            .create();
                    promoted(r, "dev", "preprod", PromoteOptions.defaults().withAcknowledgements(List.of(
                                    Acknowledgement.parse("promotion/config-changed", "reviewed by platform team"))),
                            "promotion/config-changed - reviewed by platform team");
                }),
                new Case("Terraform outputs imported on each branch: the IAM role resolves, env files stay per branch", r -> {
                    assertInstanceOf(TerraformImportResult.Imported.class, r.importTerraform("dev",
                            Map.of("api_role_arn", "arn:aws:iam::123456789012:role/shop-dev-api")));
                    assertInstanceOf(TerraformImportResult.Imported.class, r.importTerraform("preprod",
                            Map.of("api_role_arn", "arn:aws:iam::123456789012:role/shop-preprod-api")));
                    r.onDev("svc_api: IAM role from Terraform", d -> {
                        d.set("dev", "svc_api", "serviceAccount", ControlCenterDoc.map("iamRoleOutput", "api_role_arn"));
                        d.set("preprod", "svc_api", "serviceAccount", ControlCenterDoc.map("iamRoleOutput", "api_role_arn"));
                    });
                    promoted(r, "dev", "preprod", PromoteOptions.defaults(), "No service revision or image changes");
                    assertTrue(r.file("preprod", "env-preprod.yaml").orElseThrow().contains("role/shop-preprod-api"));
                    assertEquals(Optional.empty(), r.file("preprod", "env-dev.yaml"));
                }),
                new Case("only the dev section changes: preprod's services stay, the file travels", r -> {
                    r.onDev("dev: svc_web v2.1.0", d -> d.set("dev", "svc_web", "git_rev", "v2.1.0"));
                    promoted(r, "dev", "preprod", PromoteOptions.defaults(), "No service revision or image changes in the preprod section");
                    assertTrue(r.file("preprod", "control-center.yaml").orElseThrow().contains("v2.1.0"));
                }),
                new Case("a stray env-preprod.yaml committed on dev never reaches preprod", r -> {
                    r.onDev("preprod: log_level warn (and a stray copy of env-preprod.yaml)", d -> d.param("preprod", "log_level", "warn"),
                            Map.of("env-preprod.yaml", "vpc_id: vpc-from-a-laptop\n"));
                    promoted(r, "dev", "preprod", PromoteOptions.defaults(), "No service revision or image changes");
                    assertEquals(Optional.of(MatrixRepo.envFile("preprod")), r.file("preprod", "env-preprod.yaml"));
                }),
                new Case("pull-request branch: target stays, the merge goes to a new branch", r -> {
                    r.onDev("dev: svc_api v1.1.0", d -> d.set("dev", "svc_api", "git_rev", "v1.1.0"));
                    r.onDev("preprod: svc_api v1.1.0", d -> d.set("preprod", "svc_api", "git_rev", "v1.1.0"));
                    Map<String, String> before = r.tips();
                    Map<String, Optional<String>> envBefore = r.envFiles("preprod");
                    PromotionResult res = r.promote("dev", "preprod", GATE, PromoteOptions.defaults().withPrBranch("promote/preprod-1"));
                    PromotionResult.Promoted p = assertInstanceOf(PromotionResult.Promoted.class, res, () -> describe(res));
                    assertTrue(p.pullRequestBranch());
                    assertEquals("promote/preprod-1", p.branch());
                    assertEquals(before, withoutBranch(r.tips(), "promote/preprod-1"), "no existing branch moved");
                    assertEquals(p.commit(), r.tip("promote/preprod-1"));
                    assertEquals(envBefore, r.envFiles("promote/preprod-1"));
                    TempRepo.CommitInfo head = r.git.log("promote/preprod-1").get(0);
                    assertEquals(List.of(before.get("preprod"), before.get("dev")), head.parents());
                    assertTrue(head.message().contains("svc_api: v1.0.0 -> v1.1.0"), head.message());
                }),
                new Case("dry run of a safe promotion: allowed, nothing moves", r -> {
                    r.onDev("dev: svc_api v1.1.0", d -> d.set("dev", "svc_api", "git_rev", "v1.1.0"));
                    r.onDev("preprod: svc_api v1.1.0", d -> d.set("preprod", "svc_api", "git_rev", "v1.1.0"));
                    Map<String, String> before = r.tips();
                    PromotionResult res = r.promote("dev", "preprod", GATE, PromoteOptions.defaults().withDryRun(true));
                    PromotionResult.DryRun d = assertInstanceOf(PromotionResult.DryRun.class, res, () -> describe(res));
                    assertTrue(d.verdict().allowed(), d.verdict().report());
                    assertTrue(res.succeeded());
                    assertEquals(before, r.tips());
                    assertEquals(List.of("svc_api: v1.0.0 -> v1.1.0"), d.changes().stream().map(c -> c.describe()).toList());
                }));
    }

    static List<Case> checks() {
        return List.of(
                new Case("promotion/env-file-changed: a hand-made merge brings env-dev.yaml into preprod", r -> {
                    safeUpgradeOnDev(r);
                    handMadeMerge(r, "pr/preprod", Map.of(
                            "control-center.yaml", r.devDoc().yaml(),
                            "env-dev.yaml", r.file("dev", "env-dev.yaml").orElseThrow()));
                    checkBlocked(r, "preprod", "pr/preprod", List.of(), "promotion/env-file-changed[env-dev.yaml]");
                }),
                new Case("promotion/env-file-changed: a hand-made merge edits env-preprod.yaml", r -> {
                    safeUpgradeOnDev(r);
                    handMadeMerge(r, "pr/preprod", Map.of(
                            "control-center.yaml", r.devDoc().yaml(),
                            "env-preprod.yaml", MatrixRepo.envFile("preprod").replace("vpc-preprod", "vpc-hacked")));
                    checkBlocked(r, "preprod", "pr/preprod", List.of(), "promotion/env-file-changed[env-preprod.yaml]");
                }),
                new Case("promotion/env-file-changed: a hand-made merge deletes env-preprod.yaml", r -> {
                    safeUpgradeOnDev(r);
                    r.git.branch("pr/preprod").commit("Merge branch 'dev' into preprod").from("preprod").parent("dev")
                            .add("control-center.yaml", r.devDoc().yaml())
                            .rm("env-preprod.yaml")
                            .create();
                    checkBlocked(r, "preprod", "pr/preprod", List.of(), "promotion/env-file-changed[env-preprod.yaml]");
                }),
                new Case("promotion/skipped-stage: a hand-made pull request to prod", r -> {
                    r.git.branch("pr/prod").commit("prod: svc_api v1.1.0 by hand").from("prod")
                            .add("control-center.yaml", ControlCenterDoc.base().set("prod", "svc_api", "git_rev", "v1.1.0").yaml())
                            .create();
                    checkBlocked(r, "prod", "pr/prod", List.of(), "promotion/skipped-stage[svc_api]");
                }),
                new Case("promotion/reapplies-rollback: dev rewrites the rolled-back line; no conflict, blocked", r -> {
                    preprodAt(r, "v1.1.0");
                    RollbackResult rb = r.rollback("preprod");
                    assertInstanceOf(RollbackResult.RolledBack.class, rb, rb::toString);
                    // dev rewrites the same line: a snapshot promotion cannot conflict with the rollback ...
                    r.onDev("preprod: svc_api v1.1.0, quoted", d -> d.set("preprod", "svc_api", "git_rev", new ControlCenterDoc.Raw("\"v1.1.0\"")));
                    blocked(r, "dev", "preprod", PromoteOptions.defaults(), "promotion/reapplies-rollback[svc_api]");
                    // ... and a pull request made by hand that takes dev's side is judged the same by check.
                    handMadeMerge(r, "pr/preprod", Map.of("control-center.yaml", r.devDoc().yaml()));
                    checkBlocked(r, "preprod", "pr/preprod", List.of(), "promotion/reapplies-rollback[svc_api]");
                }),
                new Case("a hand-made merge done right passes", r -> {
                    safeUpgradeOnDev(r);
                    handMadeMerge(r, "pr/preprod", Map.of("control-center.yaml", r.devDoc().yaml()));
                    CheckResult res = r.check("preprod", "pr/preprod", GATE);
                    assertTrue(res.verdict().allowed(), res.verdict().report());
                    assertEquals("dev", res.from());
                    assertEquals(r.tip("preprod"), res.targetCommit());
                    assertEquals(r.tip("pr/preprod"), res.headCommit());
                    assertEquals(List.of("svc_api: v1.0.0 -> v1.1.0"), res.changes().stream().map(c -> c.describe()).toList());
                }),
                new Case("a hand-made downgrade passes check when acknowledged", r -> {
                    preprodAt(r, "v1.1.0");
                    r.onDev("preprod: svc_api back to v1.0.0", d -> d.set("preprod", "svc_api", "git_rev", "v1.0.0"));
                    handMadeMerge(r, "pr/preprod", Map.of("control-center.yaml", r.devDoc().yaml()));
                    checkBlocked(r, "preprod", "pr/preprod", List.of(), "promotion/downgrade[svc_api]");
                    Acknowledgement ack = Acknowledgement.parse("promotion/downgrade:svc_api", "hotfix rollback");
                    CheckResult ok = r.check("preprod", "pr/preprod", GATE, List.of(ack));
                    assertTrue(ok.verdict().allowed(), ok.verdict().report());
                    assertEquals(List.of(ack), ok.verdict().acknowledged());
                }));
    }

    // ---------------------------------------------------------------- scenarios shared by cases

    /** dev runs svc_api v1.1.0 in its own section, then preprod's section asks for it. */
    private static void safeUpgradeOnDev(MatrixRepo r) {
        r.onDev("dev: svc_api v1.1.0", d -> d.set("dev", "svc_api", "git_rev", "v1.1.0"));
        r.onDev("preprod: svc_api v1.1.0", d -> d.set("preprod", "svc_api", "git_rev", "v1.1.0"));
    }

    /** svc_api runs {@code rev} in dev, then is promoted to preprod. */
    private static void preprodAt(MatrixRepo r, String rev) {
        r.onDev("dev: svc_api " + rev, d -> d.set("dev", "svc_api", "git_rev", rev));
        r.onDev("preprod: svc_api " + rev, d -> d.set("preprod", "svc_api", "git_rev", rev));
        promoted(r, "dev", "preprod", PromoteOptions.defaults(), "svc_api: v1.0.0 -> " + rev);
    }

    /**
     * preprod gets v1.1.0, preprod is rolled back (trailer {@code Rolled-Back: svc_api v1.1.0}),
     * dev accepts the rollback in preprod's section and that is promoted: the next change of the
     * line on dev merges cleanly.
     */
    private static void rolledBackThenSynced(MatrixRepo r) {
        preprodAt(r, "v1.1.0");
        String devTip = r.tip("dev");
        RollbackResult rb = r.rollback("preprod");
        RollbackResult.RolledBack rolled = assertInstanceOf(RollbackResult.RolledBack.class, rb, rb::toString);
        assertEquals(List.of("svc_api v1.1.0"), rolled.services().stream()
                .map(s -> s.service() + " " + s.revision()).toList(), "rollback trailers");
        assertEquals(devTip, r.tip("dev"), "a rollback never touches another branch");
        assertTrue(r.file("preprod", "control-center.yaml").orElseThrow().contains("v1.0.0"));
        r.onDev("preprod: accept the rollback of svc_api; note it", d -> {
            d.set("preprod", "svc_api", "git_rev", "v1.0.0");
            d.param("preprod", "rollback_note", "svc_api v1.1.0 rolled back");
        });
        promoted(r, "dev", "preprod", PromoteOptions.defaults(), "No service revision or image changes");
    }

    /** A merge commit on a new branch {@code name}: preprod's tree with {@code files}, parents (target tip, dev tip). */
    private static void handMadeMerge(MatrixRepo r, String name, Map<String, String> files) {
        String target = name.substring(name.indexOf('/') + 1);
        TempRepo.CommitBuilder b = r.git.branch(name).commit("Merge branch 'dev' into " + target).from(target).parent("dev");
        files.forEach(b::add);
        b.create();
    }

    // ---------------------------------------------------------------- assertions

    /** Promotes and asserts it was blocked by exactly {@code rules}, with no branch moved. */
    private static PromotionVerdict blocked(MatrixRepo r, String from, String to, PromoteOptions o, String... rules) {
        Map<String, String> before = r.tips();
        PromotionResult res = r.promote(from, to, GATE, o);
        PromotionResult.Blocked b = assertInstanceOf(PromotionResult.Blocked.class, res, () -> describe(res));
        assertFalse(res.succeeded());
        assertEquals(before, r.tips(), "a blocked promotion moves no branch");
        assertRules(b.verdict(), rules);
        return b.verdict();
    }

    private static void checkBlocked(MatrixRepo r, String to, String head, List<Acknowledgement> acks, String... rules) {
        Map<String, String> before = r.tips();
        CheckResult res = r.check(to, head, GATE, acks);
        assertEquals(before, r.tips(), "check moves nothing");
        assertEquals(r.tip(to), res.targetCommit());
        assertEquals(r.tip(head), res.headCommit());
        assertRules(res.verdict(), rules);
    }

    /**
     * Asserts the verdict is blocked by exactly these rules. A rule written {@code rule[subject]}
     * must also block with that subject (the service, file or object the finding is about).
     */
    private static void assertRules(PromotionVerdict v, String... rules) {
        assertFalse(v.allowed(), v.report());
        Set<String> got = new TreeSet<>();
        for (String line : v.blocking()) {
            Matcher m = RULE_ID.matcher(line);
            assertTrue(m.find(), "a blocking line starts with its rule id: " + line);
            got.add(m.group(1));
        }
        Set<String> want = new TreeSet<>();
        for (String rule : rules) {
            int bracket = rule.indexOf('[');
            String id = bracket < 0 ? rule : rule.substring(0, bracket);
            want.add(id);
            if (bracket >= 0) {
                String prefix = id + " " + rule.substring(bracket);
                assertTrue(v.blocking().stream().anyMatch(l -> l.startsWith(prefix)),
                        () -> "no blocking line starts with '" + prefix + "':\n" + String.join("\n", v.blocking()));
            }
            assertTrue(v.report().contains(id), () -> "the report names " + id + ":\n" + v.report());
        }
        assertEquals(want, got, () -> "blocking rules\n" + String.join("\n", v.blocking())
                + "\n--- report\n" + v.report());
    }

    /**
     * Promotes and asserts the target moved to a merge of (target, source), the target's env files are
     * kept, other branches did not move, and the message contains every {@code messageParts}.
     */
    private static PromotionResult.Promoted promoted(MatrixRepo r, String from, String to, PromoteOptions o,
                                                     String... messageParts) {
        Map<String, String> before = r.tips();
        Map<String, Optional<String>> envBefore = r.envFiles(to);
        PromotionResult res = r.promote(from, to, GATE, o);
        PromotionResult.Promoted p = assertInstanceOf(PromotionResult.Promoted.class, res, () -> describe(res));
        assertTrue(res.succeeded());
        assertEquals(to, p.branch());
        assertFalse(p.pullRequestBranch());
        assertTrue(p.verdict().allowed());
        Map<String, String> after = r.tips();
        assertEquals(p.commit(), after.get(to), "the target moved to the merge commit");
        Map<String, String> others = new java.util.TreeMap<>(after);
        others.remove(to);
        assertEquals(withoutBranch(before, to), others, "no other branch moved");
        assertEquals(envBefore, r.envFiles(to), "the target's env files are kept (absence included)");
        TempRepo.CommitInfo merge = r.git.log(to).get(0);
        assertEquals(List.of(before.get(to), before.get(from)), merge.parents(), "a merge of target and source");
        assertTrue(merge.message().startsWith("promote " + from + " -> " + to + "\n"), merge.message());
        assertTrue(merge.message().contains("Promoted-From: " + from + " " + before.get(from)), merge.message());
        for (String part : messageParts) {
            assertTrue(merge.message().contains(part), () -> "merge message lacks '" + part + "':\n" + merge.message());
        }
        return p;
    }

    private static Map<String, String> withoutBranch(Map<String, String> tips, String branch) {
        Map<String, String> m = new java.util.TreeMap<>(tips);
        m.remove(branch);
        return m;
    }

    private static String describe(Object result) {
        if (result instanceof PromotionResult.Blocked b) {
            return "Blocked:\n" + String.join("\n", b.verdict().blocking()) + "\n" + b.verdict().report();
        }
        if (result instanceof PromotionResult.DryRun d) {
            return "DryRun:\n" + String.join("\n", d.verdict().blocking()) + "\n" + d.verdict().report();
        }
        if (result instanceof PromotionResult.Promoted p) {
            return "Promoted " + p.branch() + " " + p.changes();
        }
        return String.valueOf(result);
    }
}
