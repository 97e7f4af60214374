package dev.gitops.git;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to authenticate to a remote. The library never reads environment variables: the CLI builds
 * one of these from {@code GITOPS_GIT_TOKEN} / {@code GITOPS_GIT_USER} (HTTPS) or from its SSH
 * options, and passes it in.
 */
public sealed interface Credentials permits Credentials.None, Credentials.Token, Credentials.Ssh {

    /** No credentials: local paths, {@code file://} URLs, anonymous HTTPS, or SSH with the user's defaults. */
    record None() implements Credentials {}

    /**
     * HTTPS basic authentication with a token as the password, as GitHub ({@code x-access-token}),
     * GitLab ({@code oauth2} or any name) and Bitbucket expect it.
     *
     * @param username the user name sent with the token
     * @param token the token; never printed ({@link #toString()} hides it)
     */
    record Token(String username, String token) implements Credentials {
        /**
         * Checks the credentials.
         *
         * @param username the user name sent with the token
         * @param token the token; never printed ({@link #toString()} hides it)
         * @throws IllegalArgumentException when the token is empty
         */
        public Token {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(token, "token");
            if (token.isEmpty()) {
                throw new IllegalArgumentException("the token is empty");
            }
        }

        @Override
        public String toString() {
            return "Token[username=" + username + ", token=***]";
        }
    }

    /**
     * SSH through JGit's Apache MINA SSH transport.
     *
     * @param privateKey the identity file to offer (unencrypted, as CI deploy keys are); absent:
     *     the defaults in the SSH directory ({@code id_ed25519}, {@code id_rsa}, ...)
     * @param knownHosts the known_hosts file used to verify the server; absent: the SSH directory's
     * @param sshDirectory the directory holding {@code config}, keys and {@code known_hosts};
     *     absent: {@code ~/.ssh}
     */
    record Ssh(Optional<Path> privateKey, Optional<Path> knownHosts, Optional<Path> sshDirectory) implements Credentials {
        /**
         * Checks that no component is null.
         *
         * @param privateKey the identity file to offer (unencrypted, as CI deploy keys are); absent:
         *     the defaults in the SSH directory ({@code id_ed25519}, {@code id_rsa}, ...)
         * @param knownHosts the known_hosts file used to verify the server; absent: the SSH directory's
         * @param sshDirectory the directory holding {@code config}, keys and {@code known_hosts};
         *     absent: {@code ~/.ssh}
         */
        public Ssh {
            Objects.requireNonNull(privateKey, "privateKey");
            Objects.requireNonNull(knownHosts, "knownHosts");
            Objects.requireNonNull(sshDirectory, "sshDirectory");
        }
    }

    /**
     * No credentials.
     *
     * @return the credentials of an anonymous remote
     */
    static Credentials none() {
        return new None();
    }

    /**
     * HTTPS with a token.
     *
     * @param username the user name sent with the token
     * @param token the token
     * @return the credentials
     * @throws IllegalArgumentException when the token is empty
     */
    static Credentials token(String username, String token) {
        return new Token(username, token);
    }
}
