package dev.gitops.render.internal.pipeline;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import dev.gitops.model.YamlScalars;

/**
 * Jackson's quoting hook for the canonical YAML: a string is double-quoted when the project's rule
 * ({@link YamlScalars#resolvesAsNonString}) says some YAML 1.1 or 1.2 reader would read it plain as
 * something else, or when Jackson's own check asks for it. Jackson's default check alone knows
 * YAML 1.2 numbers and the common boolean words, but leaves plain what YAML 1.1 readers (SnakeYAML
 * 1.x, go-yaml through sigs.k8s.io/yaml) retype: {@code 12:30}, {@code 2001-12-14}, {@code <<},
 * {@code 1_000}. {@link FastYaml} asks the same instance, so both writers quote alike.
 */
public final class JacksonQuoting extends StringQuotingChecker {
    private static final long serialVersionUID = 1L;

    /** The single instance; the checker holds no state. */
    public static final JacksonQuoting INSTANCE = new JacksonQuoting();

    private JacksonQuoting() {}

    @Override
    public boolean needToQuoteName(String name) {
        return YamlScalars.resolvesAsNonString(name) || Default.instance().needToQuoteName(name);
    }

    @Override
    public boolean needToQuoteValue(String value) {
        return YamlScalars.resolvesAsNonString(value) || Default.instance().needToQuoteValue(value);
    }
}
