package dev.gitops.git.internal;

import dev.gitops.model.YamlScalars;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * tags.yaml as text plus the positions of its nodes, edited in place: a new revision goes last in
 * its service's block, a new service last in the file, and a changed image replaces only that
 * scalar. Comments, key order, blank lines and the quoting of everything else stay byte for byte.
 * Every edit is checked by parsing the result again: it must read as exactly the expected mapping
 * (same keys in the same order), otherwise the edit is refused rather than written.
 *
 * <p>Only the layout CI tools and people write is edited (a block mapping of block mappings of
 * single scalars); flow style, anchors, block scalars or several documents are refused with a
 * message, never guessed at.
 */
public final class TagsDocument {

    private record Entry(ScalarNode key, ScalarNode value) {}

    private record Service(ScalarNode key, MappingNode block, Map<String, Entry> entries) {}

    private final EditableYaml source;
    private final String file;
    private final String text;
    private final Node root;
    private final Map<String, Service> services;
    private final String eol;

    private TagsDocument(EditableYaml source, Map<String, Service> services) {
        this.source = source;
        this.file = source.file;
        this.text = source.text;
        this.root = source.root;
        this.services = services;
        this.eol = source.eol;
    }

    /**
     * Parses tags.yaml.
     *
     * @param file the file name, for messages
     * @throws YamlLayoutException when the text is not YAML or not a layout this editor handles
     */
    public static TagsDocument parse(String file, String content) throws YamlLayoutException {
        EditableYaml source = EditableYaml.parse(file, content);
        Node root = source.root;
        Map<String, Service> services = new LinkedHashMap<>();
        if (root != null) {
            if (!(root instanceof MappingNode rm)) {
                throw new YamlLayoutException(at(file, root) + ": tags.yaml must be a mapping: service -> revision -> image");
            }
            checkPlainNode(file, root);
            if (rm.getFlowStyle() == DumperOptions.FlowStyle.FLOW && !rm.getValue().isEmpty()) {
                throw new YamlLayoutException(at(file, root) + ": tags.yaml is written in flow style ({...}); "
                        + "write it as a block mapping so that it can be edited line by line");
            }
            for (NodeTuple t : rm.getValue()) {
                ScalarNode key = scalarKey(file, t.getKeyNode());
                Node v = t.getValueNode();
                checkPlainNode(file, v);
                if (!(v instanceof MappingNode block) || block.getFlowStyle() == DumperOptions.FlowStyle.FLOW
                        || block.getValue().isEmpty()) {
                    throw new YamlLayoutException(at(file, v) + ": the entries of " + key.getValue()
                            + " must be a non-empty block mapping: revision -> image");
                }
                Map<String, Entry> entries = new LinkedHashMap<>();
                for (NodeTuple e : block.getValue()) {
                    ScalarNode rk = scalarKey(file, e.getKeyNode());
                    Node rv = e.getValueNode();
                    checkPlainNode(file, rv);
                    if (!(rv instanceof ScalarNode sv) || sv.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
                            || sv.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED) {
                        throw new YamlLayoutException(at(file, rv) + ": the image of " + key.getValue() + " "
                                + rk.getValue() + " must be a single scalar on one line");
                    }
                    if (entries.put(rk.getValue(), new Entry(rk, sv)) != null) {
                        throw new YamlLayoutException(at(file, rk) + ": duplicate revision " + rk.getValue()
                                + " under " + key.getValue());
                    }
                }
                if (services.put(key.getValue(), new Service(key, block, entries)) != null) {
                    throw new YamlLayoutException(at(file, key) + ": duplicate service " + key.getValue());
                }
            }
        }
        return new TagsDocument(source, Collections.unmodifiableMap(services));
    }

    private static void checkPlainNode(String file, Node n) throws YamlLayoutException {
        EditableYaml.checkPlainNode(file, n, "tags.yaml");
    }

    private static ScalarNode scalarKey(String file, Node k) throws YamlLayoutException {
        checkPlainNode(file, k);
        if (!(k instanceof ScalarNode s) || s.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
                || s.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED) {
            throw new YamlLayoutException(at(file, k) + ": keys of tags.yaml must be plain or quoted scalars");
        }
        if (s.getValue().equals("<<")) {
            throw new YamlLayoutException(at(file, k) + ": merge keys (<<) are not supported in tags.yaml");
        }
        return s;
    }

    private static String at(String file, Node n) {
        return EditableYaml.at(file, n);
    }

    /** service -> revision -> image, in file order. */
    public Map<String, Map<String, String>> mapping() {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        services.forEach((s, svc) -> {
            Map<String, String> r = new LinkedHashMap<>();
            svc.entries().forEach((rev, e) -> r.put(rev, e.value().getValue()));
            m.put(s, r);
        });
        return m;
    }

    /** The image recorded for {@code service} at {@code revision}. */
    public Optional<String> image(String service, String revision) {
        Service s = services.get(service);
        return s == null ? Optional.empty() : Optional.ofNullable(s.entries().get(revision)).map(e -> e.value().getValue());
    }

    /** The 1-based line of the entry, for messages. */
    public Optional<Integer> line(String service, String revision) {
        Service s = services.get(service);
        return s == null ? Optional.empty()
                : Optional.ofNullable(s.entries().get(revision)).map(e -> e.key().getStartMark().getLine() + 1);
    }

    /** {@code file:line:col} of the entry, for messages; the file name alone when absent. */
    public String where(String service, String revision) {
        Service s = services.get(service);
        Entry e = s == null ? null : s.entries().get(revision);
        return e == null ? file : at(file, e.key());
    }

    /**
     * The file with {@code service -> revision -> image} set: the image replaced in place when the
     * revision exists, else a new line last in the service's block, else a new service block last in
     * the file.
     *
     * @return the complete new content (with the original byte order mark, if any)
     * @throws YamlLayoutException when the edit cannot be made safely or does not read back as expected
     */
    public String with(String service, String revision, String image) throws YamlLayoutException {
        return edit(service, revision, image).content();
    }

    /**
     * The edited file and its parse.
     *
     * @param content the complete new content (with the original byte order mark, if any)
     * @param document {@code content} parsed (the read-back check's own parse)
     */
    public record Edit(String content, TagsDocument document) {}

    /** As {@link #with}, also returning the parsed result. */
    public Edit edit(String service, String revision, String image) throws YamlLayoutException {
        Map<String, Map<String, String>> expected = mapping();
        expected.computeIfAbsent(service, k -> new LinkedHashMap<>()).put(revision, image);
        String edited;
        Service svc = services.get(service);
        if (svc != null && svc.entries().containsKey(revision)) {
            ScalarNode v = svc.entries().get(revision).value();
            if (v.getStartMark().getLine() != v.getEndMark().getLine()) {
                throw new YamlLayoutException(at(file, v) + ": the image of " + service + " " + revision
                        + " spans several lines; put it on one line");
            }
            String spelled = switch (v.getScalarStyle()) {
                case SINGLE_QUOTED -> YamlScalars.singleQuoted(image);
                case DOUBLE_QUOTED -> YamlScalars.doubleQuoted(image);
                default -> YamlScalars.scalar(image);
            };
            edited = splice(v.getStartMark().getIndex(), v.getEndMark().getIndex(), spelled);
        } else if (svc != null) {
            List<NodeTuple> tuples = svc.block().getValue();
            Node firstKey = tuples.get(0).getKeyNode();
            Node lastValue = tuples.get(tuples.size() - 1).getValueNode();
            String line = " ".repeat(firstKey.getStartMark().getColumn()) + entryLine(revision, image);
            edited = insertAfterLineOf(lastValue.getEndMark().getIndex(), line);
        } else {
            int keyCol = 0;
            int entryIndent = 2;
            if (!services.isEmpty()) {
                Service first = services.values().iterator().next();
                keyCol = first.key().getStartMark().getColumn();
                entryIndent = Math.max(1, first.block().getValue().get(0).getKeyNode().getStartMark().getColumn() - keyCol);
            }
            String block = " ".repeat(keyCol) + YamlScalars.scalar(service) + ":" + eol
                    + " ".repeat(keyCol + entryIndent) + entryLine(revision, image);
            if (root instanceof MappingNode rm && rm.getValue().isEmpty()) {
                // An empty flow mapping ({}) is replaced by the block that now fills it.
                if (root.getStartMark().getColumn() != 0) {
                    throw new YamlLayoutException(at(file, root) + ": an empty mapping ({}) must start a line to be replaced");
                }
                edited = splice(root.getStartMark().getIndex(), root.getEndMark().getIndex(),
                        YamlScalars.scalar(service) + ":" + eol + " ".repeat(entryIndent) + entryLine(revision, image));
            } else {
                String current = text;
                if (!current.isEmpty() && !current.endsWith("\n")) {
                    current = current + eol;
                }
                edited = current + block + eol;
            }
        }
        String content = source.withBom(edited);
        TagsDocument reread;
        try {
            reread = parse(file, content);
        } catch (YamlLayoutException e) {
            throw new YamlLayoutException(file + ": the edited file would not read back (" + e.getMessage()
                    + "); tags.yaml was left unchanged");
        }
        if (!sameOrdered(reread.mapping(), expected)) {
            throw new YamlLayoutException(file + ": the edit of " + service + " " + revision
                    + " would not read back as intended; tags.yaml was left unchanged");
        }
        return new Edit(content, reread);
    }

    /**
     * This file with every entry of {@code other} that it lacks appended (the registry only grows);
     * an entry both have keeps this file's image. Empty when nothing is missing.
     *
     * @throws YamlLayoutException when an entry cannot be added safely
     */
    public Optional<Edit> union(Map<String, Map<String, String>> other) throws YamlLayoutException {
        TagsDocument doc = this;
        Edit last = null;
        for (Map.Entry<String, Map<String, String>> s : other.entrySet()) {
            for (Map.Entry<String, String> r : s.getValue().entrySet()) {
                if (doc.image(s.getKey(), r.getKey()).isEmpty()) {
                    last = doc.edit(s.getKey(), r.getKey(), r.getValue());
                    doc = last.document();
                }
            }
        }
        return Optional.ofNullable(last);
    }

    private String entryLine(String revision, String image) {
        return YamlScalars.scalar(revision) + ": " + YamlScalars.scalar(image);
    }

    private String splice(int startCp, int endCp, String replacement) {
        return source.splice(startCp, endCp, replacement);
    }

    private String insertAfterLineOf(int index, String line) {
        return source.insertAfterLineOf(index, line);
    }

    private static boolean sameOrdered(Map<String, Map<String, String>> a, Map<String, Map<String, String>> b) {
        if (!new ArrayList<>(a.keySet()).equals(new ArrayList<>(b.keySet()))) {
            return false;
        }
        for (String k : a.keySet()) {
            if (!new ArrayList<>(a.get(k).entrySet()).equals(new ArrayList<>(b.get(k).entrySet()))) {
                return false;
            }
        }
        return true;
    }
}
