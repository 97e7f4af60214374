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

    /**
     * An exception carrying the problems, one line each in its message.
     *
     * @param problems every problem; at least one
     * @throws IllegalArgumentException when {@code problems} is empty
     */
    public RenderException(List<Problem> problems) {
        super(problems.stream().map(Problem::format).collect(Collectors.joining("\n")), null, false, false);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a RenderException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /**
     * An exception carrying one problem.
     *
     * @param problem the problem
     */
    public RenderException(Problem problem) {
        this(List.of(problem));
    }

    /**
     * Every problem, in the order found.
     *
     * @return the problems, at least one
     */
    public List<Problem> problems() {
        return problems;
    }
}
