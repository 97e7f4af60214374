/**
 * The typed State of a central GitOps repository: the input files as immutable records
 * ({@link dev.gitops.model.RepoSnapshot}), one environment resolved
 * ({@link dev.gitops.model.State}), the loaders ({@link dev.gitops.model.RepoLoader}), where bytes
 * come from ({@link dev.gitops.model.FileSource}), location-aware errors
 * ({@link dev.gitops.model.StateException}), the template API
 * ({@link dev.gitops.model.TemplateApi}) and the promotion types shared by gitops-git and
 * gitops-policy.
 */
package dev.gitops.model;
