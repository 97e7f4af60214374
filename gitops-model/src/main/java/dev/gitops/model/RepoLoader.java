package dev.gitops.model;

import dev.gitops.model.internal.SnapshotLoader;

/**
 * Loads a central repository's input files into a {@link RepoSnapshot}.
 *
 * <pre>{@code
 * RepoSnapshot snap = RepoLoader.load(FileSource.directory(Path.of("examples/central-repo")),
 *                                     Provenance.workingTree());
 * State dev = snap.resolve("dev");
 * }</pre>
 */
public final class RepoLoader {
    private RepoLoader() {}

    /**
     * Reads and checks every input file: gitops.yaml (optional), control-center.yaml (required),
     * tags.yaml, secrets.yaml and every env-&lt;env&gt;.yaml present.
     *
     * @throws StateException carrying every structural problem found in any file (syntax, types,
     *     schema, duplicate keys, hostile input), each with file, line, column, pointer and hint
     * @param source where the files are (a directory, a commit, a map)
     * @param provenance where the snapshot was read, for messages and reports
     * @return the snapshot, every file parsed and checked
     */
    public static RepoSnapshot load(FileSource source, Provenance provenance) {
        return SnapshotLoader.load(source, provenance, LoadLimits.DEFAULT);
    }

    /**
     * As {@link #load(FileSource, Provenance)}, with explicit limits against hostile input.
     *
     * @param source where the files are
     * @param provenance where the snapshot was read
     * @param limits the bounds on size, depth and aliases
     * @return the snapshot
     * @throws StateException carrying every structural problem found, as for {@link #load(FileSource, Provenance)}
     */
    public static RepoSnapshot load(FileSource source, Provenance provenance, LoadLimits limits) {
        return SnapshotLoader.load(source, provenance, limits);
    }

    /**
     * Does ahead what the first {@link #load} of a process does once: starts the YAML, JSON and
     * schema libraries and compiles the shipped schemas every load validates with, by loading a
     * small repository held in memory. A one-shot process (the Argo CD plugin's cold path) calls it
     * on another thread while its own thread finds and reads the files; a load that needs a schema
     * still being compiled waits for it. Thread-safe; it reads no file and changes no result.
     */
    public static void prepare() {
        SnapshotLoader.prepare();
    }

    /**
     * Reads gitops.yaml alone (its defaults when absent): the CLI, the Argo CD plugin and gitops-git
     * need branch names and file names before they read anything else.
     *
     * @throws StateException when gitops.yaml is present and malformed
     * @param source where the files are
     * @return the settings
     */
    public static GitopsConfig loadConfig(FileSource source) {
        return SnapshotLoader.loadConfig(source, LoadLimits.DEFAULT);
    }
}
