/**
 * The API of gitops-git. {@link dev.gitops.git.CentralRepo} is the entry point: open a repository
 * (bare or not) and read a {@link dev.gitops.model.RepoSnapshot} at any ref, record CI tags,
 * promote, roll back, import Terraform outputs, read the status matrix and explain a value.
 *
 * <p>Writes never touch a working tree unless the branch written is checked out there (then only
 * when it is clean). Every branch moves by compare-and-swap; expected outcomes (no change, refusal,
 * conflict, blocked promotion, lost races) are returned as values of sealed result types, never
 * thrown. Malformed input files surface as the model's {@link dev.gitops.model.StateException};
 * repository I/O failures as {@link dev.gitops.git.RepositoryException}.
 *
 * <pre>{@code
 * try (CentralRepo repo = CentralRepo.open(Path.of("central.git"))) {
 *     TagResult r = repo.recordTag("service_rpps", "v1.0.150",
 *             "123456789012.dkr.ecr.us-east-1.amazonaws.com/service_rpps:59", TagOptions.defaults());
 *     PromotionResult p = repo.promote("dev", "preprod", gate, PromoteOptions.defaults());
 * }
 * }</pre>
 */
package dev.gitops.git;
