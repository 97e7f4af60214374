package dev.gitops.jsonnet;

/** What shape the {@code jsonnet} command prints, as its flags select it. */
public enum JsonnetOutputMode {
    /** The result as JSON (the default). */
    JSON,
    /** {@code -y}: the result must be an array; each element is one document of a YAML stream (as JSON). */
    YAML_STREAM,
    /** {@code -m DIR}: the result must be an object; each field is one file, named by the key. */
    MULTI
}
