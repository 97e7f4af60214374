package dev.gitops.git;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExplainTest {
    private static final String IMG = Fixtures.ECR + "service_rpps:";

    @TempDir
    Path tmp;

    /** CI records v1.0.151, then Dana moves dev to it. */
    private static RevCommit history(TestRepo r, CentralRepo repo) {
        assertInstanceOf(TagResult.Updated.class, repo.recordTag("service_rpps", "v1.0.151", IMG + "61",
                TagOptions.defaults().withIdentity(new Identity("ci-bot", "ci@example.com"))));
        return r.branch("dev").commit("dev: service_rpps v1.0.151").author("Dana Dev", "dana@example.com")
                .add("control-center.yaml", Fixtures.controlCenter("v1.0.151", "v1.0.146", "v1.0.146")).create();
    }

    private static String where(Contribution c) {
        return c.role() + " " + c.location().file() + ":" + c.location().line();
    }

    @Test
    void explain_image_revisionLineAndTagsLineEachWithItsCommit() {
        try (TestRepo r = Fixtures.threeEnvironments(TestRepo.bare(tmp.resolve("central.git")));
             CentralRepo repo = CentralRepo.open(r.dir())) {
            RevCommit move = history(r, repo);
            RevCommit tag = move.getParent(0);
            Explanation e = repo.explain("dev", Optional.of("dev"), "/services/service_rpps/image");
            assertEquals(Optional.of(IMG + "61"), e.value());
            assertEquals(List.of("environment section control-center.yaml:11", "tags.yaml image tags.yaml:11"),
                    e.contributions().stream().map(ExplainTest::where).toList());

            Contribution rev = e.contributions().get(0);
            assertEquals(Optional.of("git_rev: v1.0.151"), rev.text());
            LineOrigin revOrigin = rev.origin().orElseThrow();
            assertEquals(move.name(), revOrigin.commit());
            assertEquals("Dana Dev", revOrigin.author());
            assertEquals("dana@example.com", revOrigin.email());
            assertEquals(move.getAuthorIdent().getWhenAsInstant(), revOrigin.when());
            assertEquals("dev: service_rpps v1.0.151", revOrigin.summary());

            Contribution tags = e.contributions().get(1);
            assertEquals(Optional.of("v1.0.151: " + IMG + "61"), tags.text());
            LineOrigin tagOrigin = tags.origin().orElseThrow();
            assertEquals(tag.name(), tagOrigin.commit());
            assertEquals("ci-bot", tagOrigin.author());
            assertEquals("tags: service_rpps v1.0.151 -> " + IMG + "61", tagOrigin.summary());
        }
    }

    @Test
    void explain_keysFromSectionDefaultsParamsAndApiNames() {
        try (TestRepo r = Fixtures.threeEnvironments(TestRepo.bare(tmp.resolve("central.git")));
             CentralRepo repo = CentralRepo.open(r.dir())) {
            RevCommit initial = r.log("preprod").get(r.log("preprod").size() - 1);
            Explanation min = repo.explain("preprod", Optional.of("preprod"), "/services/service_rpps/memory_min");
            assertEquals(Optional.of("2Gi"), min.value());
            assertEquals(List.of("environment section control-center.yaml:21", "defaults (overridden) control-center.yaml:4"),
                    min.contributions().stream().map(ExplainTest::where).toList());
            assertEquals(initial.name(), min.contributions().get(0).origin().orElseThrow().commit());
            assertEquals(Instant.parse("2026-01-01T00:00:00Z"), min.contributions().get(0).origin().orElseThrow().when());

            Explanation replicas = repo.explain("preprod", Optional.of("preprod"), "/services/service_common/replicas");
            assertEquals(Optional.of("1"), replicas.value());
            assertEquals(List.of("defaults control-center.yaml:3"), replicas.contributions().stream().map(ExplainTest::where).toList());

            Explanation limit = repo.explain("prod", Optional.of("prod"), "/services/service_rpps/resources/limits/memory");
            assertEquals(Optional.of("4Gi"), limit.value());
            assertEquals(List.of("environment section control-center.yaml:32"), limit.contributions().stream().map(ExplainTest::where).toList());

            Explanation param = repo.explain("prod", Optional.of("prod"), "/params/elk_endpoint");
            assertEquals(Optional.of("https://search-prod.example.com"), param.value());
            assertEquals(List.of("environment parameter control-center.yaml:26"), param.contributions().stream().map(ExplainTest::where).toList());

            Explanation none = repo.explain("prod", Optional.of("prod"), "/services/service_nope/replicas");
            assertFalse(none.found());
            assertEquals(Optional.empty(), none.value());
        }
    }

    @Test
    void explain_terraformOutputs_sensitiveNamedWithoutValueOrLineText() {
        try (TestRepo r = Fixtures.threeEnvironments(TestRepo.bare(tmp.resolve("central.git")))) {
            RevCommit tf = r.branch("preprod").commit("tf outputs").add("env-preprod.yaml", """
                    vpc_id: {sensitive: false, type: string, value: vpc-0abc}
                    db_password: {sensitive: true, type: string, value: hunter2-secret}
                    """).create();
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                Explanation vpc = repo.explain("preprod", Optional.of("preprod"), "/terraform/vpc_id");
                assertEquals(Optional.of("vpc-0abc"), vpc.value());
                assertEquals("terraform output env-preprod.yaml:1", where(vpc.contributions().get(0)));
                assertEquals(tf.name(), vpc.contributions().get(0).origin().orElseThrow().commit());

                Explanation pw = repo.explain("preprod", Optional.of("preprod"), "/terraform/db_password");
                assertTrue(pw.found());
                assertEquals(Optional.empty(), pw.value());
                assertEquals(Optional.empty(), pw.contributions().get(0).text());
                assertEquals("terraform output env-preprod.yaml:2", where(pw.contributions().get(0)));
                assertFalse(pw.toString().contains("hunter2"));
            }
        }
    }

    @Test
    void explain_oneLineJsonEnvFile_plainOutputShownWithoutTheLineThatHoldsTheSensitiveOne() {
        try (TestRepo r = Fixtures.threeEnvironments(TestRepo.bare(tmp.resolve("central.git")))) {
            r.branch("preprod").commit("tf outputs").add("env-preprod.yaml",
                    "{\"vpc_id\": {\"sensitive\": false, \"type\": \"string\", \"value\": \"vpc-0abc\"},"
                            + " \"db_password\": {\"sensitive\": true, \"type\": \"string\", \"value\": \"hunter2-secret\"}}\n").create();
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                Explanation vpc = repo.explain("preprod", Optional.of("preprod"), "/terraform/vpc_id");
                assertEquals(Optional.of("vpc-0abc"), vpc.value());
                assertEquals(Optional.empty(), vpc.contributions().get(0).text());
                assertFalse(vpc.toString().contains("hunter2"), vpc.toString());
            }
        }
    }

    @Test
    void explain_withoutGit_filesAndLinesOnly() {
        try (TestRepo r = Fixtures.threeEnvironments(TestRepo.bare(tmp.resolve("central.git")));
             CentralRepo repo = CentralRepo.open(r.dir())) {
            Explanation e = CentralRepo.explain(repo.snapshot("dev"), "dev", "/services/service_rpps/image");
            assertEquals(Optional.of(IMG + "57"), e.value());
            assertEquals(List.of("environment section control-center.yaml:11", "tags.yaml image tags.yaml:8"),
                    e.contributions().stream().map(ExplainTest::where).toList());
            assertTrue(e.contributions().stream().allMatch(c -> c.origin().isEmpty()));
        }
    }

    @Test
    void explain_workingTree_uncommittedLineHasNoCommitOthersDo() throws Exception {
        try (TestRepo r = Fixtures.threeEnvironments(TestRepo.withWorkTree(tmp.resolve("wt")))) {
            Git.wrap(r.repo()).checkout().setName("dev").setForced(true).call();
            Path cc = r.dir().resolve("control-center.yaml");
            Files.writeString(cc, Files.readString(cc).replace("    memory_max: 4Gi\n\npreprod:", "    memory_max: 5Gi\n\npreprod:"));
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                Explanation max = repo.explain("dev", Optional.empty(), "/services/service_rpps/memory_max");
                assertEquals(Optional.of("5Gi"), max.value());
                assertEquals(Optional.empty(), max.contributions().get(0).origin(), "not committed yet");
                Explanation min = repo.explain("dev", Optional.empty(), "/services/service_rpps/memory_min");
                assertTrue(min.contributions().get(0).origin().isPresent());
            }
        }
    }
}
