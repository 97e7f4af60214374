package dev.gitops.git;

import dev.gitops.git.internal.DashboardRender;
import dev.gitops.model.GitopsConfig;
import dev.gitops.model.PromotionVerdict;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The release dashboard: the status matrix (per service and environment what runs and what is
 * pending), each environment branch's tip (time, author, pull request), and for every promotion of
 * the pipeline the judgement {@code promote --dry-run} gives, from the same code with the gate the
 * caller passes in. Read-only: nothing moves.
 *
 * @param repository the repository's name (its folder, without {@code .git})
 * @param matrix service x environment, environments in gitops.yaml's promotion order
 * @param tips the tip of every environment branch that exists, in promotion order
 * @param steps one per adjacent pair of environments (dev -> preprod, preprod -> prod), in order
 * @param links gitops.yaml's address templates for commits and pull requests
 */
public record Dashboard(String repository, StatusMatrix matrix, List<Tip> tips, List<Step> steps,
                        GitopsConfig.Links links) {
    /**
     * Copies the lists and checks that nothing is null.
     *
     * @param repository the repository's name
     * @param matrix service x environment
     * @param tips the tip of every environment branch that exists
     * @param steps one per adjacent pair of environments
     * @param links gitops.yaml's address templates
     */
    public Dashboard {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(matrix, "matrix");
        tips = List.copyOf(tips);
        steps = List.copyOf(steps);
        Objects.requireNonNull(links, "links");
    }

    /**
     * The tip commit of one environment branch.
     *
     * @param environment the environment
     * @param commit the full commit id
     * @param author the author's name
     * @param time when it was authored
     * @param summary the first line of its message
     * @param pullRequest the pull (merge) request it merged, when its message names one the way
     *     GitHub, GitLab or Bitbucket write merge commits
     */
    public record Tip(String environment, String commit, String author, Instant time, String summary,
                      Optional<Integer> pullRequest) {
        /**
         * Checks that nothing is null.
         *
         * @param environment the environment
         * @param commit the full commit id
         * @param author the author's name
         * @param time when it was authored
         * @param summary the first line of its message
         * @param pullRequest the pull (merge) request it merged, if its message names one
         */
        public Tip {
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(commit, "commit");
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(pullRequest, "pullRequest");
        }
    }

    /**
     * One promotion of the pipeline and what a dry run of it says.
     *
     * @param from the source environment
     * @param to the next environment
     * @param judgement the result of {@link CentralRepo#promote} as a dry run: {@code DryRun} (allowed
     *     or not), {@code NothingToPromote}, or why it cannot be judged ({@code Refused}, {@code Conflict})
     */
    public record Step(String from, String to, PromotionResult judgement) {
        /**
         * Checks that nothing is null.
         *
         * @param from the source environment
         * @param to the next environment
         * @param judgement the result of the dry run
         */
        public Step {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(judgement, "judgement");
        }

        /**
         * The gate's verdict, when the promotion was judged.
         *
         * @return the verdict of a dry run or a block; empty when there was nothing to judge
         */
        public Optional<PromotionVerdict> verdict() {
            if (judgement instanceof PromotionResult.DryRun d) {
                return Optional.of(d.verdict());
            }
            if (judgement instanceof PromotionResult.Blocked b) {
                return Optional.of(b.verdict());
            }
            return Optional.empty();
        }

        /**
         * Whether the gate would block this promotion.
         *
         * @return true when it was judged and not allowed
         */
        public boolean blocked() {
            return verdict().map(v -> !v.allowed()).orElse(false);
        }
    }

    /**
     * The tip of an environment's branch.
     *
     * @param environment the environment
     * @return its tip; empty when the branch does not exist
     */
    public Optional<Tip> tip(String environment) {
        return tips.stream().filter(t -> t.environment().equals(environment)).findFirst();
    }

    /**
     * The promotion into an environment.
     *
     * @param environment the environment promoted into
     * @return the step; empty for the first environment
     */
    public Optional<Step> stepInto(String environment) {
        return steps.stream().filter(s -> s.to().equals(environment)).findFirst();
    }

    /**
     * The dashboard as one self-contained HTML page ({@link HtmlPage}): the pipeline table (a row
     * per service, a column per environment), each cell's revision with its short image tag (full
     * reference on hover), what is pending, BLOCKED cells with the gate's reasons, rolled-back
     * revisions marked; each column's tip with time, author and links; then one section per
     * promotion with the same content as {@code promote --dry-run --format html}.
     *
     * @return the page
     */
    public String toHtml() {
        return DashboardRender.page(this);
    }

    /**
     * One promotion's report as a page with the dashboard's look: its verdict, the blocking
     * reasons, the version changes and the gate's full report.
     *
     * @param repository the repository's name
     * @param step the promotion and its judgement
     * @return the page
     */
    public static String promotionPage(String repository, Step step) {
        return DashboardRender.promotionPage(repository, step);
    }
}
