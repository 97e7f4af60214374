package dev.gitops.render;

import dev.gitops.model.Problem;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Rendering failed: a Jsonnet error (with {@code file:line:col} relative to the repository root and
 * the Jsonnet stack), an import outside the sandbox, a limit reached (stack depth, output size,
 * deadline), an unresolved image, or output that is not a set of Kubernetes objects (with its path
 * in the output). Never carries a Scala stack trace.
 */
public final class RenderException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public RenderException(List<Problem> problems) {
        super(problems.stream().map(Problem::format).collect(Collectors.joining("\n")), null, false, false);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a RenderException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public RenderException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
