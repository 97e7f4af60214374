package dev.gitops.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable JSON-like value from an input file: environment parameters, service {@code env}
 * values, unknown service keys and Terraform outputs keep their shape as one of these. Objects keep
 * the order of the file. Numbers are exact ({@link BigDecimal}), never floating point.
 */
public sealed interface Value {

    /**
     * A string.
     *
     * @param value the text
     */
    record Str(String value) implements Value {
        /**
         * Checks that {@code value} is not null.
         *
         * @param value the text
         */
        public Str {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A number, exact.
     *
     * @param value the exact number
     */
    record Num(BigDecimal value) implements Value {
        /**
         * Checks that {@code value} is not null.
         *
         * @param value the exact number
         */
        public Num {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A boolean. */
    record Bool(boolean value) implements Value {}

    /** The YAML/JSON null. */
    record Null() implements Value {}

    /**
     * A sequence.
     *
     * @param items the items, in order (unmodifiable)
     */
    record Arr(List<Value> items) implements Value {
        /**
         * Copies the list.
         *
         * @param items the items, in order (unmodifiable)
         */
        public Arr {
            items = List.copyOf(items);
        }
    }

    /**
     * A mapping with the order of the source. The constructor keeps an unmodifiable copy of the map
     * it is given (the fields of another Obj are taken as they are); {@link Builder} builds one
     * without that copy.
     *
     * @param fields the fields, in source order (unmodifiable)
     */
    record Obj(Map<String, Value> fields) implements Value {
        /**
         * Keeps an unmodifiable copy of {@code fields}.
         *
         * @param fields the fields, in source order (unmodifiable)
         */
        public Obj {
            fields = FieldMap.of(fields);
        }
    }

    /**
     * Builds an {@link Obj} field by field, handing the filled map to the object instead of copying
     * it: for code that makes large trees (a rendered environment). One use; not thread-safe.
     *
     * <pre>{@code
     * Value.Obj o = Value.builder(2).put("name", Value.of("api")).put("replicas", Value.of(2)).build();
     * }</pre>
     */
    final class Builder {
        private FieldMap.Filler fields;

        private Builder(int expectedFields) {
            this.fields = new FieldMap.Filler(expectedFields);
        }

        /**
         * Adds a field at the end, or replaces the value of a field already there (keeping its place).
         *
         * @param key the field's name
         * @param value the field's value
         * @return this builder
         * @throws IllegalStateException when the builder has already built its object
         */
        public Builder put(String key, Value value) {
            if (fields == null) {
                throw new IllegalStateException("this builder already built its object");
            }
            fields.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * The object; the builder cannot be used afterwards.
         *
         * @return the object
         * @throws IllegalStateException when called a second time
         */
        public Obj build() {
            if (fields == null) {
                throw new IllegalStateException("this builder already built its object");
            }
            Obj o = new Obj(fields.build());
            fields = null;
            return o;
        }
    }

    /**
     * Appends {@code s} as a quoted JSON string: the short escapes, {@code \\u00xx} for other control
     * characters (U+0000-U+001F, U+007F-U+009F), everything else as it is (go-jsonnet's rule). Every
     * JSON text of the project writes its strings with this method.
     *
     * @param s the string to write
     * @param b where to append it, quotes included
     */
    static void appendJsonString(String s, StringBuilder b) {
        dev.gitops.model.internal.JsonStrings.append(s, b);
    }

    /**
     * A {@link Builder} for an object of about {@code expectedFields} fields.
     *
     * @param expectedFields the expected number of fields (a sizing hint)
     * @return an empty builder
     */
    static Builder builder(int expectedFields) {
        return new Builder(expectedFields);
    }

    /** The null value. */
    Null NULL = new Null();

    /**
     * @param s the text
     * @return a {@link Str}
     */
    static Value of(String s) {
        return new Str(s);
    }

    /**
     * @param n the number
     * @return a {@link Num}
     */
    static Value of(long n) {
        return new Num(BigDecimal.valueOf(n));
    }

    /**
     * @param b the boolean
     * @return a {@link Bool}
     */
    static Value of(boolean b) {
        return new Bool(b);
    }

    /**
     * @param fields the fields, in order; copied
     * @return an {@link Obj}
     */
    static Value of(Map<String, Value> fields) {
        return new Obj(fields);
    }

    /**
     * @param items the items, in order; copied
     * @return an {@link Arr}
     */
    static Value of(List<Value> items) {
        return new Arr(items);
    }

    /**
     * The value as canonical JSON text: no insignificant white space, object keys in the order of
     * the value, numbers in plain notation, strings escaped as RFC 8259 requires.
     *
     * @return the JSON text
     */
    default String toJson() {
        StringBuilder b = new StringBuilder();
        ValueJson.write(this, b);
        return b.toString();
    }

    /**
     * The text a scalar value takes in an environment variable or a ConfigMap: strings as they
     * are, numbers in plain notation, booleans as {@code true}/{@code false}, null as the empty
     * string; arrays and objects as their JSON.
     *
     * @return the text
     */
    default String asText() {
        if (this instanceof Str s) {
            return s.value();
        }
        if (this instanceof Num n) {
            return ValueJson.number(n.value());
        }
        if (this instanceof Bool b) {
            return Boolean.toString(b.value());
        }
        if (this instanceof Null) {
            return "";
        }
        return toJson();
    }

    /**
     * JSON equality: numbers compared by value ({@code 1} equals {@code 1.0}), object fields
     * regardless of their order, arrays item by item. ({@link Object#equals(Object) equals} compares the records:
     * {@code 1} and {@code 1.0} differ there.)
     *
     * @param other another value
     * @return true when both are equal, numbers compared by value
     */
    default boolean sameAs(Value other) {
        if (this instanceof Num x && other instanceof Num y) {
            return x.value().compareTo(y.value()) == 0;
        }
        if (this instanceof Obj x && other instanceof Obj y) {
            if (x.fields().size() != y.fields().size()) {
                return false;
            }
            for (Map.Entry<String, Value> e : x.fields().entrySet()) {
                Value v = y.fields().get(e.getKey());
                if (v == null || !e.getValue().sameAs(v)) {
                    return false;
                }
            }
            return true;
        }
        if (this instanceof Arr x && other instanceof Arr y) {
            if (x.items().size() != y.items().size()) {
                return false;
            }
            for (int i = 0; i < x.items().size(); i++) {
                if (!x.items().get(i).sameAs(y.items().get(i))) {
                    return false;
                }
            }
            return true;
        }
        return equals(other);
    }

    /**
     * Converts plain Java values (String, Number, Boolean, null, List, Map) to a Value.
     *
     * @param o a String, Number, Boolean, null, List or Map of those
     * @return the value
     * @throws IllegalArgumentException for any other type
     */
    static Value fromJava(Object o) {
        if (o == null) {
            return NULL;
        }
        if (o instanceof Value v) {
            return v;
        }
        if (o instanceof String s) {
            return new Str(s);
        }
        if (o instanceof Boolean b) {
            return new Bool(b);
        }
        if (o instanceof BigDecimal d) {
            return new Num(d);
        }
        if (o instanceof Number n) {
            return new Num(new BigDecimal(n.toString()));
        }
        if (o instanceof List<?> l) {
            List<Value> items = new ArrayList<>(l.size());
            for (Object x : l) {
                items.add(fromJava(x));
            }
            return new Arr(items);
        }
        if (o instanceof Map<?, ?> m) {
            Map<String, Value> f = new LinkedHashMap<>();
            m.forEach((k, v) -> f.put(String.valueOf(k), fromJava(v)));
            return new Obj(f);
        }
        throw new IllegalArgumentException("not a JSON-like value: " + o.getClass().getName());
    }
}
