package dev.gitops.cli.internal.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchivableLambdasTest {
    private static final String SAMPLES = LambdaSamples.class.getName();

    @TempDir
    Path tmp;

    @Test
    void serializableLambda_becomesAPlainOne_andTheOthersKeepTheirBootstrap() throws Exception {
        ArchivableLambdas.Rewrite r = ArchivableLambdas.rewrite(classBytes(LambdaSamples.class));
        assertEquals(2, r.callSites(), "the two lambdas that ask for nothing but serializability and are not cast to it");

        Class<?> c = new OneClassLoader(SAMPLES, r.bytes()).loadClass(SAMPLES);
        assertTrue(c != LambdaSamples.class, "the rewritten class, not the test class path's");

        Supplier<?> s = (Supplier<?>) call(c, "serializable", "x");
        assertEquals("s:x", s.get());
        assertFalse(s instanceof Serializable, "the one thing it gives up");

        Supplier<?> cast = (Supplier<?>) call(c, "cast");
        assertEquals("c", cast.get());
        assertTrue(cast instanceof Serializable);

        Supplier<?> m = (Supplier<?>) call(c, "marked");
        assertEquals("m", m.get());
        assertTrue(m instanceof Serializable);
        assertTrue(Arrays.stream(m.getClass().getInterfaces()).anyMatch(i -> i.getSimpleName().equals("Marker")));

        @SuppressWarnings("unchecked")
        Function<Object, Object> b = (Function<Object, Object>) call(c, "bridged");
        assertEquals("ABC", b.apply("abc"), "called through the interface's bridge");
        assertFalse(b instanceof Serializable);

        assertEquals("p", ((Supplier<?>) call(c, "plain")).get());
    }

    @Test
    void rewrite_twice_changesNothingTheSecondTime() throws IOException {
        byte[] once = ArchivableLambdas.rewrite(classBytes(LambdaSamples.class)).bytes();
        ArchivableLambdas.Rewrite twice = ArchivableLambdas.rewrite(once);
        assertEquals(0, twice.callSites());
        assertSame(once, twice.bytes());
    }

    @Test
    void classWithoutSerializableLambdas_isReturnedAsItIs() throws IOException {
        byte[] plain = classBytes(ArchivableLambdas.class);
        ArchivableLambdas.Rewrite r = ArchivableLambdas.rewrite(plain);
        assertEquals(0, r.callSites());
        assertSame(plain, r.bytes());
    }

    @Test
    void notAClassFile_orTruncated_isRefused() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> ArchivableLambdas.rewrite("hello, world".getBytes(StandardCharsets.UTF_8)));
        byte[] full = classBytes(LambdaSamples.class);
        assertThrows(IllegalArgumentException.class, () -> ArchivableLambdas.rewrite(Arrays.copyOf(full, full.length / 2)));
    }

    @Test
    void jar_isRewrittenInPlace_keepingEveryOtherEntry() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
        entries.put("dev/gitops/cli/internal/image/", new byte[0]);
        entries.put("dev/gitops/cli/internal/image/LambdaSamples.class", classBytes(LambdaSamples.class));
        entries.put("dev/gitops/cli/internal/image/ArchivableLambdas.class", classBytes(ArchivableLambdas.class));
        entries.put("notes.txt", "kept as it is".getBytes(StandardCharsets.UTF_8));
        Path jar = jar("samples.jar", entries);

        ArchivableLambdas.Count c = ArchivableLambdas.rewriteJar(jar);
        assertEquals(new ArchivableLambdas.Count(2, 1), c);

        Map<String, byte[]> after = read(jar);
        assertEquals(entries.keySet().stream().toList(), after.keySet().stream().toList(), "same entries, same order");
        for (String name : entries.keySet()) {
            byte[] expected = name.endsWith("LambdaSamples.class")
                    ? ArchivableLambdas.rewrite(entries.get(name)).bytes() : entries.get(name);
            assertArrayEquals(expected, after.get(name), name);
        }
        assertFalse(Files.exists(jar.resolveSibling("samples.jar.tmp")));
        assertEquals(new ArchivableLambdas.Count(0, 0), ArchivableLambdas.rewriteJar(jar), "idempotent");
    }

    @Test
    void jarWithNothingToDo_orSigned_isNotTouched() throws IOException {
        Path plain = jar("plain.jar", Map.of("a/B.class", classBytes(ArchivableLambdas.class)));
        Map<String, byte[]> signedEntries = new LinkedHashMap<>();
        signedEntries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
        signedEntries.put("META-INF/SIGNER.SF", "Signature-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
        signedEntries.put("dev/gitops/cli/internal/image/LambdaSamples.class", classBytes(LambdaSamples.class));
        Path signed = jar("signed.jar", signedEntries);
        for (Path jar : new Path[] {plain, signed}) {
            byte[] before = Files.readAllBytes(jar);
            FileTime time = FileTime.fromMillis(1_000_000_000_000L);
            Files.setLastModifiedTime(jar, time);
            assertEquals(new ArchivableLambdas.Count(0, 0), ArchivableLambdas.rewriteJar(jar));
            assertArrayEquals(before, Files.readAllBytes(jar));
            assertEquals(time, Files.getLastModifiedTime(jar));
        }
    }

    private static Object call(Class<?> c, String method, Object... args) throws Exception {
        Class<?>[] types = Arrays.stream(args).map(Object::getClass).toArray(Class<?>[]::new);
        Method m = c.getMethod(method, types);
        return m.invoke(null, args);
    }

    private static byte[] classBytes(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }

    private Path jar(String name, Map<String, byte[]> entries) throws IOException {
        Path jar = tmp.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return jar;
    }

    private static Map<String, byte[]> read(Path jar) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(jar.toFile())) {
            for (ZipEntry e : z.stream().toList()) {
                try (InputStream in = z.getInputStream(e)) {
                    m.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return m;
    }

    /** Defines one class (and its nested ones from the parent's bytes) itself; the rest from the parent. */
    private static final class OneClassLoader extends ClassLoader {
        private final String name;
        private final byte[] bytes;

        OneClassLoader(String name, byte[] bytes) {
            super(ArchivableLambdasTest.class.getClassLoader());
            this.name = name;
            this.bytes = bytes;
        }

        @Override
        protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(n)) {
                Class<?> c = findLoadedClass(n);
                if (c == null && n.equals(name)) {
                    c = defineClass(n, bytes, 0, bytes.length);
                } else if (c == null && n.startsWith(name + "$")) {
                    try (InputStream in = getParent().getResourceAsStream(n.replace('.', '/') + ".class")) {
                        byte[] b = in.readAllBytes();
                        c = defineClass(n, b, 0, b.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(n, e);
                    }
                } else if (c == null) {
                    return super.loadClass(n, resolve);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
