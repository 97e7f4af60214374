package dev.gitops.model.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** SHA-256 as lower-case hex. */
public final class Digests {
    private Digests() {}

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /**
     * path -> SHA-256 of the files' bytes, sorted by path, computed when first asked for. Only
     * promotion checks ask; a one-shot render (the Argo CD plugin) never does, and so never pays for
     * the hashing nor for the JVM's security providers, which take tens of milliseconds to start.
     * Unmodifiable and thread-safe.
     */
    public static final class Lazy extends AbstractMap<String, String> {
        private final TreeMap<String, byte[]> bytes;
        private volatile Map<String, String> hex;

        public Lazy(Map<String, byte[]> bytes) {
            this.bytes = new TreeMap<>(bytes);
        }

        private Map<String, String> hex() {
            Map<String, String> h = hex;
            if (h == null) {
                synchronized (this) {
                    h = hex;
                    if (h == null) {
                        TreeMap<String, String> m = new TreeMap<>();
                        bytes.forEach((k, v) -> m.put(k, sha256(v)));
                        h = Collections.unmodifiableMap(m);
                        hex = h;
                    }
                }
            }
            return h;
        }

        @Override
        public int size() {
            return bytes.size();
        }

        @Override
        public boolean containsKey(Object key) {
            return bytes.containsKey(key);
        }

        @Override
        public String get(Object key) {
            return hex().get(key);
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return hex().entrySet();
        }
    }
}
