package dev.gitops.model;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The fields of a {@link Value.Obj}: an unmodifiable map in insertion order, kept as two arrays
 * (keys, values). A rendered environment is mostly small objects, and two arrays hold one in about
 * a third of the memory of a LinkedHashMap, need no hashing to build, and are walked without
 * pointer chasing. Lookups scan the keys of a small object; a larger one gets a hash index on its
 * first lookup. Being a type of its own lets {@code Value.Obj} take one without copying it again
 * ({@link #of}), and lets {@link Value.Builder} hand over what it filled.
 *
 * <p>Immutable once built, and safe to share between threads (the index is published through a
 * volatile field, and building it twice is harmless).
 */
final class FieldMap extends AbstractMap<String, Value> {
    /** Objects up to this size are searched by scanning their keys. */
    private static final int SCAN = 8;
    private static final String[] NO_KEYS = {};
    private static final Value[] NO_VALUES = {};

    private final String[] keys;
    private final Value[] values;
    private final int size;
    private volatile HashMap<Object, Integer> index;
    private Set<Entry<String, Value>> entrySet;
    private Set<String> keySet;
    private Collection<Value> valueCollection;

    private FieldMap(String[] keys, Value[] values, int size) {
        this.keys = keys;
        this.values = values;
        this.size = size;
    }

    /** {@code fields} itself when it is a FieldMap already, else an unmodifiable copy in its order. */
    static FieldMap of(Map<String, Value> fields) {
        if (fields instanceof FieldMap f) {
            return f;
        }
        int n = fields.size();
        if (n == 0) {
            return new FieldMap(NO_KEYS, NO_VALUES, 0);
        }
        String[] k = new String[n];
        Value[] v = new Value[n];
        int i = 0;
        for (Entry<String, Value> e : fields.entrySet()) {
            k[i] = e.getKey();
            v[i] = e.getValue();
            i++;
        }
        return new FieldMap(k, v, i);
    }

    /** Fills a FieldMap field by field; a key put again keeps its place and takes the new value. */
    static final class Filler {
        private String[] keys;
        private Value[] values;
        private int size;
        private HashMap<Object, Integer> index;

        Filler(int expected) {
            int cap = Math.max(expected, 0);
            this.keys = cap == 0 ? NO_KEYS : new String[cap];
            this.values = cap == 0 ? NO_VALUES : new Value[cap];
        }

        void put(String key, Value value) {
            int at = find(key);
            if (at >= 0) {
                values[at] = value;
                return;
            }
            if (size == keys.length) {
                int cap = Math.max(4, size * 2);
                keys = Arrays.copyOf(keys, cap);
                values = Arrays.copyOf(values, cap);
            }
            keys[size] = key;
            values[size] = value;
            if (index != null) {
                index.put(key, size);
            }
            size++;
        }

        private int find(String key) {
            if (size <= SCAN) {
                return scan(keys, size, key);
            }
            if (index == null) {
                index = index(keys, size);
            }
            Integer i = index.get(key);
            return i == null ? -1 : i;
        }

        /** The map; the filler must not be used afterwards. */
        FieldMap build() {
            return new FieldMap(keys, values, size);
        }
    }

    private int indexOf(Object key) {
        if (size <= SCAN) {
            return scan(keys, size, key);
        }
        HashMap<Object, Integer> ix = index;
        if (ix == null) {
            ix = index(keys, size);
            index = ix;
        }
        Integer i = ix.get(key);
        return i == null ? -1 : i;
    }

    /** The position of {@code key} among the first {@code size} keys, -1 when absent. */
    private static int scan(String[] keys, int size, Object key) {
        for (int i = 0; i < size; i++) {
            if (Objects.equals(keys[i], key)) {
                return i;
            }
        }
        return -1;
    }

    /** Key -> position of the first {@code size} keys (distinct: a {@link Filler} replaces a key put again, and {@link #of} copies a map). */
    private static HashMap<Object, Integer> index(String[] keys, int size) {
        HashMap<Object, Integer> ix = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            ix.put(keys[i], i);
        }
        return ix;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public boolean containsValue(Object value) {
        for (int i = 0; i < size; i++) {
            if (Objects.equals(values[i], value)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Value get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public Value getOrDefault(Object key, Value defaultValue) {
        int i = indexOf(key);
        return i < 0 ? defaultValue : values[i];
    }

    /** In insertion order, without allocating. */
    @Override
    public void forEach(BiConsumer<? super String, ? super Value> action) {
        for (int i = 0; i < size; i++) {
            action.accept(keys[i], values[i]);
        }
    }

    @Override
    public Set<Entry<String, Value>> entrySet() {
        Set<Entry<String, Value>> s = entrySet;
        if (s == null) {
            s = new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Value>> iterator() {
                    return new Walk<>() {
                        @Override
                        Entry<String, Value> at(int i) {
                            return new SimpleImmutableEntry<>(keys[i], values[i]);
                        }
                    };
                }

                @Override
                public int size() {
                    return size;
                }
            };
            entrySet = s;
        }
        return s;
    }

    @Override
    public Set<String> keySet() {
        Set<String> s = keySet;
        if (s == null) {
            s = new AbstractSet<>() {
                @Override
                public Iterator<String> iterator() {
                    return new Walk<>() {
                        @Override
                        String at(int i) {
                            return keys[i];
                        }
                    };
                }

                @Override
                public int size() {
                    return size;
                }

                @Override
                public boolean contains(Object o) {
                    return containsKey(o);
                }
            };
            keySet = s;
        }
        return s;
    }

    @Override
    public Collection<Value> values() {
        Collection<Value> c = valueCollection;
        if (c == null) {
            c = new AbstractCollection<>() {
                @Override
                public Iterator<Value> iterator() {
                    return new Walk<>() {
                        @Override
                        Value at(int i) {
                            return values[i];
                        }
                    };
                }

                @Override
                public int size() {
                    return size;
                }
            };
            valueCollection = c;
        }
        return c;
    }

    /** An iterator over the positions, read-only. */
    private abstract class Walk<T> implements Iterator<T> {
        private int next;

        abstract T at(int i);

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        public T next() {
            if (next >= size) {
                throw new NoSuchElementException();
            }
            return at(next++);
        }
    }
}
