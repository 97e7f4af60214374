package dev.gitops.policy;

import dev.gitops.model.Acknowledgement;
import dev.gitops.model.ImageRef;
import dev.gitops.model.PromotionCandidate;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.ResolvedService;
import dev.gitops.model.RevisionHistory;
import dev.gitops.model.RollbackRecord;
import dev.gitops.model.StateException;
import dev.gitops.render.RenderOptions;
import dev.gitops.render.Renderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The promotion matrix over in-memory snapshots: real YAML through {@code RepoLoader}, the real
 * renderer with the built-in templates, and the promotion gate. Each row is a promotion the way
 * gitops-git computes it: A's branch tip (with the edit under test), B's branch before, the merge
 * (A's files, B's env-*.yaml kept; or, for a pull request made outside the tool, whatever the
 * merge result is), A's first-parent history of its own section, and B's rollbacks. Unsafe rows
 * must be refused, with the expected rule among the reasons; safe rows must be allowed.
 * (gitops-cli's tests run the same kind of matrix on real Git repositories.)
 */
class PromotionMatrixTest {
    private static final PromotionPolicy GATE = new PromotionPolicy(Renderer.create(RenderOptions.DEFAULT));

    /** One promotion A -> B. */
    static final class Row {
        final String name;
        String from = "preprod";
        String to = "prod";
        Branch source;
        Branch target;
        Consumer<Branch> afterEdit = b -> { };
        final List<Branch> earlierSourceCommits = new ArrayList<>();
        final List<RollbackRecord> rollbacks = new ArrayList<>();
        final List<Acknowledgement> acks = new ArrayList<>();

        Row(String name) {
            this.name = name;
            this.target = Branch.shop("prod");
            this.source = Branch.shop("preprod");
        }

        /** An edit on A's branch (made on dev and promoted to A earlier). */
        Row source(Consumer<Branch> edit) {
            edit.accept(source);
            return this;
        }

        /** A's branch as it was at an earlier commit, then edited: its own section then ran too. */
        Row sourceEarlier(Consumer<Branch> edit) {
            Branch earlier = Branch.shop(from);
            edit.accept(earlier);
            earlierSourceCommits.add(earlier);
            return this;
        }

        Row target(Consumer<Branch> edit) {
            edit.accept(target);
            return this;
        }

        /** A change of the merge result beyond what gitops-git would produce (a hand-made pull request). */
        Row mergeResult(Consumer<Branch> edit) {
            afterEdit = afterEdit.andThen(edit);
            return this;
        }

        /** Another pair of environments; call first, it starts from fresh branches. */
        Row direction(String f, String t) {
            from = f;
            to = t;
            source = Branch.shop(f);
            target = Branch.shop(t);
            return this;
        }

        Row rolledBack(String service, String revision) {
            rollbacks.add(new RollbackRecord(to, service, revision, "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567"));
            return this;
        }

        Row allow(String spec, String reason) {
            acks.add(Acknowledgement.parse(spec, reason));
            return this;
        }

        PromotionCandidate candidate() {
            RepoSnapshot before = target.snapshot(to + " before");
            Branch merged = target.mergedFrom(source);
            afterEdit.accept(merged);
            RepoSnapshot after = merged.snapshot("merge");
            RepoSnapshot tip = source.snapshot("source tip");
            List<RepoSnapshot> history = new ArrayList<>();
            history.add(tip);
            for (Branch b : earlierSourceCommits) {
                history.add(b.snapshot("source earlier"));
            }
            history.add(Branch.shop(from).snapshot("source base"));
            return new PromotionCandidate(from, to, before, after, tip, ran(from, history), rollbacks, acks);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** What ran in {@code env}'s own section on these commits: the history gitops-git would read. */
    static RevisionHistory ran(String env, List<RepoSnapshot> commits) {
        Map<String, Set<ImageRef>> images = new LinkedHashMap<>();
        for (RepoSnapshot s : commits) {
            try {
                for (ResolvedService rs : s.resolve(env, false).services().values()) {
                    rs.imageRef().ifPresent(i -> images.computeIfAbsent(rs.name(), k -> new LinkedHashSet<>()).add(i));
                }
            } catch (StateException e) {
                // the section does not resolve on that commit: nothing ran there
            }
        }
        return new RevisionHistory(env, images, commits.size());
    }

    record Unsafe(Row row, String rule) {
        @Override
        public String toString() {
            return rule + ": " + row.name;
        }
    }

    static List<Unsafe> unsafe() {
        List<Unsafe> u = new ArrayList<>();
        u.add(new Unsafe(new Row("prod section edited to a version preprod never ran")
                .source(b -> b.service("prod", "service_common", "v1.0.3")), "promotion/skipped-stage"));
        u.add(new Unsafe(new Row("a new service straight into prod")
                .source(b -> b.service("prod", "service_search", "v0.1.0")), "promotion/skipped-stage"));
        u.add(new Unsafe(new Row("dev promoted straight to prod").direction("dev", "prod")
                .source(b -> b.service("dev", "service_common", "v1.0.3")), "promotion/wrong-order"));
        u.add(new Unsafe(new Row("pull request brings preprod's env-prod.yaml")
                .mergeResult(b -> b.file("env-prod.yaml", "vpc_id: vpc-from-preprod-branch\npayments_role_arn: x\n")),
                "promotion/env-file-changed"));
        u.add(new Unsafe(new Row("pull request deletes env-prod.yaml")
                .mergeResult(b -> b.deleteFile("env-prod.yaml")), "promotion/env-file-changed"));
        u.add(new Unsafe(new Row("promotion relaxes the policy it is judged by")
                .source(b -> b.file("gitops.yaml", Branch.GITOPS_YAML + "policy:\n  severities:\n    manifest/prod-replicas: off\n")
                        .set("prod", "service_catalog", "replicas", 1)), "manifest/prod-replicas"));
        u.add(new Unsafe(new Row("gitops.yaml changed without acknowledgement")
                .source(b -> b.file("gitops.yaml", Branch.GITOPS_YAML + "# reviewed\n")), "promotion/config-changed"));
        u.add(new Unsafe(new Row("service_orders goes back from v1.0.2 to v1.0.1")
                .sourceEarlier(b -> b.service("preprod", "service_orders", "v1.0.1"))
                .source(b -> b.service("prod", "service_orders", "v1.0.1")), "promotion/downgrade"));
        u.add(new Unsafe(new Row("downgrade acknowledged for another service")
                .sourceEarlier(b -> b.service("preprod", "service_orders", "v1.0.1"))
                .source(b -> b.service("prod", "service_orders", "v1.0.1"))
                .allow("promotion/downgrade:service_catalog", "wrong service"), "promotion/downgrade"));
        u.add(new Unsafe(new Row("re-applies v1.0.3 rolled back on prod")
                .target(b -> b.service("prod", "service_catalog", "v1.0.2"))
                .rolledBack("service_catalog", "v1.0.3")
                .source(b -> b.service("prod", "service_catalog", "v1.0.3")), "promotion/reapplies-rollback"));
        u.add(new Unsafe(new Row("service_payments disappears from prod")
                .source(b -> b.remove("prod", "service_payments")), "promotion/removed-service"));
        u.add(new Unsafe(new Row("prod ingress of service_orders removed")
                .source(b -> b.unset("prod", "service_orders", "ingress")), "promotion/removed-object"));
        u.add(new Unsafe(new Row("prod replicas of service_common 3 -> 2")
                .target(b -> b.set("prod", "service_common", "replicas", 3)), "promotion/fewer-replicas"));
        u.add(new Unsafe(new Row("prod down to one replica")
                .source(b -> b.set("prod", "service_common", "replicas", 1)), "manifest/prod-replicas"));
        u.add(new Unsafe(new Row("branch revision reaches prod")
                .sourceEarlier(b -> b.service("preprod", "service_common", "main"))
                .source(b -> b.service("prod", "service_common", "main")), "input/mutable-revision"));
        u.add(new Unsafe(new Row("prod revision without an image")
                .source(b -> b.service("prod", "service_common", "v9.9.9")), "input/unresolved-image"));
        u.add(new Unsafe(new Row("prod memory request above limit")
                .source(b -> b.set("prod", "service_catalog", "memory_min", "1Gi")), "input/memory-range"));
        u.add(new Unsafe(new Row("sealed secret never sealed for prod")
                .source(b -> b.file("secrets.yaml", Branch.SECRETS_YAML.replace("prod:\n  payments-db", "prod:\n  payments-cache"))),
                "input/missing-secret"));
        return u;
    }

    static List<Row> safe() {
        List<Row> s = new ArrayList<>();
        s.add(new Row("nothing to promote"));
        s.add(new Row("service_orders v1.0.2 -> v1.0.3, which ran in preprod")
                .source(b -> b.service("prod", "service_orders", "v1.0.3")));
        s.add(new Row("two upgrades at once")
                .source(b -> b.service("prod", "service_orders", "v1.0.3").service("prod", "service_catalog", "v1.0.3")));
        s.add(new Row("a version preprod ran earlier, not at its tip")
                .sourceEarlier(b -> b.service("preprod", "service_common", "v1.0.10"))
                .source(b -> b.service("prod", "service_common", "v1.0.10")));
        s.add(new Row("new service that ran in preprod")
                .source(b -> b.service("preprod", "service_search", "v0.1.0").service("prod", "service_search", "v0.1.0")));
        s.add(new Row("more prod replicas").source(b -> b.set("prod", "service_catalog", "replicas", 4)));
        s.add(new Row("acknowledged downgrade")
                .sourceEarlier(b -> b.service("preprod", "service_orders", "v1.0.1"))
                .source(b -> b.service("prod", "service_orders", "v1.0.1"))
                .allow("promotion/downgrade:service_orders", "v1.0.2 corrupts the cache; back to v1.0.1"));
        s.add(new Row("acknowledged service removal")
                .source(b -> b.remove("prod", "service_payments"))
                .allow("promotion/removed-service:service_payments", "payments moved to its own repository")
                // the sealed secret is named after the secret, not the service: it needs its own acknowledgement
                .allow("promotion/removed-object:SealedSecret/payments-db", "payments moved to its own repository"));
        s.add(new Row("acknowledged gitops.yaml change")
                .source(b -> b.file("gitops.yaml", Branch.GITOPS_YAML + "# reviewed\n"))
                .allow("promotion/config-changed", "comment only"));
        s.add(new Row("dev -> preprod of a version dev ran").direction("dev", "preprod")
                .source(b -> b.service("dev", "service_catalog", "v1.0.10").service("preprod", "service_catalog", "v1.0.10")));
        s.add(new Row("fix forward after a rollback")
                .rolledBack("service_catalog", "v1.0.3")
                .sourceEarlier(b -> b.service("preprod", "service_catalog", "v1.0.10"))
                .source(b -> b.service("prod", "service_catalog", "v1.0.10")));
        return s;
    }

    private static PromotionReport judge(Row row) {
        return GATE.evaluate(row.candidate());
    }

    @Test
    void baseline_everyEnvironmentPassesValidation() {
        for (String env : List.of("prod", "preprod")) {
            Report r = Policy.validate(Branch.shop(env).snapshot(env), List.of(),
                    Renderer.create(RenderOptions.DEFAULT));
            assertEquals(List.of(), r.findings().stream().map(f -> f.ruleId() + " " + f.message()).toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafe")
    void unsafePromotion_isBlockedByItsRule(Unsafe u) {
        PromotionReport r = judge(u.row());
        assertFalse(r.allowed(), "allowed: " + r.toText(false));
        assertTrue(r.blocking().stream().anyMatch(l -> l.startsWith(u.rule() + " ") || l.startsWith(u.rule() + ":")),
                u.rule() + " is not among the reasons " + r.blocking());
        assertFalse(r.toVerdict().allowed());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("safe")
    void safePromotion_isAllowed(Row row) {
        PromotionReport r = judge(row);
        assertTrue(r.allowed(), "blocked: " + r.blocking());
        assertTrue(r.toVerdict().allowed());
        assertTrue(r.findings().stream().noneMatch(f -> f.counts() && f.severity() == Severity.ERROR),
                () -> r.findings().stream().map(f -> f.ruleId() + " " + f.message()).collect(Collectors.joining("\n")));
    }

    @Test
    void matrix_hasEnoughRowsOfEachKind() {
        assertTrue(unsafe().size() >= 12);
        assertTrue(safe().size() >= 8);
        Set<String> rules = unsafe().stream().map(Unsafe::rule).collect(Collectors.toSet());
        assertTrue(rules.size() >= 12, "distinct blocking rules: " + rules);
    }

    @Test
    void upgrade_reportsVersionTableAndManifestDiff() {
        PromotionReport r = judge(new Row("upgrade").source(b -> b.service("prod", "service_orders", "v1.0.3")));
        assertTrue(r.allowed(), "blocked: " + r.blocking());
        VersionChange v = r.versions().stream().filter(x -> x.service().equals("service_orders")).findFirst().orElseThrow();
        assertEquals(VersionChange.Change.UPGRADED, v.change());
        ManifestDiff d = r.diff().orElseThrow();
        assertTrue(d.changed().stream().anyMatch(c -> c.kind().equals("Deployment") && c.name().equals("service-orders")),
                d.toString());
        assertTrue(r.toText(false).contains("service_orders"));
    }

    @Test
    void acknowledgedDowngrade_isRecordedWithItsReason() {
        PromotionReport r = judge(new Row("ack")
                .sourceEarlier(b -> b.service("preprod", "service_orders", "v1.0.1"))
                .source(b -> b.service("prod", "service_orders", "v1.0.1"))
                .allow("promotion/downgrade:service_orders", "bad cache"));
        assertTrue(r.allowed());
        assertEquals(List.of("bad cache"), r.acknowledged().stream().map(Acknowledgement::reason).toList());
        assertTrue(r.toVerdict().acknowledged().stream().anyMatch(a -> a.reason().equals("bad cache")));
    }
}
