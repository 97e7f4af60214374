package dev.gitops.model.internal.yaml;

import dev.gitops.model.JsonPointer;
import dev.gitops.model.LoadLimits;
import dev.gitops.model.Problem;
import dev.gitops.model.SourceLocation;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one YAML file into a {@link YamlNode} tree with a location for every node, refusing
 * hostile input with a clear problem instead of exhausting memory or time.
 *
 * <p>It works on SnakeYAML's event stream, not its composer, so that every limit is checked with a
 * location and nothing is ever expanded: an alias shares the anchored node. Rules:
 * <ul>
 *   <li>bytes: at most {@link LoadLimits#maxFileBytes()}, strict UTF-8 (a leading BOM is dropped);
 *   <li>scalars are resolved with the YAML 1.2 core schema ({@code yes}, {@code on}, dates stay
 *       strings); explicit tags other than the core ones ({@code !!java...}, {@code !foo},
 *       {@code !!binary}) are refused;
 *   <li>duplicate keys are errors naming both places; merge keys ({@code <<}) are applied as YAML
 *       1.1 defines them (explicit keys win, earlier sources win over later ones);
 *   <li>nesting deeper than {@link LoadLimits#maxDepth()}, more than {@link LoadLimits#maxAliases()}
 *       aliases, or aliases that expand to more than {@code 100,000 + 10 x events} nodes are refused;
 *   <li>one document per file.
 * </ul>
 */
public final class YamlReader {
    private static final String CORE = "tag:yaml.org,2002:";
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern INT = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
    private static final Pattern FLOAT =
            Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern SPECIAL_FLOAT = Pattern.compile("[-+]?\\.(inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN");

    /** The result of reading one file. */
    public record Result(Optional<YamlNode> root, Map<String, SourceLocation> index, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final String file;
    private final LoadLimits limits;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, SourceLocation> index;
    private final Map<String, YamlNode> anchors = new HashMap<>();
    private final Set<String> openAnchors = new HashSet<>();
    private long events;
    private int aliases;

    /** Whether problems may quote scalar values; never for files that can hold secrets. */
    private final boolean quoteValues;

    private YamlReader(String file, LoadLimits limits, int bytes, boolean quoteValues) {
        this.file = file;
        this.limits = limits;
        this.quoteValues = quoteValues;
        // one entry per node, about one node per 16 bytes of a typical file: no rehashing while reading
        this.index = new HashMap<>(Math.max(16, Math.min(bytes, limits.maxFileBytes()) / 12));
    }

    /** Reads {@code bytes} as the YAML file {@code file}. Never throws for bad input. */
    public static Result read(String file, byte[] bytes, LoadLimits limits) {
        return read(file, bytes, limits, true);
    }

    /**
     * Reads {@code bytes} as the YAML file {@code file}. Never throws for bad input.
     *
     * @param quoteValues false for a file that may hold secret values (secrets.yaml, env files):
     *     then no problem quotes a scalar of the file
     */
    public static Result read(String file, byte[] bytes, LoadLimits limits, boolean quoteValues) {
        return new YamlReader(file, limits, bytes.length, quoteValues).run(bytes);
    }

    private Result run(byte[] bytes) {
        if (bytes.length > limits.maxFileBytes()) {
            report(Problem.of(SourceLocation.ofFile(file),
                    "file is " + bytes.length + " bytes, more than the limit of " + limits.maxFileBytes() + " bytes",
                    "split the file or raise LoadLimits.maxFileBytes"));
            return result(null);
        }
        String text = decode(bytes);
        if (text == null) {
            return result(null);
        }
        YamlNode root;
        try {
            root = parse(text);
        } catch (Abort a) {
            root = null;
        } catch (MarkedYAMLException e) {
            problems.add(syntax(e));
            root = null;
        } catch (ReaderException e) {
            problems.add(reader(e, text));
            root = null;
        } catch (YAMLException e) {
            problems.add(other(e));
            root = null;
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            // SnakeYAML's scanner lets these escape on malformed escapes such as a backslash-u without hex
            // digits; bad input must still come back as a problem, never as an exception.
            problems.add(malformedEscape(text));
            root = null;
        }
        return result(root);
    }

    private Result result(YamlNode root) {
        return new Result(Optional.ofNullable(problems.isEmpty() ? root : null), index, List.copyOf(problems));
    }

    private String decode(byte[] bytes) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            int lineStart = 0;
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int col = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8).codePointCount(0,
                    new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8).length()) + 1;
            report(Problem.of(new SourceLocation(file, line, col, ""),
                    String.format("not valid UTF-8 (byte 0x%02X)", bytes[at] & 0xff),
                    "save the file as UTF-8"));
            return null;
        }
        dec.flush(out);
        out.flip();
        String s = out.toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** Thrown to stop reading a file after a problem that makes the rest meaningless. */
    private static final class Abort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abort() {
            super(null, null, false, false);
        }
    }

    private Abort abort(Mark m, String message, String hint) {
        problems.add(Problem.of(loc(m, ""), message, hint));
        return new Abort();
    }

    /** Most problems reported from one file; a file with more is not worth reading further. */
    static final int MAX_PROBLEMS = 100;

    /** Records a problem; stops reading the file at {@link #MAX_PROBLEMS}. */
    private void report(Problem p) {
        problems.add(p);
        if (problems.size() >= MAX_PROBLEMS) {
            problems.add(Problem.of(new SourceLocation(file, p.location().line(), p.location().column(), ""),
                    MAX_PROBLEMS + " problems in this file; reading stopped here",
                    "fix these first, then load again"));
            throw new Abort();
        }
    }

    private SourceLocation loc(Mark m, String pointer) {
        return new SourceLocation(file, m.getLine() + 1, m.getColumn() + 1, pointer);
    }

    private SourceLocation loc(int line, int col, String pointer) {
        return new SourceLocation(file, line, col, pointer);
    }

    /** A collection under construction. */
    private abstract static class Frame {
        final String pointer;
        final Mark start;
        final String anchor;

        Frame(String pointer, Mark start, String anchor) {
            this.pointer = pointer;
            this.start = start;
            this.anchor = anchor;
        }
    }

    private static final class MapFrame extends Frame {
        final List<RawEntry> entries = new ArrayList<>();
        RawKey pendingKey;

        MapFrame(String pointer, Mark start, String anchor) {
            super(pointer, start, anchor);
        }
    }

    private static final class SeqFrame extends Frame {
        final List<YamlNode> items = new ArrayList<>();

        SeqFrame(String pointer, Mark start, String anchor) {
            super(pointer, start, anchor);
        }
    }

    private record RawKey(String text, boolean merge, int line, int col, boolean valid) {}

    private record RawEntry(RawKey key, YamlNode value) {}

    private YamlNode parse(String text) {
        LoaderOptions opts = new LoaderOptions();
        opts.setNestingDepthLimit(limits.maxDepth() + 2);
        opts.setCodePointLimit(Math.max(text.length() + 1, 1));
        opts.setProcessComments(false);
        Parser parser = new ParserImpl(new StreamReader(text), opts);
        Deque<Frame> stack = new ArrayDeque<>();
        YamlNode root = null;
        int documents = 0;
        while (parser.peekEvent() != null) {
            Event ev = parser.getEvent();
            events++;
            switch (ev.getEventId()) {
                case StreamStart, StreamEnd, DocumentEnd -> { }
                case DocumentStart -> {
                    documents++;
                    if (documents > 1) {
                        throw abort(ev.getStartMark(), "more than one YAML document ('---') in one file",
                                "keep one document per file");
                    }
                }
                case Alias -> {
                    AliasEvent a = (AliasEvent) ev;
                    if (++aliases > limits.maxAliases()) {
                        throw abort(ev.getStartMark(), "more than " + limits.maxAliases() + " YAML aliases",
                                "write the values out, or raise LoadLimits.maxAliases");
                    }
                    YamlNode target = anchors.get(a.getAnchor());
                    if (target == null) {
                        throw abort(ev.getStartMark(), openAnchors.contains(a.getAnchor())
                                        ? "alias *" + a.getAnchor() + " refers to a value that contains it (a recursive alias)"
                                        : "alias *" + a.getAnchor() + " refers to no anchor &" + a.getAnchor() + " above it",
                                "define the anchor before the alias, and never inside the value it names");
                    }
                    root = complete(stack, target, ev.getStartMark(), true, root);
                }
                case Scalar -> {
                    ScalarEvent s = (ScalarEvent) ev;
                    YamlNode.Scalar node = scalar(s);
                    lastScalarPlain = s.isPlain() && s.getTag() == null;
                    if (s.getAnchor() != null) {
                        anchors.put(s.getAnchor(), node);
                    }
                    root = complete(stack, node, ev.getStartMark(), false, root);
                }
                case MappingStart, SequenceStart -> {
                    CollectionStartEvent c = (CollectionStartEvent) ev;
                    checkCollectionTag(c);
                    if (stack.size() >= limits.maxDepth()) {
                        throw abort(ev.getStartMark(), "nesting deeper than " + limits.maxDepth() + " levels",
                                "flatten the structure, or raise LoadLimits.maxDepth");
                    }
                    String ptr = childPointer(stack);
                    if (c.getAnchor() != null) {
                        openAnchors.add(c.getAnchor());
                        anchors.remove(c.getAnchor());
                    }
                    stack.push(ev instanceof MappingStartEvent
                            ? new MapFrame(ptr, ev.getStartMark(), c.getAnchor())
                            : new SeqFrame(ptr, ev.getStartMark(), c.getAnchor()));
                }
                case MappingEnd, SequenceEnd -> {
                    Frame f = stack.pop();
                    YamlNode node = f instanceof MapFrame m ? mapping(m) : sequence((SeqFrame) f);
                    if (f.anchor != null) {
                        openAnchors.remove(f.anchor);
                        anchors.put(f.anchor, node);
                    }
                    root = complete(stack, node, f.start, false, root);
                }
                default -> { }
            }
        }
        return root;
    }

    private void checkCollectionTag(CollectionStartEvent c) {
        String tag = c.getTag();
        if (tag == null || tag.equals("!")) {
            return;
        }
        String want = c instanceof SequenceStartEvent ? CORE + "seq" : CORE + "map";
        if (!tag.equals(want)) {
            report(Problem.of(loc(c.getStartMark(), ""), "YAML tag '" + shortTag(tag) + "' is not allowed",
                    "remove the tag: input files hold plain values (strings, numbers, booleans, null, mappings, lists)"));
        }
    }

    private static String shortTag(String tag) {
        return tag.startsWith(CORE) ? "!!" + tag.substring(CORE.length()) : tag;
    }

    private String childPointer(Deque<Frame> stack) {
        Frame top = stack.peek();
        if (top == null) {
            return "";
        }
        if (top instanceof MapFrame m) {
            if (m.pendingKey == null) {
                return m.pointer + "/?";   // a key being built; complex keys are refused anyway
            }
            return JsonPointer.append(m.pointer, m.pendingKey.text);
        }
        return top.pointer + "/" + ((SeqFrame) top).items.size();
    }

    private YamlNode.Scalar scalar(ScalarEvent s) {
        Mark m = s.getStartMark();
        int line = m.getLine() + 1;
        int col = m.getColumn() + 1;
        String v = s.getValue();
        String tag = s.getTag();
        YamlNode.Kind kind;
        if (tag != null && !tag.equals("!")) {
            kind = switch (tag) {
                case CORE + "str" -> YamlNode.Kind.STRING;
                case CORE + "int" -> YamlNode.Kind.INT;
                case CORE + "float" -> YamlNode.Kind.FLOAT;
                case CORE + "bool" -> YamlNode.Kind.BOOL;
                case CORE + "null" -> YamlNode.Kind.NULL;
                default -> null;
            };
            if (kind == null) {
                report(Problem.of(loc(line, col, ""), "YAML tag '" + shortTag(tag) + "' is not allowed",
                        "remove the tag: input files hold plain values (strings, numbers, booleans, null, mappings, lists)"));
                kind = YamlNode.Kind.STRING;
            } else if (kind != YamlNode.Kind.STRING && resolve(v) != kind) {
                report(Problem.of(loc(line, col, ""), shown(v) + " is not a valid " + shortTag(tag),
                        "remove the tag or fix the value"));
                kind = YamlNode.Kind.STRING;
            }
        } else if (s.isPlain()) {
            kind = resolve(v);
            if (kind == YamlNode.Kind.FLOAT && SPECIAL_FLOAT.matcher(v).matches()) {
                report(Problem.of(loc(line, col, ""), shown(v) + " is not a finite number",
                        quoteValues ? "quote it if it is text: \"" + v + "\"" : "quote it if it is text"));
                kind = YamlNode.Kind.STRING;
            }
        } else {
            kind = YamlNode.Kind.STRING;
        }
        if ((kind == YamlNode.Kind.INT || kind == YamlNode.Kind.FLOAT) && outOfRange(v, kind)) {
            // 1e999999999 is a few bytes of YAML but a billion digits as text: refuse it here
            String shown = v.length() > 40 ? v.substring(0, 40) + "..." : v;
            report(Problem.of(loc(line, col, ""), (quoteValues ? "the number '" + shown + "'" : "the number (value not shown)")
                    + " is out of range: at most " + MAX_DIGITS + " digits and an exponent within +-" + MAX_EXPONENT,
                    quoteValues && shown.equals(v) ? "quote it if it is text: \"" + v + "\"" : "quote it if it is text"));
            kind = YamlNode.Kind.STRING;
        }
        return new YamlNode.Scalar(v, kind, line, col);
    }

    /** A scalar as a problem may show it: quoted, or not at all in a file that may hold secrets. */
    private String shown(String v) {
        return quoteValues ? "'" + v + "'" : "the value (not shown)";
    }

    private static final int MAX_DIGITS = 100;
    private static final int MAX_EXPONENT = 400;

    /** Whether a number has more digits or a larger exponent than any configuration value needs. */
    static boolean outOfRange(String v, YamlNode.Kind kind) {
        String u = v.startsWith("+") || v.startsWith("-") ? v.substring(1) : v;
        if (kind == YamlNode.Kind.INT) {
            if (u.startsWith("0x") || u.startsWith("0o")) {
                u = u.substring(2);
            }
            return u.length() > MAX_DIGITS;
        }
        int e = Math.max(u.indexOf('e'), u.indexOf('E'));
        String mantissa = e < 0 ? u : u.substring(0, e);
        if (mantissa.length() > MAX_DIGITS + 1) {
            return true;
        }
        if (e < 0) {
            return false;
        }
        String exp = u.substring(e + 1);
        String digits = exp.startsWith("+") || exp.startsWith("-") ? exp.substring(1) : exp;
        return digits.length() > 3 || Integer.parseInt(digits) > MAX_EXPONENT;
    }

    /** The YAML 1.2 core schema resolution of a plain scalar. */
    public static YamlNode.Kind resolve(String v) {
        if (!v.isEmpty()) {
            // Fast path: most plain scalars are words, which no core-schema pattern can match.
            char c = v.charAt(0);
            boolean maybe = (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.' || c == '~'
                    || c == 't' || c == 'T' || c == 'f' || c == 'F' || c == 'n' || c == 'N';
            if (!maybe) {
                return YamlNode.Kind.STRING;
            }
            // Second fast path: decimal integers (replicas, ports) and digit-led words that no
            // number pattern can match (512Mi, 100m, 2Gi): decided without a regular expression.
            boolean digitsOnly = true;
            for (int i = (c == '+' || c == '-') ? 1 : 0; i < v.length(); i++) {
                char x = v.charAt(i);
                if (x < '0' || x > '9') {
                    digitsOnly = false;
                    if (c >= '0' && c <= '9' && "+-.eExXoabcdfABCDF".indexOf(x) < 0) {
                        return YamlNode.Kind.STRING;
                    }
                }
            }
            if (digitsOnly && v.length() > ((c == '+' || c == '-') ? 1 : 0)) {
                return YamlNode.Kind.INT;
            }
        }
        if (NULL.matcher(v).matches()) {
            return YamlNode.Kind.NULL;
        }
        if (BOOL.matcher(v).matches()) {
            return YamlNode.Kind.BOOL;
        }
        if (INT.matcher(v).matches()) {
            return YamlNode.Kind.INT;
        }
        if (FLOAT.matcher(v).matches() || SPECIAL_FLOAT.matcher(v).matches()) {
            return YamlNode.Kind.FLOAT;
        }
        return YamlNode.Kind.STRING;
    }

    /** Attaches a completed node to its parent (or makes it the root). */
    private YamlNode complete(Deque<Frame> stack, YamlNode node, Mark start, boolean alias, YamlNode root) {
        long limit = 100_000 + 10 * events;
        if (node.size() > limit) {
            throw abort(start, "YAML aliases expand this value to more than " + limit + " nodes (an alias bomb?)",
                    "write the values out instead of nesting aliases");
        }
        Frame top = stack.peek();
        if (top == null) {
            if (!alias) {
                record("", node, node.line(), node.column());
            } else {
                record("", node, start.getLine() + 1, start.getColumn() + 1);
            }
            return node;
        }
        if (top instanceof MapFrame m) {
            if (m.pendingKey == null) {
                m.pendingKey = key(node, alias, start);
            } else {
                RawKey k = m.pendingKey;
                m.pendingKey = null;
                m.entries.add(new RawEntry(k, node));
                if (k.valid && !k.merge) {
                    String ptr = JsonPointer.append(m.pointer, k.text);
                    if (alias || node instanceof YamlNode.Mapping || node instanceof YamlNode.Sequence) {
                        record(ptr, node, k.line, k.col);
                    } else {
                        record(ptr, node, node.line(), node.column());
                    }
                }
            }
        } else {
            SeqFrame s = (SeqFrame) top;
            String ptr = s.pointer + "/" + s.items.size();
            s.items.add(node);
            if (alias) {
                record(ptr, node, start.getLine() + 1, start.getColumn() + 1);
            } else {
                record(ptr, node, node.line(), node.column());
            }
        }
        return root;
    }

    private void record(String pointer, YamlNode node, int line, int col) {
        index.put(pointer, loc(line, col, pointer));
    }

    private RawKey key(YamlNode node, boolean alias, Mark start) {
        int line = alias ? start.getLine() + 1 : node.line();
        int col = alias ? start.getColumn() + 1 : node.column();
        if (node instanceof YamlNode.Scalar s) {
            if (s.kind() == YamlNode.Kind.NULL && !alias && s.text().isEmpty()) {
                report(Problem.of(loc(line, col, ""), "empty mapping key", "write a name before the ':'"));
                return new RawKey("", false, line, col, false);
            }
            boolean merge = !alias && s.text().equals("<<") && lastScalarPlain;
            return new RawKey(s.text(), merge, line, col, true);
        }
        report(Problem.of(loc(line, col, ""), "a mapping key must be a plain value, not " + node.describe(),
                "use a string as the key"));
        return new RawKey("?", false, line, col, false);
    }

    /** Whether the scalar just read was plain and untagged: only a plain {@code <<} is a merge key. */
    private boolean lastScalarPlain;

    private YamlNode mapping(MapFrame m) {
        Map<String, RawEntry> explicit = new HashMap<>();
        Map<String, YamlNode.Entry> out = new LinkedHashMap<>();
        long size = 1;
        for (RawEntry e : m.entries) {
            if (!e.key.valid || e.key.merge) {
                continue;
            }
            RawEntry first = explicit.putIfAbsent(e.key.text, e);
            if (first != null) {
                report(Problem.of(loc(e.key.line, e.key.col, JsonPointer.append(m.pointer, e.key.text)),
                        "duplicate key '" + e.key.text + "' (first at line " + first.key.line + ", column " + first.key.col + ")",
                        "keep one of them: YAML readers disagree on which one wins"));
            }
        }
        for (RawEntry e : m.entries) {
            if (!e.key.valid) {
                continue;
            }
            if (e.key.merge) {
                List<YamlNode.Mapping> sources = mergeSources(e, m.pointer);
                for (YamlNode.Mapping src : sources) {
                    for (YamlNode.Entry se : src.entries().values()) {
                        if (!explicit.containsKey(se.key()) && !out.containsKey(se.key())) {
                            out.put(se.key(), se);
                            size = sat(size, 1 + se.value().size());
                            String ptr = JsonPointer.append(m.pointer, se.key());
                            index.putIfAbsent(ptr, loc(se.keyLine(), se.keyColumn(), ptr));
                        }
                    }
                }
                continue;
            }
            if (explicit.get(e.key.text) != e) {
                continue;    // a duplicate, already reported
            }
            out.put(e.key.text, new YamlNode.Entry(e.key.text, e.key.line, e.key.col, e.value));
            size = sat(size, 1 + e.value.size());
        }
        return new YamlNode.Mapping(out, m.start.getLine() + 1, m.start.getColumn() + 1, size);
    }

    private List<YamlNode.Mapping> mergeSources(RawEntry e, String pointer) {
        YamlNode v = e.value;
        if (v instanceof YamlNode.Mapping mm) {
            return List.of(mm);
        }
        if (v instanceof YamlNode.Sequence s && s.items().stream().allMatch(i -> i instanceof YamlNode.Mapping)) {
            return s.items().stream().map(i -> (YamlNode.Mapping) i).toList();
        }
        report(Problem.of(loc(e.key.line, e.key.col, pointer + "/<<"),
                "a merge key '<<' needs a mapping or a list of mappings, found " + v.describe(),
                "write '<<: *anchor' where &anchor names a mapping, or quote the key if '<<' is meant literally"));
        return List.of();
    }

    private YamlNode sequence(SeqFrame s) {
        long size = 1;
        for (YamlNode n : s.items) {
            size = sat(size, n.size());
        }
        return new YamlNode.Sequence(s.items, s.start.getLine() + 1, s.start.getColumn() + 1, size);
    }

    private static long sat(long a, long b) {
        long r = a + b;
        return r < 0 || r > Long.MAX_VALUE / 4 ? Long.MAX_VALUE / 4 : r;
    }

    private Problem syntax(MarkedYAMLException e) {
        Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = e.getProblem() == null ? "malformed YAML" : e.getProblem().trim();
        SourceLocation where = m == null ? SourceLocation.ofFile(file) : loc(m, "");
        if (problem.contains("\\t(TAB)") || problem.contains("\t")) {
            return Problem.of(where, "tab character used for indentation",
                    "YAML indents with spaces only: replace the tab with spaces");
        }
        StringBuilder msg = new StringBuilder("YAML syntax error: ").append(problem);
        if (e.getContext() != null && e.getContextMark() != null && m != e.getContextMark()) {
            msg.append(" (").append(e.getContext().trim()).append(" at line ")
                    .append(e.getContextMark().getLine() + 1).append(", column ")
                    .append(e.getContextMark().getColumn() + 1).append(')');
        }
        return Problem.of(where, msg.toString(), "check the indentation, colons and quoting around this place");
    }

    private Problem reader(ReaderException e, String text) {
        // SnakeYAML's position counts code points
        int index = text.offsetByCodePoints(0, Math.min(e.getPosition(), text.codePointCount(0, text.length())));
        return Problem.of(locate(text, index),
                String.format("control character U+%04X is not allowed in YAML", e.getCodePoint()),
                String.format("remove it, or write it as the escape \\u%04X inside a double-quoted string", e.getCodePoint()));
    }

    /** The place of {@code text.charAt(index)}; columns count code points. */
    private SourceLocation locate(String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return loc(line, text.codePointCount(lineStart, index) + 1, "");
    }

    private static final java.util.regex.Pattern BAD_ESCAPE =
            java.util.regex.Pattern.compile("\\\\(x(?![0-9a-fA-F]{2})|u(?![0-9a-fA-F]{4})|U(?![0-9a-fA-F]{8}))");

    /** The first {@code \\x}, {@code \\u} or {@code \\U} escape without its hex digits, as a problem. */
    private Problem malformedEscape(String text) {
        String hint = "in a double-quoted string, \\x takes 2 hex digits, \\u 4 and \\U 8; "
                + "write a literal backslash as \\\\ or use a single-quoted string";
        java.util.regex.Matcher m = BAD_ESCAPE.matcher(text);
        if (m.find()) {
            return Problem.of(locate(text, m.start()),
                    "malformed escape '" + m.group() + "' in a double-quoted string", hint);
        }
        return Problem.of(SourceLocation.ofFile(file), "a double-quoted string has a malformed escape", hint);
    }

    private Problem other(YAMLException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        if (msg.startsWith("Nesting Depth")) {
            return Problem.of(SourceLocation.ofFile(file), "nesting deeper than " + limits.maxDepth() + " levels",
                    "flatten the structure, or raise LoadLimits.maxDepth");
        }
        return Problem.of(SourceLocation.ofFile(file), "YAML could not be read: " + msg,
                "check the file's syntax");
    }
}
