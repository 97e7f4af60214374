package dev.gitops.jsonnet.internal;

import sjsonnet.Expr;
import sjsonnet.Position;

/**
 * {@code importbin 'file'} (Jsonnet 0.20): the file's bytes as an array of numbers 0-255.
 * sjsonnet 0.4.9's parser knows only {@code importstr}, so {@link SourceCompat} writes that and
 * marks the place; {@link GuardedEvaluator} evaluates this node, resolving the file through the
 * same sandboxed importer.
 */
final class ImportBin extends Expr.ImportStr {
    private static final long serialVersionUID = 1L;

    ImportBin(Position pos, String path) {
        super(pos, path);
    }

    @Override
    public String exprErrorString() {
        return "importbin";
    }
}
