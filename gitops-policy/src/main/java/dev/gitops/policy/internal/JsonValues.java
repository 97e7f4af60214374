package dev.gitops.policy.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitops.model.Value;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/** Converts model {@link Value}s to Jackson trees (kept internal: no Jackson type in the API). */
public final class JsonValues {
    private JsonValues() {}

    private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** The Jackson tree of a value; integral numbers become integer nodes so that integer fields accept them. */
    public static JsonNode toNode(Value v) {
        if (v instanceof Value.Obj o) {
            ObjectNode n = F.objectNode();
            for (Map.Entry<String, Value> e : o.fields().entrySet()) {
                n.set(e.getKey(), toNode(e.getValue()));
            }
            return n;
        }
        if (v instanceof Value.Arr a) {
            ArrayNode n = F.arrayNode(a.items().size());
            for (Value x : a.items()) {
                n.add(toNode(x));
            }
            return n;
        }
        if (v instanceof Value.Str s) {
            return F.textNode(s.value());
        }
        if (v instanceof Value.Num num) {
            return number(num.value());
        }
        if (v instanceof Value.Bool b) {
            return F.booleanNode(b.value());
        }
        return F.nullNode();
    }

    /**
     * Streams a value into a generator as the tokens {@link #toNode} would give (integral numbers
     * as int, long or big integer), without building a tree.
     */
    public static void write(Value v, JsonGenerator g) throws IOException {
        if (v instanceof Value.Obj o) {
            g.writeStartObject();
            for (Map.Entry<String, Value> e : o.fields().entrySet()) {
                g.writeFieldName(e.getKey());
                write(e.getValue(), g);
            }
            g.writeEndObject();
        } else if (v instanceof Value.Arr a) {
            g.writeStartArray();
            for (Value x : a.items()) {
                write(x, g);
            }
            g.writeEndArray();
        } else if (v instanceof Value.Str s) {
            g.writeString(s.value());
        } else if (v instanceof Value.Num num) {
            BigDecimal d = num.value();
            if (d.scale() == 0 && d.precision() < 10) {
                // the common case (replicas, ports, seconds): an int without any BigInteger work
                g.writeNumber(d.intValue());
                return;
            }
            BigDecimal s = d.scale() <= 0 ? d : d.stripTrailingZeros();
            if (s.scale() > 0) {
                g.writeNumber(d);
            } else {
                BigInteger i = s.toBigIntegerExact();
                if (i.bitLength() < 32) {
                    g.writeNumber(i.intValue());
                } else if (i.bitLength() < 64) {
                    g.writeNumber(i.longValue());
                } else {
                    g.writeNumber(i);
                }
            }
        } else if (v instanceof Value.Bool b) {
            g.writeBoolean(b.value());
        } else {
            g.writeNull();
        }
    }

    private static JsonNode number(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() <= 0) {
            BigInteger i = s.toBigIntegerExact();
            if (i.compareTo(INT_MIN) >= 0 && i.compareTo(INT_MAX) <= 0) {
                return F.numberNode(i.intValue());
            }
            if (i.compareTo(LONG_MIN) >= 0 && i.compareTo(LONG_MAX) <= 0) {
                return F.numberNode(i.longValue());
            }
            return F.numberNode(i);
        }
        return F.numberNode(d);
    }
}
