package dev.gitops.git.internal;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.Constructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.StringReader;

/**
 * The text of a YAML file that an editor changes in place (tags.yaml, secrets.yaml), with its node
 * tree: positions are code point indexes into {@link #text}, so a splice replaces exactly the
 * characters of a node and leaves comments, blank lines and the quoting of everything else as they
 * were. The byte order mark is kept aside and put back by {@link #withBom}.
 */
final class EditableYaml {
    private static final String BOM = "\uFEFF";

    final String file;
    final boolean bom;
    final String text;
    final int[] cps;
    final String eol;
    /** The document's root node; null for an empty document. */
    final Node root;

    private EditableYaml(String file, boolean bom, String text, Node root) {
        this.file = file;
        this.bom = bom;
        this.text = text;
        this.cps = text.codePoints().toArray();
        this.root = root;
        this.eol = text.contains("\r\n") ? "\r\n" : "\n";
    }

    /**
     * Parses {@code content} into nodes.
     *
     * @throws YamlLayoutException when it is not YAML, or has line breaks other than LF and CRLF
     */
    static EditableYaml parse(String file, String content) throws YamlLayoutException {
        boolean bom = content.startsWith(BOM);
        String text = bom ? content.substring(1) : content;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // YAML 1.1 line breaks other than \n and \r\n would shift every line count after them.
            if ((c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))
                    || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                throw new YamlLayoutException(file + ": contains a line break other than LF or CRLF; normalise line endings");
            }
        }
        try {
            return new EditableYaml(file, bom, text, yaml().compose(new StringReader(text)));
        } catch (MarkedYAMLException e) {
            var m = e.getProblemMark();
            String where = m == null ? file : file + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
            // getProblem() only: the exception's own text quotes the offending line, which may hold a value.
            throw new YamlLayoutException(where + ": not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new YamlLayoutException(file + ": not valid YAML");
        }
    }

    private static Yaml yaml() {
        LoaderOptions o = new LoaderOptions();
        o.setCodePointLimit(dev.gitops.model.FileSource.MAX_FILE_BYTES);
        o.setMaxAliasesForCollections(0);
        o.setAllowDuplicateKeys(true); // duplicates are reported by the editors with their line
        DumperOptions d = new DumperOptions();
        // Every key and value is read as text: the implicit type resolvers (a regular expression
        // per plain scalar, most of the parse time of a large file) would only be ignored. Merge
        // keys are still refused, by their spelling (checkPlainNode and the editors' key checks).
        return new Yaml(new Constructor(o), new Representer(d), d, o, new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                // none
            }
        });
    }

    /** Refuses anchors, aliases and merge keys, which an in-place edit could not keep meaning the same. */
    static void checkPlainNode(String file, Node n, String kind) throws YamlLayoutException {
        if (n.getAnchor() != null) {
            throw new YamlLayoutException(at(file, n) + ": anchors and aliases are not supported in " + kind);
        }
        if (n.getTag().equals(Tag.MERGE)) {
            throw new YamlLayoutException(at(file, n) + ": merge keys (<<) are not supported in " + kind);
        }
    }

    /** {@code file:line:col} of a node. */
    static String at(String file, Node n) {
        return file + ":" + (n.getStartMark().getLine() + 1) + ":" + (n.getStartMark().getColumn() + 1);
    }

    /** The text with code points {@code [startCp, endCp)} replaced. */
    String splice(int startCp, int endCp, String replacement) {
        StringBuilder b = new StringBuilder(text.length() + replacement.length());
        b.append(new String(cps, 0, startCp)).append(replacement).append(new String(cps, endCp, cps.length - endCp));
        return b.toString();
    }

    /** Inserts {@code line} as a new line after the line holding code point {@code index}. */
    String insertAfterLineOf(int index, String line) {
        int i = index;
        while (i < cps.length && cps[i] != '\n') {
            i++;
        }
        if (i >= cps.length) {
            // The last line has no line break: keep it that way after the new line too.
            return text + eol + line;
        }
        int cut = i + 1;
        return new String(cps, 0, cut) + line + eol + new String(cps, cut, cps.length - cut);
    }

    /** The index of the first code point of the line holding {@code index}. */
    int lineStart(int index) {
        int i = Math.min(index, cps.length);
        while (i > 0 && cps[i - 1] != '\n') {
            i--;
        }
        return i;
    }

    /** The index just after the line break ending the line holding {@code index} (or the end of the text). */
    int nextLineStart(int index) {
        int i = index;
        while (i < cps.length && cps[i] != '\n') {
            i++;
        }
        return Math.min(i + 1, cps.length);
    }

    /** {@code edited} with the original byte order mark, if any. */
    String withBom(String edited) {
        return (bom ? BOM : "") + edited;
    }
}
