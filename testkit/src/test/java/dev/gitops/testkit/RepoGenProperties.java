package dev.gitops.testkit;

import dev.gitops.model.GitopsConfig;
import dev.gitops.model.Image;
import dev.gitops.model.Problem;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.ResolvedService;
import dev.gitops.model.ServiceSpec;
import dev.gitops.model.State;
import dev.gitops.model.StateException;
import dev.gitops.testkit.RepoGen.Feature;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;

/** The generators produce only what they claim. */
class RepoGenProperties {

    @Test
    void valid_everyRepositoryLoads_andEveryEnvironmentResolvesCompletely() {
        int[] checked = {0};
        qt().withExamples(150).forAll(RepoGen.repos().services(0, 6).valid()).checkAssert(repo -> {
            checked[0]++;
            RepoSnapshot snap = repo.load();
            assertEquals(repo.environments(), snap.config().environmentNames());
            for (String env : repo.environments()) {
                State s = snap.resolve(env);
                for (ResolvedService rs : s.services().values()) {
                    assertInstanceOf(Image.Resolved.class, rs.image(), () -> env + "/" + rs.name() + " has no image");
                    ServiceSpec spec = rs.spec();
                    for (ServiceSpec.SecretRef ref : spec.secrets()) {
                        if (ref instanceof ServiceSpec.SealedRef sealed) {
                            assertTrue(s.sealedSecrets().containsKey(sealed.name()),
                                    () -> env + ": sealed secret " + sealed.name() + " missing");
                        }
                    }
                    spec.serviceAccount().flatMap(ServiceSpec.ServiceAccount::iamRoleOutput).ifPresent(out ->
                            assertTrue(s.terraform().containsKey(out), () -> env + ": output " + out + " missing"));
                    if (spec.memoryMin().isPresent() && spec.memoryMax().isPresent()) {
                        assertTrue(spec.memoryMin().get().compareTo(spec.memoryMax().get()) <= 0);
                    }
                    if (spec.cpuMin().isPresent() && spec.cpuMax().isPresent()) {
                        assertTrue(spec.cpuMin().get().compareTo(spec.cpuMax().get()) <= 0);
                    }
                    if (env.equals(repo.environments().get(0))) {
                        continue;
                    }
                    assertFalse(snap.config().revisions().isMutable(spec.gitRev()),
                            () -> env + "/" + rs.name() + ": branch-like revision " + spec.gitRev() + " past the first environment");
                }
                s.terraform().values().forEach(o -> assertFalse(o.sensitive(), () -> o + " is sensitive"));
            }
        });
        // the property really ran: QuickTheories 0.26 ran 149 of 150 asked examples once on a
        // fresh clone (its seed is random per run), so the count is a lower bound, not exact
        assertTrue(checked[0] >= 140, "examples run: " + checked[0]);
    }

    @Test
    void states_resolveAnEnvironmentOfTheRepository() {
        qt().withExamples(40).forAll(RepoGen.repos().states()).checkAssert(s -> {
            assertTrue(s.repo().environments().contains(s.environment()));
            assertEquals(s.snapshot().resolve(s.environment()), s.state());
        });
    }

    @Test
    void broken_everyDefectOfEveryKind_throwsStateExceptionNamingItsFile() {
        for (Defect d : Defect.values()) {
            qt().withExamples(12).forAll(RepoGen.repos().services(0, 4).broken(d)).checkAssert(b -> {
                assertEquals(d, b.defect());
                try {
                    b.repo().load();
                    fail("loaded although broken: " + b);
                } catch (StateException e) {
                    List<Problem> problems = e.problems();
                    assertTrue(problems.stream().anyMatch(p -> p.location().file().equals(b.file())),
                            () -> "no problem names " + b.file() + ":\n" + e.getMessage() + "\n" + b);
                }
            });
        }
    }

    @Test
    void broken_anyDefect_coversEveryKind() {
        Set<Defect> seen = EnumSet.noneOf(Defect.class);
        qt().withExamples(300).forAll(RepoGen.repos().broken()).checkAssert(b -> seen.add(b.defect()));
        assertEquals(EnumSet.allOf(Defect.class), seen);
    }

    @Test
    void knobs_fixedEnvironmentsAndServiceCount_areHonoured() {
        qt().withExamples(30).forAll(RepoGen.repos().environments("dev", "preprod", "prod").services(3, 3).valid())
                .checkAssert(repo -> {
                    assertEquals(List.of("dev", "preprod", "prod"), repo.environments());
                    RepoSnapshot snap = repo.load();
                    assertEquals(3, snap.controlCenter().environment("dev").orElseThrow().services().size());
                    assertEquals(List.of("dev", "preprod", "prod"), snap.config().environmentNames());
                });
    }

    @Test
    void knobs_always_putThePartOnEveryService() {
        RepoGen gen = RepoGen.repos().services(1, 4).ingress(Feature.ALWAYS).probes(Feature.ALWAYS)
                .secrets(Feature.ALWAYS).externalResources(Feature.ALWAYS).serviceAccounts(Feature.ALWAYS)
                .defaultsBlock(Feature.ALWAYS).gitopsYaml(Feature.ALWAYS).namespaces(Feature.ALWAYS)
                .terraformJson(Feature.ALWAYS);
        qt().withExamples(30).forAll(gen.valid()).checkAssert(repo -> {
            RepoSnapshot snap = repo.load();
            assertTrue(repo.paths().contains("gitops.yaml"));
            assertTrue(repo.text("control-center.yaml").orElseThrow().startsWith("defaults:"));
            assertTrue(repo.text("env-" + repo.environments().get(0) + ".yaml").orElseThrow().contains("sensitive: false"));
            for (String env : repo.environments()) {
                assertTrue(snap.resolve(env).namespace().isPresent());
                for (ResolvedService rs : snap.resolve(env).services().values()) {
                    ServiceSpec s = rs.spec();
                    assertTrue(s.ingress().isPresent() && s.probes().isPresent() && !s.secrets().isEmpty()
                            && !s.external().isEmpty() && s.serviceAccount().isPresent(), () -> s.toString());
                }
            }
        });
    }

    @Test
    void knobs_never_leaveThePartOut() {
        RepoGen gen = RepoGen.repos().services(1, 4).ingress(Feature.NEVER).probes(Feature.NEVER)
                .secrets(Feature.NEVER).externalResources(Feature.NEVER).serviceAccounts(Feature.NEVER)
                .underscoreNames(Feature.NEVER).gitopsYaml(Feature.NEVER).yamlAnchors(Feature.NEVER);
        qt().withExamples(30).forAll(gen.valid()).checkAssert(repo -> {
            assertFalse(repo.paths().contains("gitops.yaml"));
            assertFalse(repo.text("control-center.yaml").orElseThrow().contains("<<:"));
            for (String svc : repo.services()) {
                assertFalse(svc.contains("_"), svc);
            }
            RepoSnapshot snap = repo.load();
            for (String env : repo.environments()) {
                for (ResolvedService rs : snap.resolve(env).services().values()) {
                    ServiceSpec s = rs.spec();
                    assertTrue(s.ingress().isEmpty() && s.probes().isEmpty() && s.secrets().isEmpty()
                            && s.external().isEmpty() && s.serviceAccount().isEmpty(), () -> s.toString());
                }
            }
        });
    }

    @Test
    void knobs_underscoresAndAnchors_appearAndLoad() {
        RepoGen gen = RepoGen.repos().services(3, 6).underscoreNames(Feature.ALWAYS).yamlAnchors(Feature.ALWAYS)
                .environments("dev", "prod");
        boolean[] sawUnderscore = {false};
        qt().withExamples(30).forAll(gen.valid()).checkAssert(repo -> {
            String cc = repo.text("control-center.yaml").orElseThrow();
            assertTrue(cc.contains("&base") && cc.contains("<<: *base"), cc);
            RepoSnapshot snap = repo.load();
            for (ServiceSpec s : snap.controlCenter().environment("dev").orElseThrow().services().values()) {
                assertEquals(s.name().replace('_', '-'), s.kubernetesName());
                sawUnderscore[0] |= s.name().contains("_");
            }
        });
        assertTrue(sawUnderscore[0], "no service name with an underscore in 30 repositories");
    }

    @Test
    void knobs_paramsAndServiceKeys_reachTheState() {
        RepoGen gen = RepoGen.repos().services(1, 2)
                .param("team_email", org.quicktheories.generators.Generate.pick(List.of("a@example.com", "b@example.com")))
                .serviceKey("tier", org.quicktheories.generators.Generate.constant("gold"));
        qt().withExamples(20).forAll(gen.states()).checkAssert(s -> {
            assertTrue(s.state().params().containsKey("team_email"));
            s.state().services().values().forEach(rs ->
                    assertEquals(Optional.of(dev.gitops.model.Value.of("gold")), Optional.ofNullable(rs.spec().extra().get("tier"))));
        });
    }

    @Test
    void matching_copiesEnvironmentsNamespacesBranchesAndTemplates() {
        GitopsConfig config = new GitopsConfig(
                List.of(new GitopsConfig.EnvironmentConfig("dev", "env/dev", Optional.of("shop-dev"), false, true, false),
                        new GitopsConfig.EnvironmentConfig("prod", "env/prod", Optional.of("shop-prod"), true, false, false)),
                GitopsConfig.FileNames.DEFAULT,
                new GitopsConfig.TemplateConfig("deploy", "deploy/main.jsonnet", List.of("deploy/lib")),
                GitopsConfig.RevisionPolicy.DEFAULT, GitopsConfig.PolicyConfig.EMPTY, Optional.empty(), Optional.empty());
        qt().withExamples(10).forAll(RepoGen.repos().matching(config).valid()).checkAssert(repo -> {
            GitopsConfig loaded = repo.load().config();
            assertEquals(List.of("dev", "prod"), loaded.environmentNames());
            assertEquals("env/prod", loaded.environment("prod").orElseThrow().branch());
            assertEquals(Optional.of("shop-dev"), loaded.environment("dev").orElseThrow().namespace());
            assertEquals(config.templates(), loaded.templates());
        });
    }

    @Test
    void generators_withTheSameSeed_giveTheSameRepositories() {
        List<GeneratedRepo> first = new java.util.ArrayList<>();
        List<GeneratedRepo> second = new java.util.ArrayList<>();
        qt().withFixedSeed(7).withExamples(10).forAll(RepoGen.repos().valid()).checkAssert(first::add);
        qt().withFixedSeed(7).withExamples(10).forAll(RepoGen.repos().valid()).checkAssert(second::add);
        assertEquals(first, second);
        assertTrue(first.stream().distinct().count() > 1, "ten draws gave one repository");
    }

    @Test
    void services_outOfRange_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> RepoGen.repos().services(3, 2));
        assertThrows(IllegalArgumentException.class, () -> RepoGen.repos().services(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> RepoGen.repos().environments());
        assertThrows(IllegalArgumentException.class, () -> RepoGen.repos().broken(new Defect[0]));
    }
}
