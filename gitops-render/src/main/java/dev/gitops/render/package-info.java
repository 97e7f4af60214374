/**
 * Pure rendering of a {@link dev.gitops.model.State} into Kubernetes manifests:
 * {@link dev.gitops.render.Renderer} and {@link dev.gitops.render.Manifests}. The templates are
 * evaluated by gitops-jsonnet ({@code dev.gitops.jsonnet}); this module keeps the pipeline and the
 * built-in templates.
 */
package dev.gitops.render;
