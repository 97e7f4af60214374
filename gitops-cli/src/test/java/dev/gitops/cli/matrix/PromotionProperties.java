package dev.gitops.cli.matrix;

import dev.gitops.git.CentralRepo;
import dev.gitops.git.PromoteOptions;
import dev.gitops.git.PromotionResult;
import dev.gitops.git.RollbackOptions;
import dev.gitops.git.RollbackResult;
import dev.gitops.git.RollbackValidator;
import dev.gitops.git.TagOptions;
import dev.gitops.git.TagResult;
import dev.gitops.model.PromotionGate;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.StateException;
import dev.gitops.policy.PromotionPolicy;
import dev.gitops.render.RenderException;
import dev.gitops.render.RenderOptions;
import dev.gitops.render.Renderer;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Random sequences of CI tag writes, edits on dev, promotions, partial promotions, rollbacks,
 * backports and emergency fixes on prod, over dev, preprod and prod with the real policy as the
 * gate, keep three promises after every step:
 *
 * <ul>
 *   <li>no tag entry is lost: a branch's tags.yaml never loses an entry (rollbacks included: the
 *       registry only grows), and every entry CI recorded stays on dev;</li>
 *   <li>no env file travels: each branch holds exactly its own env-&lt;env&gt;.yaml, unchanged;</li>
 *   <li>a write is either done and leaves its branch renderable, or refused with no branch moved.</li>
 * </ul>
 */
class PromotionProperties {
    private static final Renderer RENDERER = Renderer.create(RenderOptions.DEFAULT);
    private static final PromotionGate GATE = new PromotionPolicy(RENDERER);
    private static final String[] SERVICES = {"svc_api", "svc_web"};

    /**
     * The kinds of step, weighted: promotions and tag writes come often enough that short
     * sequences reach the interesting meetings (a tag only on the target, a fix only on prod).
     */
    private static final int[] KINDS = {0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 3, 4, 5, 5, 6};

    /** One step: {kind, a, b}. */
    private static Gen<int[]> step() {
        return integers().between(0, KINDS.length - 1).zip(integers().between(0, 99), integers().between(0, 99),
                (k, a, b) -> new int[] {KINDS[k], a, b});
    }

    @Test
    void anySequence_keepsTagsAndEnvFilesAndLeavesBranchesRenderableOrUnmoved() {
        qt().withExamples(16).withShrinkCycles(0).forAll(lists().of(step()).ofSizeBetween(3, 9))
                .checkAssert(PromotionProperties::run);
    }

    private static void run(List<int[]> steps) {
        try (MatrixRepo r = MatrixRepo.create()) {
            // Start with work on its way: svc_api v1.1.0 runs in dev and preprod and waits for prod.
            r.onDev("dev: svc_api v1.1.0", d -> d.set("dev", "svc_api", "git_rev", "v1.1.0"));
            r.onDev("preprod, prod: svc_api v1.1.0", d -> d.set("preprod", "svc_api", "git_rev", "v1.1.0")
                    .set("prod", "svc_api", "git_rev", "v1.1.0"));
            if (!r.promote("dev", "preprod", GATE).succeeded()) {
                throw new AssertionError("the starting promotion was refused");
            }
            Map<String, List<String>> revisions = new HashMap<>(Map.of(
                    "svc_api", new ArrayList<>(List.of("v1.0.0", "v1.1.0", "v1.2.0")),
                    "svc_web", new ArrayList<>(List.of("v2.0.0", "v2.1.0"))));
            Set<String> recorded = new TreeSet<>(tags(r, "dev"));
            Map<String, Set<String>> before = new HashMap<>();
            for (String env : MatrixRepo.ENVS) {
                before.put(env, tags(r, env));
            }
            List<String> done = new ArrayList<>();
            int n = 0;
            for (int[] s : steps) {
                n++;
                Map<String, String> tipsBefore = r.tips();
                String svc = SERVICES[s[2] % 2];
                Outcome o = apply(r, s, n, svc, revisions, recorded);
                done.add(o.what());
                String trail = String.join("\n  ", done);
                Map<String, String> tipsAfter = r.tips();
                if (!o.succeeded() && !tipsAfter.equals(tipsBefore)) {
                    throw new AssertionError("a refused write moved a branch:\n  " + trail);
                }
                for (String env : MatrixRepo.ENVS) {
                    Map<String, Optional<String>> envFiles = r.envFiles(env);
                    for (String other : MatrixRepo.ENVS) {
                        Optional<String> expected = other.equals(env) ? Optional.of(MatrixRepo.envFile(env)) : Optional.empty();
                        if (!envFiles.get("env-" + other + ".yaml").equals(expected)) {
                            throw new AssertionError("branch " + env + " has " + envFiles + " after:\n  " + trail);
                        }
                    }
                    Set<String> now = tags(r, env);
                    if (!now.containsAll(before.get(env))) {
                        Set<String> lost = new TreeSet<>(before.get(env));
                        lost.removeAll(now);
                        throw new AssertionError(env + " lost tag entries " + lost + " after:\n  " + trail);
                    }
                    before.put(env, now);
                    if (!tipsAfter.get(env).equals(tipsBefore.get(env))) {
                        renders(r, env, trail);
                    }
                }
                if (!tags(r, "dev").containsAll(recorded)) {
                    throw new AssertionError("dev lost a tag CI recorded after:\n  " + trail);
                }
            }
        }
    }

    private record Outcome(String what, boolean succeeded) {}

    private static Outcome apply(MatrixRepo r, int[] s, int n, String svc, Map<String, List<String>> revisions,
                                 Set<String> recorded) {
        String[] pair = s[1] % 2 == 0 ? new String[] {"dev", "preprod"} : new String[] {"preprod", "prod"};
        switch (s[0]) {
            case 0 -> {
                // CI records on dev mostly; sometimes straight on a later branch (a hotfix build).
                String branch = MatrixRepo.ENVS.get((s[1] / 2) % 3);
                String rev = "v9." + n + ".0";
                String image = "registry.example.com/shop/" + svc + ":9" + n + "@sha256:" + String.format("%064x", n);
                TagResult t;
                try (CentralRepo c = CentralRepo.open(r.git.directory())) {
                    t = c.recordTag(svc, rev, image, TagOptions.defaults().withBranch(branch));
                }
                if (t.succeeded() && branch.equals("dev")) {
                    revisions.get(svc).add(rev);
                    recorded.add(svc + " " + rev);
                }
                return new Outcome("tag on " + branch + " " + svc + " " + rev + ": " + t.getClass().getSimpleName(),
                        t.succeeded());
            }
            case 1 -> {
                String env = MatrixRepo.ENVS.get(s[1] % 3);
                List<String> known = revisions.get(svc);
                String rev = known.get(s[2] % known.size());
                r.onDev("dev edit: " + env + " " + svc + " " + rev, d -> d.set(env, svc, "git_rev", rev));
                return new Outcome("dev edit " + env + " " + svc + " " + rev, true);
            }
            case 2, 3 -> {
                PromoteOptions o = s[0] == 3 ? PromoteOptions.defaults().withServices(Set.of(svc)) : PromoteOptions.defaults();
                PromotionResult p = r.promote(pair[0], pair[1], GATE, o);
                return new Outcome("promote " + pair[0] + " -> " + pair[1] + (s[0] == 3 ? " --service " + svc : "") + ": "
                        + p.getClass().getSimpleName(), p.succeeded());
            }
            case 4 -> {
                String env = s[1] % 2 == 0 ? "preprod" : "prod";
                RollbackResult rb;
                try (CentralRepo c = CentralRepo.open(r.git.directory())) {
                    rb = c.rollback(env, rendering(), RollbackOptions.defaults());
                }
                return new Outcome("rollback " + env + ": " + rb.getClass().getSimpleName(), rb.succeeded());
            }
            case 5 -> {
                String[] back = s[1] % 2 == 0 ? new String[] {"prod", "preprod"} : new String[] {"preprod", "dev"};
                PromotionResult p;
                try (CentralRepo c = CentralRepo.open(r.git.directory())) {
                    p = c.backport(back[0], back[1], GATE, PromoteOptions.defaults());
                }
                return new Outcome("backport " + back[0] + " -> " + back[1] + ": " + p.getClass().getSimpleName(),
                        p.succeeded());
            }
            default -> {
                r.git.branch("prod").commit("emergency fix " + n).add("runbook.md", "fix " + n + "\n").create();
                return new Outcome("emergency fix on prod", true);
            }
        }
    }

    /** The rollback validator the CLI would pass: the reverted environment must resolve and render. */
    private static RollbackValidator rendering() {
        return (after, env) -> {
            try {
                RENDERER.render(after, env);
                return List.of();
            } catch (StateException | RenderException e) {
                return List.of(e.getMessage());
            }
        };
    }

    private static void renders(MatrixRepo r, String env, String trail) {
        try (CentralRepo c = CentralRepo.open(r.git.directory())) {
            RepoSnapshot s = c.snapshot(env);
            RENDERER.render(s, env);
        } catch (StateException | RenderException e) {
            throw new AssertionError(env + " no longer renders (" + e.getMessage() + ") after:\n  " + trail);
        }
    }

    private static Set<String> tags(MatrixRepo r, String branch) {
        try (CentralRepo c = CentralRepo.open(r.git.directory())) {
            Set<String> out = new TreeSet<>();
            c.snapshot(branch).tags().services().forEach((svc, revs) -> revs.keySet().forEach(rev -> out.add(svc + " " + rev)));
            return out;
        }
    }
}
