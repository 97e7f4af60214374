package dev.gitops.model;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The fields of a {@link Value.Obj}: an unmodifiable map in insertion order over a
 * {@link LinkedHashMap} that nothing else can reach. Being a type of its own lets
 * {@code Value.Obj} take one without copying it again ({@link #of}), and lets
 * {@link Value.Builder} hand over the map it filled: a rendered manifest tree is built once, not
 * twice.
 */
final class FieldMap extends AbstractMap<String, Value> {
    private final LinkedHashMap<String, Value> map;
    private final Map<String, Value> view;

    private FieldMap(LinkedHashMap<String, Value> owned) {
        this.map = owned;
        this.view = Collections.unmodifiableMap(owned);
    }

    /** {@code fields} itself when it is a FieldMap already, else an unmodifiable copy in its order. */
    static FieldMap of(Map<String, Value> fields) {
        if (fields instanceof FieldMap f) {
            return f;
        }
        return new FieldMap(new LinkedHashMap<>(fields));
    }

    /** Takes over {@code owned}, which the caller must never touch again. */
    static FieldMap owning(LinkedHashMap<String, Value> owned) {
        return new FieldMap(owned);
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public boolean containsKey(Object key) {
        return map.containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
        return map.containsValue(value);
    }

    @Override
    public Value get(Object key) {
        return map.get(key);
    }

    @Override
    public Value getOrDefault(Object key, Value defaultValue) {
        return map.getOrDefault(key, defaultValue);
    }

    /** In insertion order, without the entry wrappers an unmodifiable entry set allocates. */
    @Override
    public void forEach(BiConsumer<? super String, ? super Value> action) {
        map.forEach(action);
    }

    @Override
    public Set<Entry<String, Value>> entrySet() {
        return view.entrySet();
    }

    @Override
    public Set<String> keySet() {
        return view.keySet();
    }

    @Override
    public Collection<Value> values() {
        return view.values();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || map.equals(o);
    }

    @Override
    public int hashCode() {
        return map.hashCode();
    }

    @Override
    public String toString() {
        return map.toString();
    }
}
