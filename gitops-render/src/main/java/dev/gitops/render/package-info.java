/**
 * Pure rendering of a {@link dev.gitops.model.State} into Kubernetes manifests with sjsonnet:
 * {@link dev.gitops.render.Renderer}, {@link dev.gitops.render.Manifests}, and
 * {@link dev.gitops.render.Jsonnet} for evaluating any Jsonnet file with the same engine.
 */
package dev.gitops.render;
