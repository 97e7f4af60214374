/**
 * Jsonnet evaluation with sjsonnet 0.4.9 made to behave as go-jsonnet: one request
 * ({@link dev.gitops.jsonnet.JsonnetRequest}), one call ({@link dev.gitops.jsonnet.Jsonnet#evaluate}),
 * a result that is a model value or problems with positions ({@link dev.gitops.jsonnet.JsonnetResult}),
 * and the {@code jsonnet} command's output formats ({@link dev.gitops.jsonnet.JsonnetOutput}).
 * No sjsonnet or Scala type appears here; everything of sjsonnet's lives in {@code internal}.
 */
package dev.gitops.jsonnet;
