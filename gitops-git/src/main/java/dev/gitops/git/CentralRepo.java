package dev.gitops.git;

import dev.gitops.git.internal.Configs;
import dev.gitops.git.internal.DashboardReader;
import dev.gitops.git.internal.Explainer;
import dev.gitops.git.internal.History;
import dev.gitops.git.internal.Identities;
import dev.gitops.git.internal.Promoter;
import dev.gitops.git.internal.RepoCreation;
import dev.gitops.git.internal.RollbackOp;
import dev.gitops.git.internal.SecretSealer;
import dev.gitops.git.internal.StatusReader;
import dev.gitops.git.internal.TagWriter;
import dev.gitops.git.internal.TerraformImporter;
import dev.gitops.git.internal.TagsCache;
import dev.gitops.git.internal.Trees;
import dev.gitops.git.internal.Turns;
import dev.gitops.model.Acknowledgement;
import dev.gitops.model.FileSource;
import dev.gitops.model.GitopsConfig;
import dev.gitops.model.ImageRef;
import dev.gitops.model.PromotionGate;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.RevisionHistory;
import dev.gitops.model.SealingKey;
import dev.gitops.model.RollbackRecord;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A central GitOps repository (bare or with a working tree), read and written through Git objects:
 * nothing is checked out, and branches move only by compare-and-swap.
 *
 * <p>Environment branches come from gitops.yaml; each operation reads it at the commit it works
 * on. Instances are safe to share between threads (the tag write-back is meant for many concurrent
 * CI jobs): threads writing the same branch through one instance take turns, while writers in other
 * instances or processes meet by compare-and-swap. Close the instance when done.
 *
 * <p>Malformed input files surface as the model's {@link dev.gitops.model.StateException} (every
 * problem with file, line and column); I/O failures of the repository itself as
 * {@link RepositoryException}. Everything else is a result value.
 */
public final class CentralRepo implements AutoCloseable {
    private final Repository repo;
    private final Turns turns = new Turns();
    private final TagsCache tagsCache = new TagsCache();

    private CentralRepo(Repository repo) {
        this.repo = repo;
    }

    /**
     * Opens the repository at {@code dir}: a bare repository, or a working tree with {@code .git}.
     * Environment variables ({@code GIT_DIR} and friends) are not consulted.
     *
     * @throws IllegalArgumentException when {@code dir} is not a Git repository
     * @throws RepositoryException when it cannot be read
     * @param dir the repository's folder (a bare repository or a working tree)
     * @return the open repository; close it when done
     */
    public static CentralRepo open(Path dir) {
        File gitDir = RepositoryCache.FileKey.resolve(dir.toFile(), FS.DETECTED);
        if (gitDir == null) {
            throw new IllegalArgumentException("not a Git repository: " + dir.getFileName()
                    + " (hint: pass the central repository's directory, bare or with .git)");
        }
        try {
            return new CentralRepo(new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build());
        } catch (IOException e) {
            throw new RepositoryException("open", "", e.getMessage(), e);
        }
    }

    /**
     * Completes {@code given} from this repository's Git configuration ({@code user.name},
     * {@code user.email}; JGit reads the repository's over the user's and the system's), then
     * {@link Identity#DEFAULT}: the identity every write of the CLI commits with.
     *
     * @param given the name and email given on the command line, if any
     * @return the identity to commit with
     */
    public Identity identity(Identity.Given given) {
        return Identities.resolve(Objects.requireNonNull(given, "given"), repo);
    }

    /**
     * As {@link #identity(Identity.Given)} for a repository that does not exist yet ({@code gitops
     * init}): the user's and the system's Git configuration, then {@link Identity#DEFAULT}.
     *
     * @param given the name and email given on the command line, if any
     * @return the identity to commit with
     */
    public static Identity identityWithoutRepository(Identity.Given given) {
        return Identities.resolveWithoutRepository(Objects.requireNonNull(given, "given"));
    }

    /**
     * Creates a new central repository with a working tree at {@code dir} (created when missing):
     * one branch per entry of {@code branches}, in order. The first branch's commit holds its
     * files; every other branch starts from that commit and replaces them with its own (a file it
     * lacks is removed), so all branches share history and a promotion has a merge base. The first
     * branch is checked out. Each commit, {@code gitops init: <branch>}, is authored and committed
     * by {@code who}. A new repository has no branch anybody else writes, so no compare-and-swap is
     * involved.
     *
     * @param dir the folder of the new repository: absent, or an empty folder
     * @param branches the branches with their files, the first one checked out
     * @param who author and committer of every commit
     * @throws IllegalArgumentException when {@code branches} is empty, names a branch twice or a
     *         branch that Git's rules refuse, or {@code dir} is a file or a folder that is not empty
     * @throws IOException when a file cannot be written (the file system's exception, naming the
     *         file) or Git fails (a message starting with {@code git: })
     */
    public static void create(Path dir, List<InitialBranch> branches, Identity who) throws IOException {
        RepoCreation.create(Objects.requireNonNull(dir, "dir"), List.copyOf(branches), Objects.requireNonNull(who, "who"));
    }

    /**
     * Whether the repository has no working tree.
     *
     * @return true for a bare repository
     */
    public boolean isBare() {
        return repo.isBare();
    }

    /**
     * The files of a commit, without a checkout: a branch, tag, commit id or expression such as
     * {@code dev~1}. Valid while this instance is open.
     *
     * @throws IllegalArgumentException when {@code ref} names no commit
     * @param ref a branch, tag, commit id or revision expression
     * @return the commit's files
     */
    public FileSource files(String ref) {
        return withWalk("read files", ref, w -> Trees.files(repo, commit(w, ref), ref));
    }

    /**
     * Every input file at {@code ref}, with {@code Provenance.commit(ref, id)}.
     *
     * @throws IllegalArgumentException when {@code ref} names no commit
     * @throws dev.gitops.model.StateException when an input file is malformed
     * @param ref a branch, tag, commit id or revision expression
     * @return every input file of the commit, parsed and checked
     */
    public RepoSnapshot snapshot(String ref) {
        return withWalk("read snapshot", ref, w -> Trees.snapshot(repo, commit(w, ref), ref));
    }

    /**
     * Records {@code service -> revision -> image} in tags.yaml (CI's write-back), editing the file in
     * place, committing in memory and moving the branch by compare-and-swap (retrying lost races).
     * Idempotent: an existing identical mapping is {@link TagResult.NoChange}.
     *
     * @throws IllegalArgumentException when a name is blank or the image is not an image reference
     * @param service the service's name
     * @param revision the revision CI built
     * @param image the image reference CI pushed
     * @param options the branch, the message and the retry policy
     * @return what happened: recorded, no change, or refused with the reason
     */
    public TagResult recordTag(String service, String revision, String image, TagOptions options) {
        requireName("service", service);
        requireName("revision", revision);
        new ImageRef(image);
        Objects.requireNonNull(options, "options");
        String branch;
        if (options.branch().isPresent()) {
            branch = options.branch().get();
        } else {
            Optional<String> b = defaultBranch();
            if (b.isEmpty()) {
                return new TagResult.Refused("cannot tell which branch to write: HEAD names no commit "
                        + "and no branch was given (hint: pass --branch)");
            }
            branch = b.get();
        }
        try {
            return TagWriter.write(repo, turns, tagsCache, branch, service, revision, image, options);
        } catch (IOException e) {
            throw new RepositoryException("record tag", branch, e.getMessage(), e);
        }
    }

    /**
     * Promotes environment {@code from} into {@code to} (the next environment) as a snapshot: the
     * target's new tree is {@code from}'s files with the target's own env-&lt;env&gt;.yaml files
     * (absence included) and tags.yaml as the union of both registries, committed as a merge with
     * both tips as parents. With {@link PromoteOptions#services()}, only those services' entries of
     * the target's section change (one parent). The gate sees the candidate with every commit the
     * target has that the source lacks; the target (or the new pull-request branch) moves only when
     * it allows, by compare-and-swap on the tip it judged.
     *
     * @throws dev.gitops.model.StateException when an input file of either side is malformed
     * @param from the source environment
     * @param to the target environment, the one after {@code from}
     * @param gate judges the candidate before any branch moves
     * @param options services, acknowledgements, dry run, pull-request branch
     * @return what happened: promoted, blocked, nothing to promote, or refused with the reason
     */
    public PromotionResult promote(String from, String to, PromotionGate gate, PromoteOptions options) {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(options, "options");
        try {
            return Promoter.promote(repo, turns, from, to, gate, options);
        } catch (IOException e) {
            throw new RepositoryException("promote", from + " -> " + to, e.getMessage(), e);
        }
    }

    /**
     * Why {@code name} cannot be the pull-request branch of a promotion, or empty when it can: it
     * must be a valid Git branch name by Git's own rules ({@code refs/heads/<name>}), must not look
     * like an option or a full ref ({@code -x}, {@code refs/heads/prod}, {@code HEAD}), and must not
     * be an environment's branch (gitops.yaml at HEAD).
     *
     * @param name a proposed pull-request branch name
     * @return why it cannot be used, or empty when it can
     */
    public Optional<String> pullRequestBranchProblem(String name) {
        Objects.requireNonNull(name, "name");
        try (RevWalk w = new RevWalk(repo)) {
            return Promoter.pullRequestBranchProblem(repo, w, name);
        } catch (IOException e) {
            throw new RepositoryException("check branch name", name, e.getMessage(), e);
        }
    }

    /**
     * Carries changes made directly on environment {@code from}'s branch (an emergency fix on prod)
     * back to {@code to}, the environment before it: each such commit is applied to {@code to} as a
     * cherry-pick with env files and tags.yaml held at {@code to}'s, tags.yaml gains {@code from}'s
     * extra entries, the gate judges the result like a promotion, and {@code to} moves by
     * compare-and-swap with a commit whose parents are both tips. Rollbacks and promotions on
     * {@code from} are not carried. {@link PromoteOptions#services()} must be empty.
     *
     * @throws dev.gitops.model.StateException when an input file of either side is malformed
     * @param from the environment the direct changes were made on
     * @param to the environment before it
     * @param gate judges the result like a promotion
     * @param options acknowledgements, dry run, pull-request branch (no services)
     * @return what happened, as for a promotion
     */
    public PromotionResult backport(String from, String to, PromotionGate gate, PromoteOptions options) {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(options, "options");
        try {
            return Promoter.backport(repo, turns, from, to, gate, options);
        } catch (IOException e) {
            throw new RepositoryException("backport", from + " -> " + to, e.getMessage(), e);
        }
    }

    /**
     * Previews the whole chain for a pull request: {@code head} (default: the first environment's
     * tip) is promoted in memory into the second environment's branch, that result into the third's,
     * and so on through {@code through} (default: the last environment), each step a snapshot
     * promotion onto the real target branch (its env file, its history, its own commits) judged by
     * {@code gate}. No branch moves; the trees built are unreferenced objects that {@code git gc}
     * removes.
     *
     * @throws IllegalArgumentException when {@code head} names no commit or {@code through} is not
     *     an environment after the first
     * @throws dev.gitops.model.StateException when an input file is malformed
     * @param head the commit to promote; absent: the first environment's tip
     * @param through the last environment to promote into; absent: the last environment
     * @param gate judges each step
     * @return each step's verdict and report
     */
    public Preview preview(Optional<String> head, Optional<String> through, PromotionGate gate) {
        Objects.requireNonNull(gate, "gate");
        try {
            return Promoter.preview(repo, head, through, gate, PromoteOptions.DEFAULT_HISTORY_LIMIT);
        } catch (IOException e) {
            throw new RepositoryException("preview", head.orElse("HEAD"), e.getMessage(), e);
        }
    }

    /**
     * Judges a merge or pull-request head made outside the tool: the target's tip is the state
     * before, {@code headRef} the state after, and the previous environment's branch the source.
     *
     * @throws IllegalArgumentException when {@code to} is unknown or the first environment, or a
     *     branch or {@code headRef} does not exist
     * @throws dev.gitops.model.StateException when an input file is malformed
     * @param to the target environment
     * @param headRef the merge or pull-request head to judge
     * @param gate judges the candidate
     * @return the verdict and report
     */
    public CheckResult check(String to, String headRef, PromotionGate gate) {
        return check(to, headRef, gate, List.of());
    }

    /**
     * As {@link #check(String, String, PromotionGate)}, with acknowledgements passed to the gate.
     *
     * @param to the target environment
     * @param headRef the merge or pull-request head to judge
     * @param gate judges the candidate
     * @param acknowledgements rules the user acknowledged, each with a reason
     * @return the verdict and report
     */
    public CheckResult check(String to, String headRef, PromotionGate gate, List<Acknowledgement> acknowledgements) {
        Objects.requireNonNull(gate, "gate");
        try {
            return Promoter.check(repo, to, headRef, gate, acknowledgements, PromoteOptions.DEFAULT_HISTORY_LIMIT);
        } catch (IOException e) {
            throw new RepositoryException("check", to + " <- " + headRef, e.getMessage(), e);
        }
    }

    /**
     * What ran in {@code env}'s own section along its branch's first-parent history (at most
     * {@code limit} commits): the revision history a promotion hands to the gate.
     *
     * @throws IllegalArgumentException when the environment or its branch does not exist
     * @param env an environment name
     * @param limit the most commits to read
     * @return service -> images that ran, oldest first
     */
    public RevisionHistory history(String env, int limit) {
        try {
            return History.ofEnvironment(repo, env, limit);
        } catch (IOException e) {
            throw new RepositoryException("history", env, e.getMessage(), e);
        }
    }

    /**
     * Reverts the tip commit of {@code env}'s branch (a merge by its first parent), validates the
     * result with {@code validator}, and commits with a {@code Rolled-Back: <service> <revision>}
     * trailer per service whose revision changes back. Never touches another branch.
     *
     * @param env the environment to roll back
     * @param validator judges the rolled-back state before the branch moves
     * @param options the message, dry run and the retry policy
     * @return what happened: rolled back, refused by the validator, or nothing to roll back
     */
    public RollbackResult rollback(String env, RollbackValidator validator, RollbackOptions options) {
        Objects.requireNonNull(validator, "validator");
        Objects.requireNonNull(options, "options");
        try {
            return RollbackOp.rollback(repo, turns, env, validator, options);
        } catch (IOException e) {
            throw new RepositoryException("rollback", env, e.getMessage(), e);
        }
    }

    /**
     * The rollbacks recorded on {@code env}'s branch (its first-parent history), newest first.
     *
     * @throws IllegalArgumentException when the environment or its branch does not exist
     * @param env an environment name
     * @return the rollbacks recorded on its branch, newest first
     */
    public List<RollbackRecord> rollbacks(String env) {
        try {
            return RollbackOp.records(repo, env);
        } catch (IOException e) {
            throw new RepositoryException("read rollbacks", env, e.getMessage(), e);
        }
    }

    /**
     * Writes {@code terraform output -json} of {@code env} to its env-&lt;env&gt;.yaml, directly on
     * the environment's branch, after {@code gate} judged the branch with the new file. Sensitive
     * outputs are refused (by name, never by value) unless {@link TerraformOptions#skipSensitive()};
     * input or a written file larger than {@link TerraformOptions#limits()} is refused before it is
     * parsed or written; the written file must load back with exactly the values and types given.
     *
     * @param env the environment
     * @param terraformOutputJson the bytes of {@code terraform output -json}
     * @param gate judges the branch with the new file
     * @param options limits, sensitive outputs, acknowledgements, dry run
     * @return what happened: imported, no change, blocked or refused with the reason
     */
    public TerraformImportResult importTerraform(String env, byte[] terraformOutputJson, TerraformGate gate,
                                                 TerraformOptions options) {
        Objects.requireNonNull(terraformOutputJson, "terraformOutputJson");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(options, "options");
        try {
            return TerraformImporter.importOutputs(repo, turns, env, terraformOutputJson, gate, options);
        } catch (IOException e) {
            throw new RepositoryException("terraform import", env, e.getMessage(), e);
        }
    }

    /**
     * As {@link #importTerraform(String, byte[], TerraformGate, TerraformOptions)} judged only by
     * the loader ({@link TerraformGate#loadsOnly()}): for callers without a renderer.
     *
     * @param env the environment
     * @param terraformOutputJson the bytes of {@code terraform output -json}
     * @param options limits, sensitive outputs, dry run
     * @return what happened
     */
    public TerraformImportResult importTerraform(String env, byte[] terraformOutputJson, TerraformOptions options) {
        return importTerraform(env, terraformOutputJson, TerraformGate.loadsOnly(), options);
    }

    /**
     * Seals {@code secrets} with the controller's public {@code key} into {@code env}'s section of
     * secrets.yaml, on the first environment's (dev) branch, in one commit moved by
     * compare-and-swap (retrying lost races, as {@link #recordTag} does). With a digest key in the
     * options, a value whose plaintext did not change keeps its ciphertext. In batch mode
     * ({@link SealOptions#replaceEnvironment()}) the section becomes exactly {@code secrets}.
     * No value is ever written anywhere but as ciphertext, nor put into a message or result.
     *
     * @throws IllegalArgumentException when two secrets have the same name
     * @param env the environment whose section is written
     * @param key the controller's public key
     * @param secrets the secrets to seal, each with its plaintext values
     * @param options the digest key, batch mode, dry run and the retry policy
     * @return what happened: sealed, no change, or refused with the reason
     */
    public SealResult seal(String env, SealingKey key, List<SecretToSeal> secrets, SealOptions options) {
        requireName("environment", env);
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(options, "options");
        java.util.Set<String> names = new java.util.HashSet<>();
        for (SecretToSeal s : secrets) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("secret " + s.name() + " is given twice");
            }
        }
        Optional<String> branch = defaultBranch();
        if (branch.isEmpty()) {
            return new SealResult.Refused("cannot tell which branch to write: HEAD names no commit");
        }
        try {
            return SecretSealer.seal(repo, turns, branch.get(), env, key, List.copyOf(secrets), options);
        } catch (IOException e) {
            throw new RepositoryException("seal", branch.get(), e.getMessage(), e);
        }
    }

    /**
     * The status matrix over every environment's branch. gitops.yaml is read at {@code HEAD} (or,
     * when HEAD names no commit, at the first branch found).
     *
     * @return every environment's revision of every service, with pending promotions
     */
    public StatusMatrix status() {
        try {
            return StatusReader.status(repo);
        } catch (IOException e) {
            throw new RepositoryException("status", "", e.getMessage(), e);
        }
    }

    /**
     * The release dashboard: the {@link #status() status matrix}, each environment branch's tip
     * (time, author, pull request), gitops.yaml's links, and for every adjacent pair of environments
     * the judgement of {@link #promote} as a dry run with {@code gate}: the same code and the same
     * gate as {@code promote --dry-run}, so a BLOCKED cell gives the reasons that command gives. A
     * pair whose input files do not load is reported as not judged (with the problems), not thrown.
     * Nothing moves.
     *
     * @param gate the promotion gate (the CLI passes the policy)
     * @return the dashboard
     */
    public Dashboard dashboard(PromotionGate gate) {
        Objects.requireNonNull(gate, "gate");
        StatusMatrix m = status();
        List<Dashboard.Step> steps = new java.util.ArrayList<>();
        PromoteOptions dryRun = PromoteOptions.defaults().withDryRun(true);
        for (int i = 0; i + 1 < m.environments().size(); i++) {
            String from = m.environments().get(i).name();
            String to = m.environments().get(i + 1).name();
            try {
                steps.add(new Dashboard.Step(from, to, promote(from, to, gate, dryRun)));
            } catch (dev.gitops.model.StateException e) {
                steps.add(DashboardReader.unreadable(from, to, e.problems().stream()
                        .map(dev.gitops.model.Problem::format).collect(java.util.stream.Collectors.joining("\n"))));
            }
        }
        try {
            return DashboardReader.read(repo, m, steps);
        } catch (IOException e) {
            throw new RepositoryException("dashboard", "", e.getMessage(), e);
        }
    }

    /**
     * gitops.yaml as read at {@code HEAD} (or, when HEAD names no commit, at the first branch).
     *
     * @return the settings, defaults for what it does not say
     * @throws IllegalArgumentException when the repository has no commits at all
     */
    public GitopsConfig config() {
        return withWalk("read gitops.yaml", "HEAD", w -> Configs.atHead(repo, w));
    }

    /**
     * The repository's name as people call it: its folder, without {@code .git}.
     *
     * @return e.g. {@code central} for {@code central.git}
     */
    public String name() {
        return DashboardReader.name(repo);
    }

    /**
     * Where the value at {@code pointer} of {@code env}'s state comes from: every contributing file
     * and line, each with the commit that last changed it.
     *
     * @param ref the commit to read; absent: the working tree (blame then covers committed lines only)
     * @throws IllegalArgumentException when {@code ref} names no commit, or the working tree is
     *     asked of a bare repository
     * @throws dev.gitops.model.StateException when an input file is malformed
     * @param env an environment name
     * @param pointer a JSON pointer into the environment's state, e.g. {@code /services/service_rpps/replicas}
     * @return the value's files, lines and commits
     */
    public Explanation explain(String env, Optional<String> ref, String pointer) {
        try {
            return Explainer.explain(repo, env, ref, pointer);
        } catch (IOException e) {
            throw new RepositoryException("explain", ref.orElse("working tree"), e.getMessage(), e);
        }
    }

    /**
     * Explains a value of a snapshot that is not in Git (any directory): locations only, no commits.
     *
     * @param snapshot the files read
     * @param env an environment name
     * @param pointer a JSON pointer into the environment's state
     * @return the value's files and lines
     */
    public static Explanation explain(RepoSnapshot snapshot, String env, String pointer) {
        return Explainer.explain(snapshot, env, pointer);
    }

    @Override
    public void close() {
        repo.close();
    }

    private Optional<String> defaultBranch() {
        try (RevWalk w = new RevWalk(repo)) {
            Optional<RevCommit> head = Trees.resolve(repo, w, "HEAD");
            if (head.isEmpty()) {
                return Optional.empty();
            }
            var config = Trees.config(repo, head.get(), "HEAD");
            return config.environments().isEmpty() ? Optional.empty() : Optional.of(config.environments().get(0).branch());
        } catch (IOException e) {
            throw new RepositoryException("read gitops.yaml", "HEAD", e.getMessage(), e);
        }
    }

    private RevCommit commit(RevWalk w, String ref) throws IOException {
        return Trees.resolve(repo, w, ref)
                .orElseThrow(() -> new IllegalArgumentException("no commit named '" + ref + "' in the repository"));
    }

    private interface WalkFn<T> {
        T apply(RevWalk w) throws IOException;
    }

    private <T> T withWalk(String op, String ref, WalkFn<T> fn) {
        try (RevWalk w = new RevWalk(repo)) {
            return fn.apply(w);
        } catch (IOException e) {
            throw new RepositoryException(op, ref, e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new RepositoryException(op, ref, e.getCause().getMessage(), e.getCause());
        }
    }

    private static void requireName(String what, String s) {
        Objects.requireNonNull(s, what);
        if (s.isBlank() || s.chars().anyMatch(c -> c == '\n' || c == '\r' || c == '\t')) {
            throw new IllegalArgumentException("not a usable " + what + ": '" + s + "'");
        }
    }

}
