/**
 * The {@code gitops} command line and Argo CD Config Management Plugin entry point
 * ({@link dev.gitops.cli.Main}). A thin adapter: parse arguments and environment, make one library
 * call, print. Everything else lives in {@code dev.gitops.cli.internal}.
 */
package dev.gitops.cli;
