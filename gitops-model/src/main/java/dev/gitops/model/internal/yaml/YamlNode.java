package dev.gitops.model.internal.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML node after parsing, with its 1-based position. Aliases share the anchored node (so an
 * alias bomb costs nothing until something walks it; {@link #size()} says how big a walk is).
 * Scalars keep their source text and the kind the YAML 1.2 core schema gives them.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    /** 1-based line of the node's first character. */
    int line();

    /** 1-based column of the node's first character. */
    int column();

    /** Nodes in the fully expanded tree below and including this one (aliases counted each time). */
    long size();

    /** A short name of the node's kind for messages: "a string", "a mapping", ... */
    String describe();

    /** The kinds of scalar in the YAML 1.2 core schema. */
    enum Kind { STRING, INT, FLOAT, BOOL, NULL }

    /** A scalar: its text as written (without quotes) and its resolved kind. */
    record Scalar(String text, Kind kind, int line, int column) implements YamlNode {
        @Override
        public long size() {
            return 1;
        }

        @Override
        public String describe() {
            return switch (kind) {
                case STRING -> "a string";
                case INT -> "an integer";
                case FLOAT -> "a number";
                case BOOL -> "a boolean";
                case NULL -> "null";
            };
        }

        public boolean isString() {
            return kind == Kind.STRING;
        }
    }

    /**
     * One entry of a mapping: the key as text, where the key is, and the value.
     */
    record Entry(String key, int keyLine, int keyColumn, YamlNode value) {}

    /** A mapping, in source order (merge keys already applied). */
    record Mapping(Map<String, Entry> entries, int line, int column, long size) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String describe() {
            return "a mapping";
        }

        /** The value at {@code key}, or null. */
        public YamlNode get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }
    }

    /** A sequence. */
    record Sequence(List<YamlNode> items, int line, int column, long size) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }
}
