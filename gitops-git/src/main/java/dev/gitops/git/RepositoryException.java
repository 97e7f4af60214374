package dev.gitops.git;

/**
 * The repository could not be read or written (missing, corrupt, unreadable, or the object database
 * failed). Not an expected outcome: those are result values. Carries the operation and ref.
 */
public final class RepositoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String operation;
    private final String ref;

    public RepositoryException(String operation, String ref, String message, Throwable cause) {
        super(operation + (ref.isEmpty() ? "" : " (" + ref + ")") + ": " + message, cause);
        this.operation = operation;
        this.ref = ref;
    }

    /** What was being done, e.g. {@code "record tag"}. */
    public String operation() {
        return operation;
    }

    /** The branch or ref involved, or {@code ""}. */
    public String ref() {
        return ref;
    }
}
