package dev.gitops.policy;

import dev.gitops.model.Acknowledgement;
import dev.gitops.model.ImageRef;
import dev.gitops.model.PromotionCandidate;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.ResolvedService;
import dev.gitops.model.RevisionHistory;
import dev.gitops.model.RollbackRecord;
import dev.gitops.model.StateException;
import dev.gitops.model.TargetChange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A promotion built by hand: B's branch before, the merge result after, A's history (by default:
 * every image of A's section before and after, i.e. what ran in A), B's rollbacks and the user's
 * acknowledgements.
 */
final class Promo {
    String from = "preprod";
    String to = "prod";
    final TestRepo before;
    final TestRepo after;
    final Map<String, Set<ImageRef>> extraRan = new LinkedHashMap<>();
    final List<String> notRan = new ArrayList<>();
    final List<RollbackRecord> rollbacks = new ArrayList<>();
    final List<Acknowledgement> acks = new ArrayList<>();
    final FakeRender render = new FakeRender();

    private Promo(TestRepo before) {
        this.before = before.provenance("before");
        this.after = before.copy().provenance("after");
    }

    /**
     * dev, preprod, prod; svc_a and svc_b at v1.0.1 everywhere, production-ready; v1.0.1 to v1.0.3
     * and v1.0.10 recorded in tags.yaml.
     */
    static Promo standard() {
        TestRepo r = TestRepo.standard();
        for (String s : List.of("svc_a", "svc_b")) {
            r.serviceEverywhere(s, "v1.0.1", TestRepo.Svc::prodReady);
            for (String v : List.of("v1.0.1", "v1.0.2", "v1.0.3", "v1.0.10")) {
                r.tagged(s, v);
            }
        }
        return new Promo(r);
    }

    /** Changes the merge result. */
    Promo after(Consumer<TestRepo> change) {
        change.accept(after);
        return this;
    }

    /** Changes B before the merge. */
    Promo before(Consumer<TestRepo> change) {
        change.accept(before);
        return this;
    }

    /** Sets a revision in both A's and B's sections after the merge (a normal, tested promotion). */
    Promo promote(String service, String revision) {
        after.service(from, service, revision, TestRepo.Svc::prodReady);
        after.service(to, service, revision, TestRepo.Svc::prodReady);
        return this;
    }

    Promo direction(String f, String t) {
        from = f;
        to = t;
        return this;
    }

    /** Leaves this service's images out of A's history. */
    Promo neverRanInSource(String service) {
        notRan.add(service);
        return this;
    }

    Promo rolledBack(String service, String revision) {
        rollbacks.add(new RollbackRecord(to, service, revision, "abcdef1234567890"));
        return this;
    }

    final List<TargetChange> targetChanges = new ArrayList<>();

    /** A commit on B that A lacks, undoing {@code undone} (empty: kept). */
    Promo targetChange(TargetChange.Kind kind, String... undone) {
        targetChanges.add(new TargetChange("fedcba9876543210", "Ops On-Call <oncall@example.com>", "emergency fix",
                kind, List.of(undone)));
        return this;
    }

    Promo allow(String spec, String reason) {
        acks.add(Acknowledgement.parse(spec, reason));
        return this;
    }

    PromotionCandidate candidate() {
        RepoSnapshot b = before.build();
        RepoSnapshot a = after.build();
        Map<String, Set<ImageRef>> ran = new LinkedHashMap<>();
        for (RepoSnapshot s : List.of(b, a)) {
            try {
                for (ResolvedService rs : s.resolve(from, false).services().values()) {
                    if (!notRan.contains(rs.name())) {
                        rs.imageRef().ifPresent(i -> ran.computeIfAbsent(rs.name(), k -> new LinkedHashSet<>()).add(i));
                    }
                }
            } catch (StateException e) {
                // A's section missing: nothing ran there
            }
        }
        extraRan.forEach((k, v) -> ran.computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll(v));
        return new PromotionCandidate(from, to, b, a, a, new RevisionHistory(from, ran, 12), rollbacks, acks, targetChanges);
    }

    PromotionReport evaluate() {
        return new PromotionPolicy(render).evaluate(candidate());
    }

    PromotionReport evaluateStrict() {
        return new PromotionPolicy(render, true).evaluate(candidate());
    }

    static Optional<Finding> first(PromotionReport r, String rule) {
        return r.of(rule).stream().findFirst();
    }
}
