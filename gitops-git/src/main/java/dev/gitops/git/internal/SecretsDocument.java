package dev.gitops.git.internal;

import dev.gitops.model.Value;
import dev.gitops.model.YamlScalars;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * secrets.yaml as text plus the positions of its nodes, edited in place as {@link TagsDocument}
 * edits tags.yaml: an entry that changes is rewritten where it stands, a new entry goes last in its
 * environment's block, a new environment last in the file, and a removed entry's lines go. Comments,
 * blank lines and every other entry stay byte for byte (comments inside a rewritten entry do not
 * survive it). Each edit is checked by parsing the result again; a result that does not read back
 * as exactly the expected mapping is refused rather than written.
 *
 * <p>Only ciphertexts and keyed digests are ever held here; messages name environments, secrets and
 * keys, never a value.
 */
public final class SecretsDocument {
    private static final String KIND = "secrets.yaml";
    private static final List<String> FIELDS = List.of("namespace", "scope", "type", "encryptedData", "digests");

    /**
     * One entry of an environment.
     *
     * @param namespace the {@code namespace} field, when written
     * @param scope the {@code scope} field, when written
     * @param type the {@code type} field, when written
     * @param encryptedData key -> ciphertext, in file order
     * @param digests key -> keyed plaintext digest, in file order
     */
    public record Entry(Optional<String> namespace, Optional<String> scope, Optional<String> type,
                        Map<String, String> encryptedData, Map<String, String> digests) {
        public Entry {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(type, "type");
            encryptedData = Collections.unmodifiableMap(new LinkedHashMap<>(encryptedData));
            digests = Collections.unmodifiableMap(new LinkedHashMap<>(digests));
        }

        Value toValue() {
            Map<String, Value> m = new LinkedHashMap<>();
            namespace.ifPresent(v -> m.put("namespace", Value.of(v)));
            scope.ifPresent(v -> m.put("scope", Value.of(v)));
            type.ifPresent(v -> m.put("type", Value.of(v)));
            m.put("encryptedData", strings(encryptedData));
            if (!digests.isEmpty()) {
                m.put("digests", strings(digests));
            }
            return Value.of(m);
        }

        private static Value strings(Map<String, String> map) {
            Map<String, Value> m = new LinkedHashMap<>();
            map.forEach((k, v) -> m.put(k, Value.of(v)));
            return Value.of(m);
        }
    }

    private record Secret(ScalarNode key, MappingNode value, Entry entry) {}

    private record Environment(ScalarNode key, Node value, Map<String, Secret> secrets) {}

    private final EditableYaml source;
    private final Map<String, Environment> environments;

    private SecretsDocument(EditableYaml source, Map<String, Environment> environments) {
        this.source = source;
        this.environments = environments;
    }

    /**
     * Parses secrets.yaml.
     *
     * @param file the file name, for messages
     * @throws YamlLayoutException when the text is not YAML or not a layout this editor handles
     */
    public static SecretsDocument parse(String file, String content) throws YamlLayoutException {
        EditableYaml source = EditableYaml.parse(file, content);
        Map<String, Environment> envs = new LinkedHashMap<>();
        Node root = source.root;
        if (root != null && !isEmptyScalar(root)) {
            if (!(root instanceof MappingNode rm)) {
                throw new YamlLayoutException(EditableYaml.at(file, root)
                        + ": secrets.yaml must be a mapping: environment -> secret name -> entry");
            }
            EditableYaml.checkPlainNode(file, root, KIND);
            for (NodeTuple t : rm.getValue()) {
                ScalarNode key = key(file, t.getKeyNode());
                Node v = t.getValueNode();
                EditableYaml.checkPlainNode(file, v, KIND);
                Map<String, Secret> secrets = new LinkedHashMap<>();
                if (v instanceof MappingNode em) {
                    for (NodeTuple s : em.getValue()) {
                        ScalarNode name = key(file, s.getKeyNode());
                        if (!(s.getValueNode() instanceof MappingNode sm)) {
                            throw new YamlLayoutException(EditableYaml.at(file, s.getValueNode()) + ": secret " + name.getValue()
                                    + " of " + key.getValue() + " must be a mapping {namespace, scope, type, encryptedData}");
                        }
                        if (secrets.put(name.getValue(), new Secret(name, sm, entry(file, sm))) != null) {
                            throw new YamlLayoutException(EditableYaml.at(file, name) + ": duplicate secret " + name.getValue()
                                    + " under " + key.getValue());
                        }
                    }
                } else if (!isEmptyScalar(v)) {
                    throw new YamlLayoutException(EditableYaml.at(file, v) + ": the secrets of " + key.getValue()
                            + " must be a mapping: secret name -> entry");
                }
                if (envs.put(key.getValue(), new Environment(key, v, Collections.unmodifiableMap(secrets))) != null) {
                    throw new YamlLayoutException(EditableYaml.at(file, key) + ": duplicate environment " + key.getValue());
                }
            }
        }
        return new SecretsDocument(source, Collections.unmodifiableMap(envs));
    }

    private static Entry entry(String file, MappingNode m) throws YamlLayoutException {
        EditableYaml.checkPlainNode(file, m, KIND);
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            ScalarNode k = key(file, t.getKeyNode());
            EditableYaml.checkPlainNode(file, t.getValueNode(), KIND);
            if (!FIELDS.contains(k.getValue())) {
                throw new YamlLayoutException(EditableYaml.at(file, k) + ": unknown field " + k.getValue()
                        + " (an entry has " + String.join(", ", FIELDS) + ")");
            }
            if (fields.put(k.getValue(), t.getValueNode()) != null) {
                throw new YamlLayoutException(EditableYaml.at(file, k) + ": duplicate field " + k.getValue());
            }
        }
        return new Entry(scalar(file, fields.get("namespace")), scalar(file, fields.get("scope")),
                scalar(file, fields.get("type")), strings(file, fields.get("encryptedData")), strings(file, fields.get("digests")));
    }

    private static Optional<String> scalar(String file, Node n) throws YamlLayoutException {
        if (n == null) {
            return Optional.empty();
        }
        if (!(n instanceof ScalarNode s)) {
            throw new YamlLayoutException(EditableYaml.at(file, n) + ": expected a single value");
        }
        return Optional.of(s.getValue());
    }

    private static Map<String, String> strings(String file, Node n) throws YamlLayoutException {
        Map<String, String> out = new LinkedHashMap<>();
        if (n == null || isEmptyScalar(n)) {
            return out;
        }
        if (!(n instanceof MappingNode m)) {
            throw new YamlLayoutException(EditableYaml.at(file, n) + ": expected a mapping: key -> value");
        }
        for (NodeTuple t : m.getValue()) {
            ScalarNode k = key(file, t.getKeyNode());
            EditableYaml.checkPlainNode(file, t.getValueNode(), KIND);
            if (!(t.getValueNode() instanceof ScalarNode v)) {
                // Never the node's text: it is in the place of a ciphertext and may be a pasted value.
                throw new YamlLayoutException(EditableYaml.at(file, t.getValueNode()) + ": the value of " + k.getValue()
                        + " must be a single string");
            }
            if (out.put(k.getValue(), v.getValue()) != null) {
                throw new YamlLayoutException(EditableYaml.at(file, k) + ": duplicate key " + k.getValue());
            }
        }
        return out;
    }

    private static ScalarNode key(String file, Node k) throws YamlLayoutException {
        EditableYaml.checkPlainNode(file, k, KIND);
        if (!(k instanceof ScalarNode s) || s.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
                || s.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED) {
            throw new YamlLayoutException(EditableYaml.at(file, k) + ": keys of secrets.yaml must be plain or quoted scalars");
        }
        if (s.getValue().equals("<<")) {
            throw new YamlLayoutException(EditableYaml.at(file, k) + ": merge keys (<<) are not supported in secrets.yaml");
        }
        return s;
    }

    private static boolean isEmptyScalar(Node n) {
        return n instanceof ScalarNode s && s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
                && (s.getValue().isEmpty() || s.getValue().equals("~") || s.getValue().equals("null"));
    }

    /** environment -> secret name -> entry, in file order. */
    public Map<String, Map<String, Entry>> mapping() {
        Map<String, Map<String, Entry>> m = new LinkedHashMap<>();
        environments.forEach((env, e) -> {
            Map<String, Entry> s = new LinkedHashMap<>();
            e.secrets().forEach((name, sec) -> s.put(name, sec.entry()));
            m.put(env, s);
        });
        return m;
    }

    /** The entries of {@code env} (empty when it has none). */
    public Map<String, Entry> environment(String env) {
        return mapping().getOrDefault(env, Map.of());
    }

    /**
     * The file with {@code upserts} written into {@code env} (existing entries rewritten in place,
     * new ones appended in the map's order) and {@code removals} taken out.
     *
     * @return the complete new content (with the original byte order mark, if any)
     * @throws YamlLayoutException when an edit cannot be made safely or does not read back as expected
     */
    public String edit(String env, Map<String, Entry> upserts, Set<String> removals) throws YamlLayoutException {
        Map<String, Map<String, Entry>> expected = mapping();
        Map<String, Entry> section = expected.computeIfAbsent(env, k -> new LinkedHashMap<>());
        removals.forEach(section::remove);
        section.putAll(upserts);
        SecretsDocument doc = this;
        for (String name : removals) {
            if (doc.environment(env).containsKey(name)) {
                doc = parse(source.file, doc.source.withBom(doc.remove(env, name)));
            }
        }
        for (Map.Entry<String, Entry> u : upserts.entrySet()) {
            doc = parse(source.file, doc.source.withBom(doc.upsert(env, u.getKey(), u.getValue())));
        }
        String content = doc.source.withBom(doc.source.text);
        SecretsDocument reread;
        try {
            reread = parse(source.file, content);
        } catch (YamlLayoutException e) {
            throw new YamlLayoutException(source.file + ": the edited file would not read back (" + e.getMessage()
                    + "); secrets.yaml was left unchanged");
        }
        if (!sameOrdered(reread.mapping(), expected)) {
            throw new YamlLayoutException(source.file + ": the edit of " + env
                    + " would not read back as intended; secrets.yaml was left unchanged");
        }
        return content;
    }

    private String remove(String env, String name) throws YamlLayoutException {
        Secret s = environments.get(env).secrets().get(name);
        requireBlock(s.value(), env, name);
        int start = source.lineStart(s.key().getStartMark().getIndex());
        int end = source.nextLineStart(lastIndex(s.value()));
        return source.splice(start, end, "");
    }

    private String upsert(String env, String name, Entry entry) throws YamlLayoutException {
        Environment e = environments.get(env);
        String file = source.file;
        String eol = source.eol;
        if (e != null && e.secrets().containsKey(name)) {
            Secret s = e.secrets().get(name);
            requireBlock(s.value(), env, name);
            int column = s.value().getStartMark().getColumn();
            if (column <= s.key().getStartMark().getColumn()) {
                throw new YamlLayoutException(EditableYaml.at(file, s.value()) + ": the fields of " + env + " " + name
                        + " must be indented below its name");
            }
            String block = indent(entry.toValue(), column);
            return source.splice(s.value().getStartMark().getIndex(), lastIndex(s.value()), strip(block).substring(column));
        }
        if (e != null) {
            if (e.value() instanceof MappingNode em && !em.getValue().isEmpty()) {
                if (em.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
                    throw new YamlLayoutException(EditableYaml.at(file, em) + ": the secrets of " + env
                            + " are written in flow style ({...}); write them as a block mapping");
                }
                int column = em.getValue().get(0).getKeyNode().getStartMark().getColumn();
                String block = " ".repeat(column) + YamlScalars.scalar(name) + ":" + eol + indent(entry.toValue(), column + 2);
                return source.insertAfterLineOf(lastIndex(em), strip(block));
            }
            int column = e.key().getStartMark().getColumn() + 2;
            String block = " ".repeat(column) + YamlScalars.scalar(name) + ":" + eol + indent(entry.toValue(), column + 2);
            if (e.value() instanceof ScalarNode sv && sv.getValue().isEmpty()) {
                return source.insertAfterLineOf(e.key().getEndMark().getIndex(), strip(block));
            }
            // An empty mapping ({}) or an explicit null: replaced by the block that now fills it.
            int start = e.value().getStartMark().getIndex();
            while (start > 0 && source.cps[start - 1] == ' ') {
                start--;
            }
            return source.splice(start, e.value().getEndMark().getIndex(), eol + strip(block));
        }
        String block = YamlScalars.scalar(env) + ":" + eol + "  " + YamlScalars.scalar(name) + ":" + eol + indent(entry.toValue(), 4);
        Node root = source.root;
        if (root instanceof MappingNode rm && rm.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            if (!rm.getValue().isEmpty() || root.getStartMark().getColumn() != 0) {
                throw new YamlLayoutException(EditableYaml.at(file, root) + ": secrets.yaml is written in flow style ({...}); "
                        + "write it as a block mapping so that it can be edited line by line");
            }
            return source.splice(root.getStartMark().getIndex(), root.getEndMark().getIndex(), strip(block));
        }
        if (root instanceof ScalarNode sr && !sr.getValue().isEmpty()) {
            // "~" or "null": the whole document is that one scalar.
            return source.splice(root.getStartMark().getIndex(), root.getEndMark().getIndex(), strip(block));
        }
        String current = source.text;
        if (!current.isEmpty() && !current.endsWith("\n")) {
            current = current + eol;
        }
        return current + block;
    }

    private void requireBlock(MappingNode m, String env, String name) throws YamlLayoutException {
        if (m.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            throw new YamlLayoutException(EditableYaml.at(source.file, m) + ": " + env + " " + name
                    + " is written in flow style ({...}); write it as a block mapping so that it can be edited");
        }
    }

    /** The value as block YAML with every line indented by {@code column} and ending with the file's line break. */
    private String indent(Value v, int column) {
        String pad = " ".repeat(column);
        StringBuilder b = new StringBuilder();
        for (String line : YamlWriter.write(v).split("\n")) {
            b.append(pad).append(line).append(source.eol);
        }
        return b.toString();
    }

    private String strip(String block) {
        return block.endsWith(source.eol) ? block.substring(0, block.length() - source.eol.length()) : block;
    }

    /** The index just after the last character of the node's last scalar (a mapping's own end mark may lie past comments). */
    private static int lastIndex(Node n) {
        if (n instanceof MappingNode m && !m.getValue().isEmpty()
                && m.getFlowStyle() != DumperOptions.FlowStyle.FLOW) {
            return lastIndex(m.getValue().get(m.getValue().size() - 1).getValueNode());
        }
        if (n instanceof SequenceNode s && !s.getValue().isEmpty() && s.getFlowStyle() != DumperOptions.FlowStyle.FLOW) {
            return lastIndex(s.getValue().get(s.getValue().size() - 1));
        }
        if (n instanceof ScalarNode sc && sc.getValue().isEmpty() && sc.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN) {
            return n.getStartMark().getIndex();
        }
        return n.getEndMark().getIndex();
    }

    private static boolean sameOrdered(Map<String, Map<String, Entry>> a, Map<String, Map<String, Entry>> b) {
        if (!new ArrayList<>(a.keySet()).equals(new ArrayList<>(b.keySet()))) {
            return false;
        }
        for (String k : a.keySet()) {
            Collection<Map.Entry<String, Entry>> x = a.get(k).entrySet();
            if (!new ArrayList<>(x).equals(new ArrayList<>(b.get(k).entrySet()))) {
                return false;
            }
        }
        return true;
    }
}
