package dev.gitops.model;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The module exports its API package and nothing else; internals stay internal. */
class ModuleDescriptorTest {
    @Test
    void moduleInfo_exportsExactlyTheApiPackage() throws Exception {
        Path info = Path.of("target/classes/module-info.class");
        assertTrue(Files.exists(info), "module-info.class compiled");
        ModuleDescriptor d;
        try (InputStream in = Files.newInputStream(info)) {
            d = ModuleDescriptor.read(in);
        }
        assertEquals("dev.gitops.model", d.name());
        Set<String> exports = d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        assertEquals(Set.of("dev.gitops.model"), exports);
        assertTrue(d.exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified));
        assertTrue(d.opens().isEmpty());
        Set<String> requires = d.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet());
        assertTrue(requires.containsAll(Set.of("com.fasterxml.jackson.databind", "org.yaml.snakeyaml", "com.networknt.schema")));
    }

    /**
     * The API package's public signatures use only the JDK and the model itself: no Jackson,
     * SnakeYAML or networknt type and no internal class leaks to users.
     */
    @Test
    void apiPackage_publicSignatures_useOnlyJdkAndModelTypes() throws Exception {
        List<String> leaks = new ArrayList<>();
        List<Class<?>> api = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("target/classes/dev/gitops/model"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                // binary names: Image$Resolved.class is dev.gitops.model.Image$Resolved
                api.add(Class.forName("dev.gitops.model." + p.getFileName().toString().replace(".class", ""), false,
                        getClass().getClassLoader()));
            }
        }
        assertTrue(api.size() > 20, "API classes found: " + api.size());
        for (Class<?> c : api) {
            if (!Modifier.isPublic(c.getModifiers())) {
                continue;
            }
            List<Type> types = new ArrayList<>();
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
                    types.add(m.getGenericReturnType());
                    addParameters(m, types);
                }
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (Modifier.isPublic(k.getModifiers())) {
                    addParameters(k, types);
                }
            }
            if (c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) {
                    types.add(rc.getGenericType());
                }
            }
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                if (Modifier.isPublic(f.getModifiers())) {
                    types.add(f.getGenericType());
                }
            }
            for (Type t : types) {
                for (Class<?> used : raw(t)) {
                    String n = used.getName();
                    boolean ok = used.isPrimitive() || n.startsWith("java.")
                            || (n.startsWith("dev.gitops.model.") && !n.startsWith("dev.gitops.model.internal."));
                    if (!ok) {
                        leaks.add(c.getName() + " uses " + n);
                    }
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    private static void addParameters(Executable e, List<Type> out) {
        out.addAll(List.of(e.getGenericParameterTypes()));
        out.addAll(List.of(e.getGenericExceptionTypes()));
    }

    private static List<Class<?>> raw(Type t) {
        List<Class<?>> out = new ArrayList<>();
        if (t instanceof Class<?> c) {
            out.add(c.isArray() ? c.getComponentType() : c);
        } else if (t instanceof ParameterizedType p) {
            out.addAll(raw(p.getRawType()));
            for (Type a : p.getActualTypeArguments()) {
                out.addAll(raw(a));
            }
        } else if (t instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                out.addAll(raw(b));
            }
            for (Type b : w.getLowerBounds()) {
                out.addAll(raw(b));
            }
        } else if (t instanceof java.lang.reflect.GenericArrayType g) {
            out.addAll(raw(g.getGenericComponentType()));
        }
        return out;
    }
}
