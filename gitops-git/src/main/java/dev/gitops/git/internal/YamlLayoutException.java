package dev.gitops.git.internal;

/** A YAML file's layout is not one this module's editors change safely; the message says why and where. */
public final class YamlLayoutException extends Exception {
    private static final long serialVersionUID = 1L;

    public YamlLayoutException(String message) {
        super(message, null, false, false);
    }
}
