package dev.gitops.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeEach;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * rollback, tf import, --allow and the commit identity as a user meets them: in-process through
 * {@link Cli#run}, on a repository made by {@code gitops init --example}.
 */
class WriteCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMAGE_151 = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/service_rpps:61";

    @TempDir
    Path tmp;
    private Path repo;

    record Run(int exit, String out, String err) {}

    private static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Cli.run(args, env, o, e);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Run gitops(String... args) {
        return gitops(Map.of(), args);
    }

    private Run gitops(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.get(0).equals("init")) {
            all.add("--repo");
            all.add(repo.toString());
        }
        return run(env, all.toArray(String[]::new));
    }

    @BeforeEach
    void init() {
        repo = tmp.resolve("central");
        Run r = gitops(Map.of("GIT_AUTHOR_NAME", "Init Person", "GIT_AUTHOR_EMAIL", "init@example.com",
                "GIT_COMMITTER_NAME", "Init Bot", "GIT_COMMITTER_EMAIL", "bot@example.com"), "init", repo.toString(), "--example");
        assertEquals(0, r.exit(), r.toString());
    }

    @Test
    void init_newFolder_reportsTheBranchesAndLeavesTheFirstCheckedOut() throws Exception {
        Path fresh = tmp.resolve("fresh");
        Run r = run(Map.of("GITOPS_PROGRESS", "1"), "init", fresh.toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals("created " + fresh + ": branches dev, preprod, prod (dev checked out)\n", r.out().replace("\r\n", "\n"));
        assertTrue(r.err().contains("creating " + fresh + " with branches dev, preprod, prod"), r.err());
        try (Git git = Git.open(fresh.toFile())) {
            assertEquals("dev", git.getRepository().getBranch());
            for (String branch : List.of("dev", "preprod", "prod")) {
                assertTrue(git.getRepository().resolve(branch) != null, branch);
            }
        }
        assertTrue(Files.readString(fresh.resolve("env-dev.yaml")).startsWith("# Terraform outputs of dev"));
    }

    @Test
    void init_folderWithFiles_exit2AndTheFolderIsLeftAlone() throws Exception {
        Path used = Files.createDirectory(tmp.resolve("used"));
        Files.writeString(used.resolve("keep.txt"), "mine");
        Run r = run(Map.of(), "init", used.toString());
        assertEquals(2, r.exit(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.err().contains(used + " exists and is not an empty folder"), r.err());
        assertTrue(!Files.exists(used.resolve(".git")));
    }

    /** prod gets service_rpps v1.0.150 (a release that turns out bad) as its tip. */
    private String badReleaseOnProd() throws Exception {
        try (Git git = Git.open(repo.toFile())) {
            git.checkout().setName("prod").call();
            Path cc = repo.resolve("control-center.yaml");
            String s = Files.readString(cc);
            int prod = s.indexOf("\nprod:");
            int at = s.indexOf("git_rev: v1.0.146", prod);
            Files.writeString(cc, s.substring(0, at) + "git_rev: v1.0.150" + s.substring(at + "git_rev: v1.0.146".length()));
            git.add().addFilepattern("control-center.yaml").call();
            String id = git.commit().setMessage("prod: service_rpps v1.0.150").setAuthor("dev", "dev@example.com")
                    .setCommitter("dev", "dev@example.com").setSign(false).call().name();
            git.checkout().setName("dev").call();
            return id;
        }
    }

    private String tip(String branch) {
        try (Repository r = Git.open(repo.toFile()).getRepository()) {
            return r.exactRef("refs/heads/" + branch).getObjectId().name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RevCommit commit(String id) {
        try (Repository r = Git.open(repo.toFile()).getRepository(); RevWalk w = new RevWalk(r)) {
            RevCommit c = w.parseCommit(r.resolve(id));
            w.parseBody(c);
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<String> read(String ref, String path) {
        try (Repository r = Git.open(repo.toFile()).getRepository(); RevWalk w = new RevWalk(r)) {
            ObjectId id = r.resolve(ref);
            try (TreeWalk tw = TreeWalk.forPath(r, path, w.parseCommit(id).getTree())) {
                return tw == null ? Optional.empty()
                        : Optional.of(new String(r.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void rollback_dryRunJsonThenCommitFromIt_revertsThatCommitWithTrailers() throws Exception {
        String bad = badReleaseOnProd();
        Run dry = gitops("rollback", "--env", "prod", "--dry-run", "--format", "json");
        assertEquals(0, dry.exit(), dry.toString());
        JsonNode d = JSON.readTree(dry.out());
        assertEquals("would-roll-back", d.path("outcome").asText());
        assertEquals(bad, d.path("tip").asText());
        assertEquals("service_rpps", d.path("services").path(0).path("service").asText());
        assertEquals("v1.0.146", d.path("services").path(0).path("restored").asText());

        Run real = gitops(Map.of("GIT_AUTHOR_NAME", "On Call", "GIT_AUTHOR_EMAIL", "oncall@example.com"),
                "rollback", "--env", "prod", "--commit", d.path("tip").asText());
        assertEquals(0, real.exit(), real.toString());
        assertTrue(real.out().startsWith("rolled back prod: reverted " + bad.substring(0, 7) + " \"prod: service_rpps v1.0.150\""),
                real.out());
        RevCommit revert = commit("prod");
        assertEquals(bad, revert.getParent(0).name());
        assertEquals(List.of("service_rpps v1.0.150"), revert.getFooterLines("Rolled-Back"));
        assertEquals("On Call", revert.getAuthorIdent().getName());
        assertEquals(read("prod~1", "env-prod.yaml"), read("prod", "env-prod.yaml"));
    }

    @Test
    void rollback_afterACiTagWriteLanded_exit1NamesTheCiCommitAndNothingIsReverted() throws Exception {
        String bad = badReleaseOnProd();
        Run ci = gitops(Map.of("GIT_AUTHOR_NAME", "ci-bot", "GIT_AUTHOR_EMAIL", "ci@example.com"), "tag", "set", "--branch", "prod",
                "--service", "service_rpps", "--revision", "v1.0.151", "--image", IMAGE_151);
        assertEquals(0, ci.exit(), ci.toString());
        String ciCommit = tip("prod");
        Run r = gitops("rollback", "--env", "prod", "--commit", bad);
        assertEquals(1, r.exit(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.err().contains("prod moved: it is at " + ciCommit.substring(0, 7) + ", not at " + bad.substring(0, 7)), r.err());
        assertTrue(r.err().contains(ciCommit.substring(0, 7) + " \"tags: service_rpps v1.0.151 -> " + IMAGE_151 + "\" by ci-bot <ci@example.com>"),
                r.err());
        assertEquals(ciCommit, tip("prod"), "nothing reverted, the CI commit kept");
    }

    @Test
    void rollback_second_refusedUntilAcknowledgedAndOtherRulesAreUsageErrors() throws Exception {
        badReleaseOnProd();
        assertEquals(0, gitops("rollback", "--env", "prod").exit());
        String first = tip("prod");
        Run again = gitops("rollback", "--env", "prod");
        assertEquals(1, again.exit(), again.toString());
        assertTrue(again.err().contains("would undo a rollback") && again.err().contains("--allow rollback/reverts-rollback"),
                again.err());
        assertEquals(first, tip("prod"));

        Run other = gitops("rollback", "--env", "prod", "--allow", "promotion/downgrade", "--reason", "x");
        assertEquals(2, other.exit(), other.toString());
        assertTrue(other.err().contains("acknowledgeable rules: rollback/reverts-rollback"), other.err());
        Run noReason = gitops("rollback", "--env", "prod", "--allow", "rollback/reverts-rollback");
        assertEquals(2, noReason.exit(), noReason.toString());

        Run ack = gitops("rollback", "--env", "prod", "--allow", "rollback/reverts-rollback", "--reason", "v1.0.150 was not the cause");
        assertEquals(0, ack.exit(), ack.toString());
        assertEquals(List.of("rollback/reverts-rollback - v1.0.150 was not the cause"), commit("prod").getFooterLines("Acknowledged"));
    }

    @Test
    void promote_allowOfARuleThatAlwaysBlocks_exit2WithTheAcknowledgeableRulesInsteadOfBeingIgnored() {
        String prod = tip("prod");
        Run r = gitops("promote", "--from", "preprod", "--to", "prod", "--allow", "promotion/skipped-stage:service_rpps",
                "--reason", "hotfix verified by QA");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.err().contains("rule 'promotion/skipped-stage' cannot be acknowledged: its findings always block"), r.err());
        assertTrue(r.err().contains("acknowledgeable rules: promotion/config-changed, promotion/downgrade"), r.err());
        assertEquals(prod, tip("prod"));
        Run unknown = gitops("promote", "--from", "preprod", "--to", "prod", "--allow", "promotion/nope", "--reason", "x");
        assertEquals(2, unknown.exit(), unknown.toString());
        assertTrue(unknown.err().contains("unknown rule 'promotion/nope'"), unknown.err());
    }

    private Path outputs(String... nameValue) throws IOException {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < nameValue.length; i += 2) {
            b.append(i == 0 ? "" : ",").append('"').append(nameValue[i]).append("\": {\"sensitive\": false, \"type\": \"string\", \"value\": \"")
                    .append(nameValue[i + 1]).append("\"}");
        }
        return Files.writeString(tmp.resolve("out-" + nameValue.length + ".json"), b.append('}').toString());
    }

    @Test
    void tfImport_losingAnOutputAServiceUses_refusedUntilAcknowledgedAndDryRunShowsWhy() throws Exception {
        String prod = tip("prod");
        Path without = outputs("vpc_id", "vpc-0c3d4e5f607182930", "orders_db_endpoint", "db.example.com:5432");
        Run blocked = gitops("tf", "import", "--env", "prod", "--file", without.toString());
        assertEquals(1, blocked.exit(), blocked.toString());
        assertEquals("", blocked.out());
        assertTrue(blocked.err().contains("terraform/removed-output [service_payments]"), blocked.err());
        assertTrue(blocked.err().contains("--allow terraform/removed-output:service_payments"), blocked.err());
        // The built-in templates fail on the missing role output too: the environment would not render.
        assertTrue(blocked.err().contains("terraform/breaks-environment: <gitops-lib>/gitops.libsonnet:"), blocked.err());
        assertTrue(blocked.err().contains("manifest/render-failed: prod: service service_payments: serviceAccount.iamRoleOutput "
                + "names payments_role_arn"), blocked.err());
        assertEquals(prod, tip("prod"), "nothing committed");

        Run dry = gitops("tf", "import", "--env", "prod", "--file", without.toString(), "--dry-run", "--format", "json");
        assertEquals(1, dry.exit(), dry.toString());
        JsonNode d = JSON.readTree(dry.out());
        assertEquals("would-be-refused", d.path("outcome").asText());
        List<String> removed = new ArrayList<>();
        d.path("outputs").forEach(o -> {
            if (o.path("change").asText().equals("removed")) {
                removed.add(o.path("name").asText());
            }
        });
        assertEquals(List.of("nat_gateway_ips", "payments_role_arn"), removed);

        Run half = gitops("tf", "import", "--env", "prod", "--file", without.toString(),
                "--allow", "terraform/removed-output:service_payments", "--reason", "payments moves to its own account");
        assertEquals(1, half.exit(), "the render failure is not acknowledged: " + half);
        assertEquals(prod, tip("prod"));

        Run ack = gitops("tf", "import", "--env", "prod", "--file", without.toString(),
                "--allow", "terraform/removed-output:service_payments", "--allow", "terraform/breaks-environment",
                "--reason", "payments moves to its own account");
        assertEquals(0, ack.exit(), ack.toString());
        assertEquals(List.of("terraform/removed-output:service_payments - payments moves to its own account",
                        "terraform/breaks-environment - payments moves to its own account"),
                commit("prod").getFooterLines("Acknowledged"));
        assertFalse(read("prod", "env-prod.yaml").orElseThrow().contains("payments_role_arn"));
    }

    @Test
    void tfImport_dryRunText_showsOutputAndManifestChangesAndWritesNothing() throws Exception {
        String prod = tip("prod");
        Path changed = outputs("vpc_id", "vpc-new", "orders_db_endpoint", "db.example.com:5432",
                "payments_role_arn", "arn:aws:iam::123456789012:role/shop-prod-payments-2", "mode", "0o17");
        Run dry = gitops("tf", "import", "--env", "prod", "--file", changed.toString(), "--dry-run");
        assertEquals(0, dry.exit(), dry.toString());
        assertTrue(dry.out().contains("~ payments_role_arn: \"arn:aws:iam::123456789012:role/shop-prod-payments\" -> "
                + "\"arn:aws:iam::123456789012:role/shop-prod-payments-2\""), dry.out());
        assertTrue(dry.out().contains("+ mode = \"0o17\""), dry.out());
        assertTrue(dry.out().contains("manifests of prod:"), dry.out());
        assertTrue(dry.out().contains("shop-prod-payments-2"), "the ServiceAccount's role annotation changes: " + dry.out());
        assertEquals(prod, tip("prod"));

        assertEquals(0, gitops("tf", "import", "--env", "prod", "--file", changed.toString()).exit());
        Run state = gitops("state", "--ref", "prod", "--env", "prod", "--format", "json");
        assertEquals("0o17", JSON.readTree(state.out()).path("terraform").path("mode").textValue(), state.out());
    }

    @Test
    void tfImport_inputOverTheLoadersLimit_exit2BeforeReadingItAll() throws Exception {
        Path big = tmp.resolve("big.json");
        byte[] filler = new byte[4 * 1024 * 1024 + 1];
        java.util.Arrays.fill(filler, (byte) ' ');
        Files.write(big, filler);
        String prod = tip("prod");
        Run r = gitops("tf", "import", "--env", "prod", "--file", big.toString());
        assertEquals(2, r.exit(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.err().contains("is 4194305 bytes, more than the 4194304 bytes the loader reads from one file"), r.err());
        assertEquals(prod, tip("prod"));
    }

    @Test
    void identity_initAndWritesTakeGitEnvironmentThenRepositoryConfigThenDefault() throws Exception {
        RevCommit initial = commit("dev");
        assertEquals("Init Person <init@example.com>", initial.getAuthorIdent().getName() + " <" + initial.getAuthorIdent().getEmailAddress() + ">");
        assertEquals("Init Bot <bot@example.com>", initial.getCommitterIdent().getName() + " <" + initial.getCommitterIdent().getEmailAddress() + ">");

        try (Git git = Git.open(repo.toFile())) {
            var config = git.getRepository().getConfig();
            config.setString("user", null, "name", "Repo Config");
            config.setString("user", null, "email", "config@example.com");
            config.save();
        }
        Run fromConfig = gitops("tag", "set", "--branch", "prod", "--service", "service_rpps", "--revision", "v1.0.151", "--image", IMAGE_151);
        assertEquals(0, fromConfig.exit(), fromConfig.toString());
        RevCommit c = commit("prod");
        assertEquals("Repo Config", c.getAuthorIdent().getName());
        assertEquals("config@example.com", c.getCommitterIdent().getEmailAddress());

        Run fromEnv = gitops(Map.of("GIT_AUTHOR_NAME", "Env Author", "GIT_COMMITTER_EMAIL", "committer@example.com"),
                "tag", "set", "--branch", "prod", "--service", "service_rpps", "--revision", "v1.0.152", "--image", IMAGE_151 + "2");
        assertEquals(0, fromEnv.exit(), fromEnv.toString());
        RevCommit e = commit("prod");
        assertEquals("Env Author <config@example.com>", e.getAuthorIdent().getName() + " <" + e.getAuthorIdent().getEmailAddress() + ">");
        assertEquals("Repo Config <committer@example.com>",
                e.getCommitterIdent().getName() + " <" + e.getCommitterIdent().getEmailAddress() + ">");
    }

    @Test
    void identity_promotionCommitTakesAuthorAndCommitterApart() throws Exception {
        Run tag = gitops("tag", "set", "--service", "service_rpps", "--revision", "v1.0.152", "--image", IMAGE_151 + "2");
        assertEquals(0, tag.exit(), tag.toString());
        Run r = gitops(Map.of("GIT_AUTHOR_NAME", "Release Manager", "GIT_AUTHOR_EMAIL", "rm@example.com",
                "GIT_COMMITTER_NAME", "Release Bot", "GIT_COMMITTER_EMAIL", "bot@example.com"),
                "promote", "--from", "dev", "--to", "preprod");
        assertEquals(0, r.exit(), r.toString());
        RevCommit c = commit("preprod");
        assertEquals("Release Manager <rm@example.com>", c.getAuthorIdent().getName() + " <" + c.getAuthorIdent().getEmailAddress() + ">");
        assertEquals("Release Bot <bot@example.com>", c.getCommitterIdent().getName() + " <" + c.getCommitterIdent().getEmailAddress() + ">");
    }
}
