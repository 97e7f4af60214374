package dev.gitops.policy;

import dev.gitops.model.GitopsConfig;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.SealedSecretSpec;
import dev.gitops.model.ServiceSpec;
import dev.gitops.model.State;
import dev.gitops.model.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static dev.gitops.policy.TestObjects.deployment;
import static dev.gitops.policy.TestObjects.goodDeployment;
import static dev.gitops.policy.TestObjects.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For every registered rule: one input that triggers it and one close to it that does not. The
 * table is checked to cover {@link Rules#all()}.
 */
class RuleCasesTest {

    /** One rule, a triggering input and a clean one; each supplier returns all findings of a full run. */
    record Case(String rule, String what, Supplier<List<Finding>> bad, Supplier<List<Finding>> good) {
        @Override
        public String toString() {
            return rule + ": " + what;
        }
    }

    /** dev, preprod, prod; svc_a production-ready at v1.0.1 everywhere: no findings at all. */
    static TestRepo clean() {
        return TestRepo.standard().serviceEverywhere("svc_a", "v1.0.1", TestRepo.Svc::prodReady).tagged("svc_a", "v1.0.1");
    }

    static List<Finding> validate(TestRepo repo) {
        return validate(repo, new FakeRender());
    }

    static List<Finding> validate(TestRepo repo, FakeRender render) {
        RepoSnapshot s = repo.build();
        return Policy.validate(s, List.of(), render).findings();
    }

    static List<Finding> validate(Consumer<TestRepo> change) {
        TestRepo r = clean();
        change.accept(r);
        return validate(r);
    }

    /** The clean repository with one extra rendered object (dev, or prod for prod rules). */
    static List<Finding> withObject(String json) {
        return validate(clean(), new FakeRender().plus(object(json)));
    }

    static List<Finding> promote(Consumer<Promo> setup) {
        Promo p = Promo.standard();
        setup.accept(p);
        return p.evaluate().findings();
    }

    /** The findings a Terraform import introduces into prod: svc_a's IAM role output exists before, {@code after} sets the outputs. */
    static List<Finding> tfImport(Consumer<TestRepo> after) {
        TestRepo before = clean().service("prod", "svc_a", "v1.0.1", s -> s.prodReady().iamRole("svc_a_role_arn"))
                .output("prod", "svc_a_role_arn", Value.of("arn:aws:iam::1:role/a"), false);
        TestRepo imported = clean().service("prod", "svc_a", "v1.0.1", s -> s.prodReady().iamRole("svc_a_role_arn"));
        after.accept(imported);
        return TerraformImportPolicy.judge(before.build(), imported.build(), "prod", new FakeRender(), List.of()).introduced();
    }

    /** kubeseal's layout with an RSA ciphertext of {@code rsaBytes} (the key size in bytes). */
    static String sealedWithKeyBytes(int rsaBytes) {
        byte[] b = new byte[2 + rsaBytes + 32];
        b[0] = (byte) (rsaBytes >> 8);
        b[1] = (byte) rsaBytes;
        return java.util.Base64.getEncoder().encodeToString(b);
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // ---- inputs
        c.add(new Case("input/unresolved-image", "git_rev without tags.yaml entry",
                () -> validate(r -> r.service("prod", "svc_a", "v1.0.2", TestRepo.Svc::prodReady)),
                () -> validate(r -> r.service("prod", "svc_a", "v1.0.2", TestRepo.Svc::prodReady).tagged("svc_a", "v1.0.2"))));
        c.add(new Case("input/missing-secret", "sealed secret only in another environment",
                () -> validate(r -> r.service("prod", "svc_a", "v1.0.1", s -> s.prodReady().sealedSecret("db")).sealed("dev", "db")),
                () -> validate(r -> r.service("prod", "svc_a", "v1.0.1", s -> s.prodReady().sealedSecret("db")).sealed("prod", "db"))));
        c.add(new Case("input/memory-range", "4Gi above 2Gi; 1Gi equals 1024Mi",
                () -> validate(r -> r.service("dev", "svc_a", "v1.0.1", s -> s.memory("4Gi", "2Gi"))),
                () -> validate(r -> r.service("dev", "svc_a", "v1.0.1", s -> s.memory("1Gi", "1024Mi")))));
        c.add(new Case("input/cpu-range", "1 above 500m; 500m equals 0.5",
                () -> validate(r -> r.service("dev", "svc_a", "v1.0.1", s -> s.cpu("1", "500m"))),
                () -> validate(r -> r.service("dev", "svc_a", "v1.0.1", s -> s.cpu("500m", "0.5")))));
        c.add(new Case("input/memory-millis", "512m of memory",
                () -> validate(r -> r.service("dev", "svc_a", "v1.0.1", s -> s.memory("512m", "1Gi"))),
                () -> validate(r -> r.service("dev", "svc_a", "v1.0.1", s -> s.memory("512Mi", "1Gi")))));
        c.add(new Case("input/sealed-value", "sealed for a 4096-bit key where prod's certificate has a 2048-bit key",
                () -> validate(r -> SecretRulesTest.withCertificate(r, "prod", 2048).sealed("prod", "db", SealedSecretSpec.Scope.STRICT,
                        Optional.empty(), Map.of("password", sealedWithKeyBytes(512)))),
                () -> validate(r -> SecretRulesTest.withCertificate(r, "prod", 2048).sealed("prod", "db", SealedSecretSpec.Scope.STRICT,
                        Optional.empty(), Map.of("password", sealedWithKeyBytes(256))))));
        c.add(new Case("input/sealed-secret-namespace", "strict scope for another namespace; cluster-wide anywhere",
                () -> validate(r -> r.env("prod", e -> TestRepo.namespace(e, "shop-prod"))
                        .sealed("prod", "db", SealedSecretSpec.Scope.STRICT, Optional.of("shop-dev"), Map.of())),
                () -> validate(r -> r.env("prod", e -> TestRepo.namespace(e, "shop-prod"))
                        .sealed("prod", "db", SealedSecretSpec.Scope.CLUSTER_WIDE, Optional.of("shop-dev"), Map.of())
                        .sealed("prod", "api", SealedSecretSpec.Scope.NAMESPACE_WIDE, Optional.of("shop-prod"), Map.of()))));
        c.add(new Case("input/missing-secret-key", "env maps a key the sealed secret lacks",
                () -> validate(r -> r.service("prod", "svc_a", "v1.0.1", s -> s.prodReady()
                        .secret(new ServiceSpec.SealedRef("db", Map.of("DB_PASSWORD", "pasword")))).sealed("prod", "db")),
                () -> validate(r -> r.service("prod", "svc_a", "v1.0.1", s -> s.prodReady()
                        .secret(new ServiceSpec.SealedRef("db", Map.of("DB_PASSWORD", "password")))
                        .secret(new ServiceSpec.ExternalRef("api", "vault", "SecretStore", "k", Optional.of("token"),
                                Optional.empty(), Map.of("API_TOKEN", "token")))).sealed("prod", "db"))));
        c.add(new Case("input/plaintext-credential", "DB_PASSWORD in a service's env",
                () -> validate(r -> r.service("prod", "svc_a", "v1.0.1", s -> s.prodReady().env("DB_PASSWORD", "hunter2"))),
                () -> validate(r -> r.service("prod", "svc_a", "v1.0.1", s -> s.prodReady().env("DB_HOST", "db.internal")))));
        c.add(new Case("input/sensitive-output", "sensitive output committed",
                () -> validate(r -> r.output("prod", "db_password", Value.of("hunter2"), true)),
                () -> validate(r -> r.output("prod", "db_host", Value.of("db.internal"), false))));
        c.add(new Case("input/image-repository-drift", "services1 beside service1",
                () -> validate(r -> r.tag("svc_a", "v1.0.2", "svcs_a:7")),
                () -> validate(r -> r.tag("svc_a", "v1.0.2", "svc_a:7"))));
        c.add(new Case("input/mutable-revision", "branch revision in preprod; allowed in dev",
                () -> validate(r -> r.service("preprod", "svc_a", "main", TestRepo.Svc::prodReady).tag("svc_a", "main", "svc_a:99")),
                () -> validate(r -> r.service("dev", "svc_a", "main", TestRepo.Svc::prodReady).tag("svc_a", "main", "svc_a:99"))));
        c.add(new Case("input/digest-required", "tag where digests are required",
                () -> validate(r -> r.env("prod", e -> TestRepo.digests(e, true))),
                () -> validate(r -> r.env("prod", e -> TestRepo.digests(e, true))
                        .tag("svc_a", "v1.0.1", "svc_a:1@sha256:" + "ab".repeat(32)))));
        c.add(new Case("input/unknown-terraform-output", "iamRoleOutput names a missing output",
                () -> validate(r -> r.service("prod", "svc_a", "v1.0.1", s -> s.prodReady().iamRole("svc_a_role_arn"))
                        .output("prod", "svc_a_role", Value.of("arn:aws:iam::1:role/a"), false)),
                () -> validate(r -> r.service("prod", "svc_a", "v1.0.1", s -> s.prodReady().iamRole("svc_a_role_arn"))
                        .output("prod", "svc_a_role_arn", Value.of("arn:aws:iam::1:role/a"), false))));
        c.add(new Case("input/environment-unresolved", "env-prod.yaml missing; not needed when prod is not checked",
                () -> validate(r -> r.noEnvFile("prod")),
                () -> Policy.validate(clean().noEnvFile("prod").build(), List.of("dev", "preprod"), new FakeRender()).findings()));
        // ---- manifests
        c.add(new Case("manifest/render-failed", "template error",
                () -> validate(clean(), new FakeRender().failing()),
                () -> validate(clean(), new FakeRender())));
        c.add(new Case("manifest/invalid-name", "upper case and '_' in a ConfigMap name",
                () -> withObject("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'App_Config','namespace':'dev'}}"),
                () -> withObject("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'app.config-1','namespace':'dev'}}")));
        c.add(new Case("manifest/invalid-label", "'+' in a label value",
                () -> withObject("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','namespace':'dev','labels':{'app.kubernetes.io/version':'1.4.2+build.7'}}}"),
                () -> withObject("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','namespace':'dev','labels':{'app.kubernetes.io/version':'1.4.2_build.7'}}}")));
        c.add(new Case("manifest/duplicate", "the same ConfigMap twice",
                () -> validate(clean(), new FakeRender()
                        .plus(object("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','namespace':'dev'}}"))
                        .plus(object("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','namespace':'dev'}}"))),
                () -> validate(clean(), new FakeRender()
                        .plus(object("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','namespace':'dev'}}"))
                        .plus(object("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','namespace':'qa'}}")))));
        c.add(new Case("manifest/schema", "replicas as a string",
                () -> withObject(goodDeployment("extra", "dev").replace("'replicas':2", "'replicas':'2'")),
                () -> withObject(goodDeployment("extra", "dev"))));
        c.add(new Case("manifest/plaintext-secret", "Secret with data",
                () -> withObject("{'apiVersion':'v1','kind':'Secret','metadata':{'name':'db','namespace':'dev'},'data':{'password':'aHVudGVyMg=='}}"),
                () -> withObject("{'apiVersion':'bitnami.com/v1alpha1','kind':'SealedSecret','metadata':{'name':'db','namespace':'dev'},'spec':{'encryptedData':{'password':'AgBy3i4O=='}}}")));
        c.add(new Case("manifest/requests-exceed-limits", "cpu request 2 above limit 1",
                () -> withObject(deployment("extra", "dev", 2, "r/x:1", "{'requests':{'cpu':'2'},'limits':{'cpu':'1'}}")),
                () -> withObject(deployment("extra", "dev", 2, "r/x:1", "{'requests':{'cpu':'1000m'},'limits':{'cpu':'1'}}"))));
        c.add(new Case("manifest/invalid-quantity", "1gi",
                () -> withObject(deployment("extra", "dev", 2, "r/x:1", "{'limits':{'memory':'1gi'}}")),
                () -> withObject(deployment("extra", "dev", 2, "r/x:1", "{'limits':{'memory':'1Gi'}}"))));
        c.add(new Case("manifest/prod-replicas", "one replica in prod; one in dev is fine",
                () -> validate(r -> r.service("prod", "svc_a", "v1.0.1", s -> s.prodReady().replicas(1))),
                () -> validate(r -> r.service("dev", "svc_a", "v1.0.1", s -> s.prodReady().replicas(1)))));
        c.add(new Case("manifest/prod-limits", "no limits in prod; none in dev is fine",
                () -> validate(r -> r.service("prod", "svc_a", "v1.0.1", s -> s.replicas(2))),
                () -> validate(r -> r.service("dev", "svc_a", "v1.0.1", s -> s.replicas(2)))));
        c.add(new Case("manifest/latest-image", "image:latest",
                () -> withObject(deployment("extra", "dev", 2, "r/x:latest", null)),
                () -> withObject(deployment("extra", "dev", 2, "r/x:1.2", null))));
        c.add(new Case("manifest/missing-image", "container without image",
                () -> withObject(deployment("extra", "dev", 2, null, null)),
                () -> withObject(deployment("extra", "dev", 2, "r/x@sha256:" + "ab".repeat(32), null))));
        // ---- promotion
        c.add(new Case("promotion/wrong-order", "dev -> prod",
                () -> promote(p -> p.direction("dev", "prod")),
                () -> promote(p -> p.direction("dev", "preprod"))));
        c.add(new Case("promotion/skipped-stage", "prod gets v1.0.2 that preprod never ran",
                () -> promote(p -> p.after(r -> r.service("prod", "svc_a", "v1.0.2", TestRepo.Svc::prodReady))),
                () -> promote(p -> p.promote("svc_a", "v1.0.2"))));
        c.add(new Case("promotion/env-file-changed", "merge changes env-prod.yaml",
                () -> promote(p -> p.after(r -> r.digest("env-prod.yaml", "other"))),
                () -> promote(p -> p.after(r -> r.digest("env-preprod.yaml", "other")).before(r -> r.digest("env-preprod.yaml", "other")))));
        c.add(new Case("promotion/config-changed", "gitops.yaml edited",
                () -> promote(p -> p.after(r -> r.gitopsYamlDigest("g2"))),
                () -> promote(p -> p.after(r -> r.gitopsYamlDigest("g1")).before(r -> r.gitopsYamlDigest("g1")))));
        c.add(new Case("promotion/downgrade", "v1.0.10 -> v1.0.2 (numeric order)",
                () -> promote(p -> p.before(r -> r.service("prod", "svc_a", "v1.0.10", TestRepo.Svc::prodReady)).promote("svc_a", "v1.0.2")),
                () -> promote(p -> p.before(r -> r.service("prod", "svc_a", "v1.0.2", TestRepo.Svc::prodReady)).promote("svc_a", "v1.0.10"))));
        c.add(new Case("promotion/reapplies-rollback", "v1.0.2 was rolled back on prod",
                () -> promote(p -> p.promote("svc_a", "v1.0.2").rolledBack("svc_a", "v1.0.2")),
                () -> promote(p -> p.promote("svc_a", "v1.0.3").rolledBack("svc_a", "v1.0.2"))));
        c.add(new Case("promotion/reverts-target-change", "an emergency fix on prod that preprod lacks",
                () -> promote(p -> p.targetChange(dev.gitops.model.TargetChange.Kind.DIRECT, "control-center.yaml: prod.svc_a")),
                () -> promote(p -> p.targetChange(dev.gitops.model.TargetChange.Kind.DIRECT))));
        c.add(new Case("promotion/removed-service", "svc_b leaves prod",
                () -> promote(p -> p.after(r -> r.removeService("prod", "svc_b"))),
                () -> promote(p -> p.after(r -> r.removeService("dev", "svc_b")))));
        c.add(new Case("promotion/removed-object", "a ConfigMap disappears",
                () -> promote(p -> p.render.plusFor("before", object("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'shared','namespace':'prod'}}"))),
                () -> promote(p -> p.render.plusFor("after", object("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'shared','namespace':'prod'}}")))));
        c.add(new Case("promotion/fewer-replicas", "3 -> 2 replicas in prod",
                () -> promote(p -> p.before(r -> r.service("prod", "svc_a", "v1.0.1", s -> s.prodReady().replicas(3)))),
                () -> promote(p -> p.before(r -> r.service("prod", "svc_a", "v1.0.1", s -> s.prodReady().replicas(2)))
                        .after(r -> r.service("prod", "svc_a", "v1.0.1", s -> s.prodReady().replicas(3))))));
        // ---- Terraform import: the same repository before and after a new env-prod.yaml
        c.add(new Case("terraform/removed-output", "the output svc_a's IAM role uses is gone after the import",
                () -> tfImport(r -> r.output("prod", "other", Value.of("x"), false)),
                () -> tfImport(r -> r.output("prod", "svc_a_role_arn", Value.of("arn:aws:iam::1:role/a"), false))));
        c.add(new Case("terraform/breaks-environment", "the import commits a sensitive output",
                () -> tfImport(r -> r.output("prod", "svc_a_role_arn", Value.of("arn:aws:iam::1:role/a"), false)
                        .output("prod", "db_password", Value.of("s3cret"), true)),
                () -> tfImport(r -> r.output("prod", "svc_a_role_arn", Value.of("arn:aws:iam::1:role/a"), false)
                        .output("prod", "db_host", Value.of("db"), false))));
        // ---- gitops.yaml
        c.add(new Case("config/unknown-rule", "a misspelt rule id",
                () -> validate(r -> r.severities(Map.of("input/unresolved-imag", "off"))),
                () -> validate(r -> r.severities(Map.of("input/unresolved-image", "warning")))));
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule_triggers_onBadInput(Case c) {
        List<Finding> findings = c.bad().get();
        assertTrue(findings.stream().anyMatch(f -> f.ruleId().equals(c.rule())),
                c.rule() + " not reported; got " + findings.stream().map(f -> f.ruleId() + ": " + f.message()).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule_isSilent_onCleanInput(Case c) {
        List<Finding> findings = c.good().get();
        assertFalse(findings.stream().anyMatch(f -> f.ruleId().equals(c.rule())),
                c.rule() + " reported on clean input: " + findings.stream().filter(f -> f.ruleId().equals(c.rule())).map(Finding::message).toList());
    }

    @Test
    void cleanRepository_hasNoFindingsAtAll() {
        assertEquals(List.of(), validate(clean()));
    }

    @Test
    void table_coversEveryRegisteredRule() {
        Set<String> covered = cases().stream().map(Case::rule).collect(Collectors.toCollection(TreeSet::new));
        // rollback/reverts-rollback is decided by gitops-git from commit trailers (RollbackSafetyTest there).
        Set<String> registered = Rules.all().stream().filter(r -> r.family() != Rule.Family.ROLLBACK).map(Rule::id)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(registered, covered);
    }

    @Test
    void waiver_keepsFindingButItNoLongerCounts() {
        List<Finding> f = validate(r -> r.service("prod", "svc_a", "v1.0.1", s -> s.prodReady().replicas(1))
                .waivers(new GitopsConfig.Waiver("manifest/prod-replicas", "svc_a", "singleton by design (leader lock)")));
        Finding w = f.stream().filter(x -> x.ruleId().equals("manifest/prod-replicas")).findFirst().orElseThrow();
        assertTrue(w.isWaived());
        assertEquals("singleton by design (leader lock)", w.waiver().orElseThrow().reason());
        assertFalse(new Report(List.of("prod"), f).hasErrors());
    }

    @Test
    void check_overAKeptRender_givesTheFindingsValidateGivesForThatEnvironment() {
        RepoSnapshot s = clean().service("prod", "svc_a", "v1.0.1", x -> x.prodReady().replicas(1))
                .waivers(new GitopsConfig.Waiver("manifest/prod-replicas", "svc_a", "singleton by design (leader lock)")).build();
        FakeRender render = new FakeRender().plus(object(
                "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'App_Config','namespace':'prod'}}"));
        State prod = s.resolve("prod");
        List<Finding> kept = Policy.check(s, prod, render.render(s, prod));
        assertEquals(Policy.validate(s, List.of("prod"), render).findings(), kept);
        assertTrue(kept.stream().anyMatch(f -> f.ruleId().equals("manifest/invalid-name")), kept.toString());
        assertTrue(kept.stream().anyMatch(f -> f.ruleId().equals("manifest/prod-replicas") && f.isWaived()), kept.toString());
    }
}
