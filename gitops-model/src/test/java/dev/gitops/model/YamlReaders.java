package dev.gitops.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gitops.model.internal.yaml.YamlNode;
import dev.gitops.model.internal.yaml.YamlReader;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The readers {@link YamlScalars} must satisfy, each as an independent oracle for the tests: the
 * patterns of the YAML 1.1 types and the YAML 1.2 core schema, SnakeYAML's resolver and loader
 * (YAML 1.1), Jackson YAML, go-yaml's resolution (as sigs.k8s.io/yaml in Argo CD and kubectl uses
 * it), and the model's own loader.
 */
final class YamlReaders {
    private YamlReaders() {}

    // https://yaml.org/type/: bool, null, int, float, timestamp, merge, value
    private static final Pattern YAML11_BOOL = Pattern.compile(
            "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
    private static final Pattern YAML11_NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern YAML11_INT = Pattern.compile(
            "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+");
    private static final Pattern YAML11_FLOAT = Pattern.compile(
            "[-+]?([0-9][0-9_]*)?\\.[0-9.]*([eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*"
                    + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    private static final Pattern YAML11_TIMESTAMP = Pattern.compile(
            "[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
                    + "(([Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](\\.[0-9]*)?([ \\t]*(Z|[-+][0-9][0-9]?(:[0-9][0-9])?))?)?");
    // https://yaml.org/spec/1.2.2/#1032-tag-resolution
    private static final Pattern YAML12_NULL = Pattern.compile("null|Null|NULL|~|");
    private static final Pattern YAML12_BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern YAML12_INT = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
    private static final Pattern YAML12_FLOAT = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN");

    /** Whether the type patterns of YAML 1.1 or 1.2 give {@code s} a type other than string. */
    static boolean specPatternsRetype(String s) {
        return YAML11_BOOL.matcher(s).matches() || YAML11_NULL.matcher(s).matches() || YAML11_INT.matcher(s).matches()
                || YAML11_FLOAT.matcher(s).matches() || YAML11_TIMESTAMP.matcher(s).matches()
                || YAML12_NULL.matcher(s).matches() || YAML12_BOOL.matcher(s).matches()
                || YAML12_INT.matcher(s).matches() || YAML12_FLOAT.matcher(s).matches()
                || s.equals("<<") || s.equals("=");
    }

    private static final Resolver SNAKE_RESOLVER = new Resolver();

    /** Whether SnakeYAML's YAML 1.1 resolver gives the plain scalar {@code s} a tag other than str. */
    static boolean snakeYamlRetypes(String s) {
        return !SNAKE_RESOLVER.resolve(NodeId.scalar, s, true).equals(Tag.STR);
    }

    // go-yaml (v2 and v3, resolve.go): a plain scalar starting with a digit, a sign or a dot is tried,
    // with every '_' removed, as Go's strconv.ParseInt(s, 0, 64) (0x, 0o, 0b in either case, a
    // leading 0 for octal), then as a float of yamlStyleFloat; one starting with '.' as ParseFloat;
    // a timestamp is tried first for digits. The words are resolveMap's.
    private static final Pattern GO_INT = Pattern.compile("[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|[0-9]+)");
    private static final Pattern GO_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern GO_TIMESTAMP = Pattern.compile(
            "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(([Tt][0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\\.[0-9]+)?(Z|[-+][0-9]{2}:[0-9]{2})?)"
                    + "|( [0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\\.[0-9]+)?))?");
    private static final Pattern GO_WORDS = Pattern.compile(
            "y|Y|yes|Yes|YES|on|On|ON|n|N|no|No|NO|off|Off|OFF|true|True|TRUE|false|False|FALSE|null|Null|NULL|~"
                    + "|\\.nan|\\.NaN|\\.NAN|[-+]?\\.(inf|Inf|INF)|<<|");

    /** Whether go-yaml resolves the plain scalar {@code s} to anything but a string. */
    static boolean goYamlRetypes(String s) {
        if (GO_WORDS.matcher(s).matches()) {
            return true;
        }
        char c = s.charAt(0);
        if (c == '.') {
            return GO_FLOAT.matcher(s).matches();
        }
        if ((c >= '0' && c <= '9') || c == '-' || c == '+') {
            String plain = s.replace("_", "");
            return GO_TIMESTAMP.matcher(s).matches() || GO_INT.matcher(plain).matches() || GO_FLOAT.matcher(plain).matches();
        }
        return false;
    }

    /** Whether the model's loader (YAML 1.2 core) reads the plain scalar {@code s} as anything but a string. */
    static boolean modelRetypes(String s) {
        return YamlReader.resolve(s) != YamlNode.Kind.STRING;
    }

    /** The value of key {@code k} of the document {@code yaml} as SnakeYAML (YAML 1.1) loads it. */
    static Object snakeYamlValue(String yaml) {
        Map<?, ?> m = new Yaml(new LoaderOptions()).load(yaml);
        return m.get("k");
    }

    /** The single key of the document {@code yaml} as SnakeYAML (YAML 1.1) loads it. */
    static Object snakeYamlKey(String yaml) {
        Map<?, ?> m = new Yaml(new LoaderOptions()).load(yaml);
        return m.keySet().iterator().next();
    }

    private static final YAMLMapper JACKSON = new YAMLMapper();

    /** The value of key {@code k} of the document {@code yaml} as Jackson YAML reads it into a tree. */
    static JsonNode jacksonValue(String yaml) {
        try {
            return JACKSON.readTree(yaml).get("k");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of key {@code k} of the document {@code yaml} as the model's loader reads it. */
    static YamlNode modelValue(String yaml) {
        YamlReader.Result r = YamlReader.read("t.yaml", yaml.getBytes(StandardCharsets.UTF_8), LoadLimits.DEFAULT);
        if (!r.ok()) {
            throw new AssertionError(r.problems() + "\n" + yaml);
        }
        return ((YamlNode.Mapping) r.root().orElseThrow()).get("k");
    }
}
