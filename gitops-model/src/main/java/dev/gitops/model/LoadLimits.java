package dev.gitops.model;

/**
 * Bounds that keep hostile input from exhausting memory or time.
 *
 * @param maxFileBytes largest input file accepted
 * @param maxDepth deepest nesting of mappings and sequences
 * @param maxAliases most YAML aliases in one file (alias bombs expand exponentially)
 */
public record LoadLimits(int maxFileBytes, int maxDepth, int maxAliases) {
    /**
     * 4 MiB per file (a control-center.yaml of about 7,500 services; reading one takes about a
     * second), 64 levels, 1,000 aliases.
     */
    public static final LoadLimits DEFAULT = new LoadLimits(4 * 1024 * 1024, 64, 1_000);

    /**
     * Checks the limits.
     *
     * @param maxFileBytes largest input file accepted
     * @param maxDepth deepest nesting of mappings and sequences
     * @param maxAliases most YAML aliases in one file (alias bombs expand exponentially)
     * @throws IllegalArgumentException when a size or depth is not positive or the alias count is negative
     */
    public LoadLimits {
        if (maxFileBytes <= 0 || maxDepth <= 0 || maxAliases < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
