package dev.gitops.git.internal;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Copies whole service entries of one environment section of control-center.yaml from one text
 * into another, line by line: the target keeps its comments, order and every other entry byte for
 * byte; each copied entry keeps the source's lines, re-indented to the target's section. The result
 * is read back and must hold exactly the expected values, otherwise the edit is refused (anchors
 * and aliases across entries, flow style) rather than guessed at.
 */
final class SectionSplice {
    private SectionSplice() {}

    /** The outcome. */
    sealed interface Spliced permits Done, Failed {}

    /** The edited text. */
    record Done(String content) implements Spliced {}

    /** Why the edit cannot be made safely. */
    record Failed(String reason) implements Spliced {}

    /** Lines of an entry, 0-based, inclusive, and the key's column. */
    private record Range(int first, int last, int column) {}

    static Spliced copyServices(String file, String source, String target, String env, Set<String> services) {
        Optional<MappingNode> srcSection = section(source, env);
        Optional<MappingNode> tgtSection = section(target, env);
        if (srcSection.isEmpty() || tgtSection.isEmpty()) {
            return new Failed(file + ": the " + env + " section is missing or not a block mapping on the "
                    + (srcSection.isEmpty() ? "source" : "target") + " branch");
        }
        List<String> srcLines = lines(source);
        List<String> lines = new ArrayList<>(lines(target));
        // Edits go from the bottom of the target up, so earlier line numbers stay valid.
        List<Object[]> edits = new ArrayList<>();
        for (String svc : services) {
            Optional<Range> from = entry(srcSection.get(), svc);
            Optional<Range> to = entry(tgtSection.get(), svc);
            if (from.isEmpty() && to.isEmpty()) {
                return new Failed("service " + svc + " is in neither branch's " + env + " section");
            }
            List<String> copied = new ArrayList<>();
            if (from.isPresent()) {
                int targetColumn = to.map(Range::column).orElse(childColumn(tgtSection.get()));
                for (int i = from.get().first(); i <= from.get().last(); i++) {
                    String l = srcLines.get(i);
                    int indent = indentation(l);
                    if (l.isBlank()) {
                        copied.add(l);
                    } else if (indent < from.get().column()) {
                        return new Failed(file + ":" + (i + 1) + ": the " + env + "." + svc
                                + " entry has a line left of its key; a partial promotion copies block entries only");
                    } else {
                        copied.add(" ".repeat(targetColumn) + l.substring(from.get().column()));
                    }
                }
                if (!copied.isEmpty() && !copied.get(copied.size() - 1).endsWith("\n")) {
                    copied.set(copied.size() - 1, copied.get(copied.size() - 1) + "\n");
                }
            }
            int at;
            int remove;
            if (to.isPresent()) {
                at = to.get().first();
                remove = to.get().last() - to.get().first() + 1;
            } else {
                at = lastLine(tgtSection.get()) + 1;
                remove = 0;
            }
            edits.add(new Object[] {at, remove, copied});
        }
        edits.sort((a, b) -> Integer.compare((int) b[0], (int) a[0]));
        for (Object[] e : edits) {
            int at = (int) e[0];
            int remove = (int) e[1];
            @SuppressWarnings("unchecked")
            List<String> insert = (List<String>) e[2];
            if (at > 0 && at == lines.size() && !lines.get(at - 1).endsWith("\n")) {
                lines.set(at - 1, lines.get(at - 1) + "\n");
            }
            for (int i = 0; i < remove; i++) {
                lines.remove(at);
            }
            lines.addAll(at, insert);
        }
        String out = String.join("", lines);
        return verify(file, source, target, out, env, services) ? new Done(out)
                : new Failed(file + ": copying " + String.join(", ", services) + " of the " + env
                + " section would not read back as intended (anchors, aliases or flow style?); nothing was written");
    }

    private static boolean verify(String file, String source, String target, String out, String env, Set<String> services) {
        Optional<Map<String, Object>> s = YamlEntries.of(source.getBytes(StandardCharsets.UTF_8));
        Optional<Map<String, Object>> t = YamlEntries.of(target.getBytes(StandardCharsets.UTF_8));
        Optional<Map<String, Object>> o = YamlEntries.of(out.getBytes(StandardCharsets.UTF_8));
        if (s.isEmpty() || t.isEmpty() || o.isEmpty()) {
            return false;
        }
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(t.get().keySet());
        keys.addAll(o.get().keySet());
        for (String svc : services) {
            keys.add(env + "." + svc);
        }
        for (String k : keys) {
            boolean copied = services.stream().anyMatch(svc -> k.equals(env + "." + svc));
            Map<String, Object> expected = copied ? s.get() : t.get();
            if (expected.containsKey(k) != o.get().containsKey(k) || !Objects.equals(expected.get(k), o.get().get(k))) {
                return false;
            }
        }
        return true;
    }

    private static Optional<MappingNode> section(String text, String env) {
        Node root;
        try {
            LoaderOptions o = new LoaderOptions();
            o.setMaxAliasesForCollections(50);
            root = new Yaml(new SafeConstructor(o)).compose(new StringReader(text));
        } catch (YAMLException e) {
            return Optional.empty();
        }
        if (!(root instanceof MappingNode m)) {
            return Optional.empty();
        }
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(env)
                    && t.getValueNode() instanceof MappingNode v && !v.getFlowStyle().equals(org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW)
                    && !v.getValue().isEmpty()) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    private static Optional<Range> entry(MappingNode section, String key) {
        for (NodeTuple t : section.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return Optional.of(new Range(k.getStartMark().getLine(), endLine(t.getValueNode()), k.getStartMark().getColumn()));
            }
        }
        return Optional.empty();
    }

    private static int childColumn(MappingNode section) {
        return section.getValue().get(0).getKeyNode().getStartMark().getColumn();
    }

    private static int lastLine(MappingNode section) {
        List<NodeTuple> v = section.getValue();
        return endLine(v.get(v.size() - 1).getValueNode());
    }

    /** The last line holding part of {@code n} (a block collection ends with its last child, not at the next token). */
    private static int endLine(Node n) {
        if (n instanceof MappingNode m && m.getFlowStyle() != org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW && !m.getValue().isEmpty()) {
            return endLine(m.getValue().get(m.getValue().size() - 1).getValueNode());
        }
        if (n instanceof SequenceNode s && s.getFlowStyle() != org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW && !s.getValue().isEmpty()) {
            return endLine(s.getValue().get(s.getValue().size() - 1));
        }
        int line = n.getEndMark().getLine();
        return n.getEndMark().getColumn() == 0 && line > n.getStartMark().getLine() ? line - 1 : line;
    }

    private static int indentation(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** The lines of {@code text}, each with its line break. */
    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }
}
