package dev.gitops.model.internal;

import dev.gitops.model.FileSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable in-memory {@link FileSource} with optional symbolic links. Links are resolved
 * segment by segment, like a file system would, with a bound on the number of hops so a link cycle
 * reads as absent instead of looping.
 */
public final class MemoryFileSource implements FileSource {
    private static final int MAX_HOPS = 40;
    private final Map<String, byte[]> files;
    private final Map<String, String> links;
    private final TreeSet<String> dirs = new TreeSet<>();

    public MemoryFileSource(Map<String, byte[]> files, Map<String, String> links) {
        TreeMap<String, byte[]> f = new TreeMap<>();
        files.forEach((k, v) -> f.put(key(k), v.clone()));
        TreeMap<String, String> l = new TreeMap<>();
        links.forEach((k, v) -> l.put(key(k), v));
        this.files = Collections.unmodifiableMap(f);
        this.links = Collections.unmodifiableMap(l);
        dirs.add("");
        for (String p : f.keySet()) {
            addParents(p);
        }
        for (String p : l.keySet()) {
            addParents(p);
        }
    }

    private static String key(String k) {
        String n = FileSource.normalize(k).orElseThrow(() -> new IllegalArgumentException("not a relative path: " + k));
        if (n.isEmpty()) {
            throw new IllegalArgumentException("not a file path: " + k);
        }
        return n;
    }

    private void addParents(String p) {
        int i = p.lastIndexOf('/');
        while (i > 0) {
            p = p.substring(0, i);
            dirs.add(p);
            i = p.lastIndexOf('/');
        }
    }

    @Override
    public Optional<String> resolve(String path) {
        Optional<String> norm = FileSource.normalize(path);
        if (norm.isEmpty()) {
            return Optional.empty();
        }
        if (links.isEmpty()) {
            // Without links the normal form is the path itself (normalize has taken out every
            // "..", and every parent of a file is a folder): it only has to exist.
            String p = norm.get();
            return p.isEmpty() || files.containsKey(p) || dirs.contains(p) ? norm : Optional.empty();
        }
        String current = "";
        List<String> todo = new ArrayList<>(norm.get().isEmpty() ? List.of() : List.of(norm.get().split("/")));
        int hops = 0;
        while (!todo.isEmpty()) {
            String seg = todo.remove(0);
            if (seg.equals("..")) {
                if (current.isEmpty()) {
                    return Optional.empty();
                }
                int i = current.lastIndexOf('/');
                current = i < 0 ? "" : current.substring(0, i);
                continue;
            }
            if (seg.equals(".") || seg.isEmpty()) {
                continue;
            }
            String next = current.isEmpty() ? seg : current + "/" + seg;
            String target = links.get(next);
            if (target != null) {
                if (++hops > MAX_HOPS || target.startsWith("/")) {
                    return Optional.empty();
                }
                List<String> expanded = new ArrayList<>(List.of(target.split("/")));
                expanded.addAll(todo);
                todo = expanded;
                continue;
            }
            if (!files.containsKey(next) && !dirs.contains(next)) {
                return Optional.empty();
            }
            current = next;
        }
        return Optional.of(current);
    }

    @Override
    public Optional<byte[]> read(String path) {
        return resolve(path).map(files::get).map(byte[]::clone);
    }

    @Override
    public boolean isDirectory(String path) {
        return resolve(path).map(dirs::contains).orElse(false);
    }

    @Override
    public List<String> list(String dir) {
        Optional<String> d = resolve(dir);
        if (d.isEmpty() || !dirs.contains(d.get())) {
            return List.of();
        }
        String prefix = d.get().isEmpty() ? "" : d.get() + "/";
        TreeSet<String> names = new TreeSet<>();
        for (var all : List.of(files.keySet(), links.keySet(), dirs)) {
            for (String p : all) {
                if (p.startsWith(prefix) && p.length() > prefix.length()) {
                    String rest = p.substring(prefix.length());
                    int slash = rest.indexOf('/');
                    names.add(slash < 0 ? rest : rest.substring(0, slash));
                }
            }
        }
        return List.copyOf(names);
    }

    @Override
    public String describe() {
        return "in-memory files";
    }
}
