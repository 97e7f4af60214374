package dev.gitops.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An input file could not be read as its documented structure. Carries every problem found, not
 * just the first, so that a user fixes a file in one round. Values that are well-formed but wrong
 * (a revision with no image, memory_min above memory_max) are policy findings, not this.
 *
 * <p>Unchecked so that loaders compose with streams; every loader documents that it throws it.
 */
public final class StateException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    /**
     * An exception carrying the problems, summarised in its message.
     *
     * @param problems every problem found, in file order
     * @throws IllegalArgumentException when {@code problems} is empty
     */
    public StateException(List<Problem> problems) {
        super(summary(problems), null, false, false);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a StateException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /**
     * An exception carrying one problem.
     *
     * @param problem the problem
     */
    public StateException(Problem problem) {
        this(List.of(problem));
    }

    /**
     * Every problem, in file order.
     *
     * @return the problems, at least one
     */
    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        return problems.stream().map(Problem::format).collect(Collectors.joining("\n"));
    }
}
