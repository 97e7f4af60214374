package dev.gitops.testkit.internal;

import dev.gitops.model.FileSource;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Generated input files over a repository's templates: the input files at the root
 * (gitops.yaml, control-center.yaml, tags.yaml, secrets.yaml, env-*.yaml) come only from the
 * generated side, so a real repository's own inputs never leak into a property run; every other
 * path (templates, jsonnet-bundler vendor folders, libraries) comes from the template side.
 */
public final class OverlayFileSource implements FileSource {
    private final FileSource inputs;
    private final FileSource templates;

    public OverlayFileSource(FileSource inputs, FileSource templates) {
        this.inputs = inputs;
        this.templates = templates;
    }

    /** Whether {@code path} is one of the input files the generator owns. */
    public static boolean isInput(String path) {
        return path.equals("gitops.yaml") || path.equals("control-center.yaml") || path.equals("tags.yaml")
                || path.equals("secrets.yaml") || (path.startsWith("env-") && path.endsWith(".yaml") && path.indexOf('/') < 0);
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        return isInput(path) ? inputs.read(path) : templates.read(path);
    }

    @Override
    public boolean isDirectory(String path) {
        return !isInput(path) && (templates.isDirectory(path) || inputs.isDirectory(path));
    }

    @Override
    public List<String> list(String dir) {
        TreeSet<String> names = new TreeSet<>();
        for (String n : templates.list(dir)) {
            if (!(dir.isEmpty() && isInput(n))) {
                names.add(n);
            }
        }
        for (String n : inputs.list(dir)) {
            if (!dir.isEmpty() || isInput(n)) {
                names.add(n);
            }
        }
        return List.copyOf(names);
    }

    @Override
    public Optional<String> resolve(String path) {
        return isInput(path) ? inputs.resolve(path) : templates.resolve(path);
    }

    @Override
    public String describe() {
        return "generated inputs over " + templates.describe();
    }
}
