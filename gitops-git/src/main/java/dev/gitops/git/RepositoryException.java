package dev.gitops.git;

/**
 * The repository could not be read or written (missing, corrupt, unreadable, or the object database
 * failed). Not an expected outcome: those are result values. Carries the operation and ref.
 */
public final class RepositoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** What was being done. */
    private final String operation;
    /** The branch or ref involved, or {@code ""}. */
    private final String ref;

    /**
     * An exception for a failed read or write of the repository.
     *
     * @param operation what was being done, e.g. {@code "record tag"}
     * @param ref the branch or ref involved, or {@code ""}
     * @param message what went wrong
     * @param cause JGit's or the file system's exception
     */
    public RepositoryException(String operation, String ref, String message, Throwable cause) {
        super(operation + (ref.isEmpty() ? "" : " (" + ref + ")") + ": " + message, cause);
        this.operation = operation;
        this.ref = ref;
    }

    /**
     * What was being done, e.g. {@code "record tag"}.
     *
     * @return the operation
     */
    public String operation() {
        return operation;
    }

    /**
     * The branch or ref involved, or {@code ""}.
     *
     * @return the ref, or {@code ""}
     */
    public String ref() {
        return ref;
    }
}
