package dev.gitops.testkit;

import dev.gitops.model.FileSource;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoLoader;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.State;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The input files of one generated central repository (path -> bytes), with the environments and
 * services it was generated with and a description of how it was made ("valid repository",
 * "control-center.yaml: 3 bytes deleted at 120"). Immutable. Its {@link #toString()} lists every file,
 * so a QuickTheories failure report shows the whole repository that failed.
 */
public final class GeneratedRepo {
    private final Map<String, byte[]> files;
    private final List<String> environments;
    private final List<String> services;
    private final String description;

    private GeneratedRepo(Map<String, byte[]> files, List<String> environments, List<String> services, String description) {
        TreeMap<String, byte[]> copy = new TreeMap<>();
        files.forEach((p, b) -> copy.put(Objects.requireNonNull(p, "path"), Objects.requireNonNull(b, "content").clone()));
        this.files = Collections.unmodifiableMap(copy);
        this.environments = List.copyOf(environments);
        this.services = List.copyOf(services);
        this.description = Objects.requireNonNull(description, "description");
    }

    /**
     * A repository from any files (the environment and service lists are empty: they are only
     * known for generated repositories).
     *
     * @param files path -> content; copied
     * @param description how the repository was made, for failure reports
     * @return the repository
     */
    public static GeneratedRepo of(Map<String, byte[]> files, String description) {
        return new GeneratedRepo(files, List.of(), List.of(), description);
    }

    /** Used by the generators. */
    static GeneratedRepo of(Map<String, byte[]> files, List<String> environments, List<String> services, String description) {
        return new GeneratedRepo(files, environments, services, description);
    }

    /**
     * path -> content, sorted by path. The arrays are copies: changing them changes nothing here.
     *
     * @return path -> a copy of the content
     */
    public Map<String, byte[]> files() {
        TreeMap<String, byte[]> copy = new TreeMap<>();
        files.forEach((p, b) -> copy.put(p, b.clone()));
        return copy;
    }

    /**
     * The file paths, sorted.
     *
     * @return the paths
     */
    public List<String> paths() {
        return List.copyOf(files.keySet());
    }

    /**
     * The content of one file.
     *
     * @param path a file path
     * @return a copy of the content, or empty when there is no such file
     */
    public Optional<byte[]> bytes(String path) {
        return Optional.ofNullable(files.get(path)).map(byte[]::clone);
    }

    /**
     * The content of one file as UTF-8 text (malformed bytes replaced).
     *
     * @param path a file path
     * @return the text, or empty when there is no such file
     */
    public Optional<String> text(String path) {
        return Optional.ofNullable(files.get(path)).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /**
     * Environments in promotion order (empty for a repository made with {@link #of(Map, String)}).
     *
     * @return the environment names
     */
    public List<String> environments() {
        return environments;
    }

    /**
     * Service names, first environment first (empty for a repository made with {@link #of(Map, String)}).
     *
     * @return the service names
     */
    public List<String> services() {
        return services;
    }

    /**
     * How the repository was made.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * The files as an in-memory {@link FileSource}.
     *
     * @return the source
     */
    public FileSource source() {
        return FileSource.inMemory(files);
    }

    /**
     * Loads the files with {@link RepoLoader#load(FileSource, Provenance)} as a working tree.
     *
     * @throws dev.gitops.model.StateException when the files are not a valid repository
     * @return the snapshot
     */
    public RepoSnapshot load() {
        return RepoLoader.load(source(), Provenance.workingTree());
    }

    /**
     * Loads the files and resolves one environment.
     *
     * @throws dev.gitops.model.StateException when the files are not a valid repository or the
     *     environment cannot be resolved
     * @param environment an environment name
     * @return the resolved State
     */
    public State state(String environment) {
        return load().resolve(environment);
    }

    /**
     * A copy with one file added or replaced, and a new description.
     *
     * @param path the file's path
     * @param content its content
     * @param newDescription how the copy differs
     * @return the copy
     */
    public GeneratedRepo withFile(String path, byte[] content, String newDescription) {
        TreeMap<String, byte[]> m = new TreeMap<>(files);
        m.put(path, content);
        return new GeneratedRepo(m, environments, services, newDescription);
    }

    /**
     * A copy without one file, and a new description.
     *
     * @param path the file's path
     * @param newDescription how the copy differs
     * @return the copy
     */
    public GeneratedRepo withoutFile(String path, String newDescription) {
        TreeMap<String, byte[]> m = new TreeMap<>(files);
        m.remove(path);
        return new GeneratedRepo(m, environments, services, newDescription);
    }

    /**
     * Writes every file under {@code dir} (for tools that read a directory, such as the CLI).
     *
     * @param dir an existing directory
     * @throws java.io.UncheckedIOException when a file cannot be written
     */
    public void writeTo(Path dir) {
        try {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The description, then every file with its content (bytes that are not UTF-8 shown as {@code \xNN}). */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(description).append(" (environments ").append(environments)
                .append(", services ").append(services).append(")\n");
        files.forEach((p, c) -> b.append("=== ").append(p).append(" ===\n").append(printable(c))
                .append(c.length > 0 && c[c.length - 1] == '\n' ? "" : "\n(no newline at end)\n"));
        return b.toString();
    }

    static String printable(byte[] c) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(c)).toString()
                    .replace("\t", "\\t").replace("\0", "\\0");
        } catch (CharacterCodingException e) {
            StringBuilder b = new StringBuilder();
            for (byte x : c) {
                if (x >= 0x20 && x < 0x7f || x == '\n') {
                    b.append((char) x);
                } else {
                    b.append(String.format("\\x%02x", x & 0xff));
                }
            }
            return b.toString();
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GeneratedRepo g) || !g.files.keySet().equals(files.keySet())) {
            return false;
        }
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            if (!Arrays.equals(e.getValue(), g.files.get(e.getKey()))) {
                return false;
            }
        }
        return environments.equals(g.environments) && services.equals(g.services) && description.equals(g.description);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(environments, services, description);
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            h = 31 * h + e.getKey().hashCode() * 17 + Arrays.hashCode(e.getValue());
        }
        return h;
    }
}
