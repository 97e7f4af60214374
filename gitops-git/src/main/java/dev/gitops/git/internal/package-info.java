/**
 * Internals of gitops-git: the Git tree file source, in-memory commits, the compare-and-swap write
 * loop, the in-place tags.yaml editor and the operations behind {@link dev.gitops.git.CentralRepo}.
 * Not exported.
 */
package dev.gitops.git.internal;
