package dev.gitops.testkit;

/**
 * One structural defect that {@link RepoGen#broken()} plants in an otherwise valid repository.
 * Each is a mistake people make in real central repositories, and each must make
 * {@link dev.gitops.model.RepoLoader#load} throw {@link dev.gitops.model.StateException}, so a tool
 * built on the library can be tested for reporting it (with the file it names in
 * {@link BrokenRepo#file()}).
 */
public enum Defect {
    /** {@code git_rev: 1.10} unquoted: YAML reads the float 1.1, not the revision "1.10". */
    FLOAT_GIT_REV,
    /** A service mapping whose {@code git_rev} key is misspelt ({@code git_revison}): never silently a parameter. */
    GIT_REV_TYPO,
    /** The same key twice in one mapping (a second {@code git_rev} line, a second revision in tags.yaml). */
    DUPLICATE_KEY,
    /** A malformed Kubernetes quantity ({@code 1gi}, {@code 2GB}, {@code 1K}, {@code 512 Mi}). */
    BAD_QUANTITY,
    /** A tab character used for indentation, which YAML forbids. */
    TAB_INDENTATION,
    /** An environment section or secrets section for an environment that gitops.yaml does not declare. */
    UNKNOWN_ENVIRONMENT,
    /** A value of the wrong type ({@code replicas: three}, {@code ingress: a string}, a flag that is not a boolean). */
    WRONG_TYPE,
    /** A number out of its range ({@code port: 70000}, {@code replicas: -1}). */
    OUT_OF_RANGE,
    /** A required key missing ({@code ingress} without {@code host}, an external secret without {@code key}). */
    MISSING_REQUIRED_KEY,
    /** Two services whose derived Kubernetes names collide ({@code orders_x} and {@code orders-x}). */
    NAME_COLLISION,
    /** An environment name that is not a lower-case DNS label ({@code Prod_EU}). */
    BAD_ENVIRONMENT_NAME,
    /** A YAML syntax error (an unclosed flow sequence, an unterminated quote). */
    SYNTAX_ERROR,
    /** A file whose top level is not a mapping. */
    NOT_A_MAPPING,
    /** A second YAML document in a file that holds exactly one. */
    MULTIPLE_DOCUMENTS,
    /** An explicit YAML tag outside the core schema ({@code !!java.net.URL}, {@code !!binary}, {@code !custom}). */
    UNSAFE_TAG,
    /** An alias ({@code *name}) with no anchor before it. */
    UNDEFINED_ALIAS,
    /** Bytes that are not UTF-8. */
    INVALID_UTF8,
    /** A plaintext value where secrets.yaml requires kubeseal's base64 ciphertext. */
    PLAINTEXT_SECRET,
    /** An image in tags.yaml that is not a string (a mapping, a number) or contains white space. */
    BAD_IMAGE,
    /** A {@code git_rev} inside the {@code defaults:} block, which holds service defaults only. */
    GIT_REV_IN_DEFAULTS,
    /** An unknown top-level key in gitops.yaml ({@code enviroments:}). */
    UNKNOWN_GITOPS_KEY,
    /** control-center.yaml is missing. */
    MISSING_CONTROL_CENTER
}
