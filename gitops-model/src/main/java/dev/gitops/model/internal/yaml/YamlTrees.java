package dev.gitops.model.internal.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.gitops.model.Value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Conversions of {@link YamlNode} trees: to Jackson trees (for JSON Schema) and to {@link Value}. */
public final class YamlTrees {
    private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

    private YamlTrees() {}

    /** The exact number of an INT or FLOAT scalar; empty for anything else. */
    public static Optional<BigDecimal> number(YamlNode.Scalar s) {
        String t = s.text();
        try {
            if (s.kind() == YamlNode.Kind.INT) {
                boolean neg = t.startsWith("-");
                String u = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
                BigInteger i = u.startsWith("0x") ? new BigInteger(u.substring(2), 16)
                        : u.startsWith("0o") ? new BigInteger(u.substring(2), 8)
                        : new BigInteger(u);
                return Optional.of(new BigDecimal(neg ? i.negate() : i));
            }
            if (s.kind() == YamlNode.Kind.FLOAT) {
                String u = t.startsWith("+") ? t.substring(1) : t;
                u = u.replace("-.", "-0.");
                if (u.startsWith(".")) {
                    u = "0" + u;
                }
                u = u.replace(".e", ".0e").replace(".E", ".0E");
                if (u.endsWith(".")) {
                    u = u + "0";
                }
                return Optional.of(new BigDecimal(u));
            }
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The node as a Jackson tree, for JSON Schema validation. */
    public static JsonNode toJson(YamlNode n) {
        if (n instanceof YamlNode.Scalar s) {
            return switch (s.kind()) {
                case STRING -> F.textNode(s.text());
                case BOOL -> F.booleanNode(s.text().equalsIgnoreCase("true"));
                case NULL -> F.nullNode();
                case INT -> {
                    BigInteger i = number(s).orElse(BigDecimal.ZERO).toBigIntegerExact();
                    yield i.bitLength() < 63 ? F.numberNode(i.longValue()) : F.numberNode(i);
                }
                case FLOAT -> F.numberNode(number(s).orElse(BigDecimal.ZERO));
            };
        }
        if (n instanceof YamlNode.Sequence q) {
            ArrayNode a = F.arrayNode(q.items().size());
            for (YamlNode i : q.items()) {
                a.add(toJson(i));
            }
            return a;
        }
        YamlNode.Mapping m = (YamlNode.Mapping) n;
        ObjectNode o = F.objectNode();
        for (YamlNode.Entry e : m.entries().values()) {
            o.set(e.key(), toJson(e.value()));
        }
        return o;
    }

    /** The node as a {@link Value}. */
    public static Value toValue(YamlNode n) {
        if (n instanceof YamlNode.Scalar s) {
            return switch (s.kind()) {
                case STRING -> new Value.Str(s.text());
                case BOOL -> new Value.Bool(s.text().equalsIgnoreCase("true"));
                case NULL -> Value.NULL;
                case INT, FLOAT -> number(s).<Value>map(Value.Num::new).orElse(new Value.Str(s.text()));
            };
        }
        if (n instanceof YamlNode.Sequence q) {
            List<Value> items = new ArrayList<>(q.items().size());
            for (YamlNode i : q.items()) {
                items.add(toValue(i));
            }
            return new Value.Arr(items);
        }
        YamlNode.Mapping m = (YamlNode.Mapping) n;
        Map<String, Value> f = new LinkedHashMap<>();
        for (YamlNode.Entry e : m.entries().values()) {
            f.put(e.key(), toValue(e.value()));
        }
        return new Value.Obj(f);
    }

    /** The node at a JSON pointer below {@code root}, or empty. */
    public static Optional<YamlNode> at(YamlNode root, List<String> segments) {
        YamlNode cur = root;
        for (String seg : segments) {
            if (cur instanceof YamlNode.Mapping m) {
                cur = m.get(seg);
            } else if (cur instanceof YamlNode.Sequence q) {
                int i;
                try {
                    i = Integer.parseInt(seg);
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                cur = i >= 0 && i < q.items().size() ? q.items().get(i) : null;
            } else {
                cur = null;
            }
            if (cur == null) {
                return Optional.empty();
            }
        }
        return Optional.of(cur);
    }
}
