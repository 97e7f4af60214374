package dev.gitops.jsonnet.internal;

import dev.gitops.model.Problem;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Ends an evaluation inside the engine; {@link JsonnetEngine#evaluate} turns it into a
 * {@link dev.gitops.jsonnet.JsonnetResult.Failure}. Carries no stack trace: only its problems matter.
 */
final class JsonnetFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    JsonnetFailure(List<Problem> problems) {
        super(problems.stream().map(Problem::format).collect(Collectors.joining("\n")), null, false, false);
        this.problems = List.copyOf(problems);
    }

    JsonnetFailure(Problem problem) {
        this(List.of(problem));
    }

    List<Problem> problems() {
        return problems;
    }
}
