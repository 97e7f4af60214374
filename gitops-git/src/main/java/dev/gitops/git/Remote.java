package dev.gitops.git;

import java.util.Objects;

/**
 * A remote to fetch from and push to: a configured remote name ({@code origin}) or a URL. With a
 * remote, every write fetches the branch first, builds on the commit the remote has, and pushes
 * only if the remote still has that commit (force-with-lease semantics).
 *
 * @param nameOrUrl the remote name or URL
 * @param credentials how to authenticate
 */
public record Remote(String nameOrUrl, Credentials credentials) {
    /**
     * Checks the remote.
     *
     * @param nameOrUrl the remote name or URL
     * @param credentials how to authenticate
     * @throws IllegalArgumentException when {@code nameOrUrl} is blank
     */
    public Remote {
        Objects.requireNonNull(nameOrUrl, "nameOrUrl");
        Objects.requireNonNull(credentials, "credentials");
        if (nameOrUrl.isBlank()) {
            throw new IllegalArgumentException("a remote needs a name or URL");
        }
    }

    /**
     * A remote without credentials.
     *
     * @param nameOrUrl the remote name or URL
     * @return the remote
     */
    public static Remote of(String nameOrUrl) {
        return new Remote(nameOrUrl, Credentials.none());
    }
}
