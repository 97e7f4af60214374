package dev.gitops.cli.internal.image;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites the serializable lambda call sites of a class file so that a class-data archive can
 * hold their classes. Part of building the plugin image, not of the CLI.
 *
 * <p>Why: Scala compiles every lambda as a serializable one, bootstrapped by
 * {@code LambdaMetafactory.altMetafactory} with {@code FLAG_SERIALIZABLE}. AppCDS and the AOT cache
 * archive the classes of plain {@code metafactory} lambdas only, so every start of the plugin spun
 * the ~230 lambda classes sjsonnet, fastparse and the Scala library create while rendering, with
 * the JDK's class-file writer running in the interpreter, on the path every Argo CD refresh waits
 * for (docs/PERFORMANCE.md has the numbers).
 *
 * <p>What: in the class file's {@code BootstrapMethods} attribute (JVMS 4.7.23), an entry that
 * calls {@code altMetafactory} with flags that ask for nothing but {@code FLAG_SERIALIZABLE} and
 * {@code FLAG_BRIDGES}, where every bridge has the lambda's own instantiated method type (the
 * bridge scalac adds for it, which no interface declares), becomes an entry that calls
 * {@code metafactory} with the first three arguments. The lambda objects behave the same, except
 * that they can no longer be serialized, which nothing in the plugin does. Entries that name marker
 * interfaces or other bridges, entries whose lambda the code casts to {@code Serializable} right
 * after creating it (javac's {@code (Supplier<T> & Serializable) () -> ...}), and every other
 * bootstrap, are left as they are. The instructions
 * are untouched (an {@code invokedynamic} keeps its constant), so stack maps stay valid; the
 * constant pool only grows by the five entries naming {@code metafactory}. Running it again
 * changes nothing.
 */
public final class ArchivableLambdas {
    private static final String LMF = "java/lang/invoke/LambdaMetafactory";
    private static final String METAFACTORY_TYPE = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
            + "Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;"
            + "Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;";
    private static final int FLAG_SERIALIZABLE = 1;
    private static final int FLAG_MARKERS = 2;
    private static final int FLAG_BRIDGES = 4;
    private static final int REF_INVOKE_STATIC = 6;

    /** Instruction lengths by opcode (JVMS chapter 6); 0 for the variable ones and unused opcodes. */
    private static final byte[] LENGTHS = new byte[0xCB];

    static {
        java.util.Arrays.fill(LENGTHS, (byte) 1);
        for (int op : new int[] {0x10, 0x12, 0x15, 0x16, 0x17, 0x18, 0x19, 0x36, 0x37, 0x38, 0x39, 0x3A, 0xA9, 0xBC}) {
            LENGTHS[op] = 2; // bipush, ldc, loads/stores with an index, ret, newarray
        }
        for (int op : new int[] {0x11, 0x13, 0x14, 0x84, 0xB2, 0xB3, 0xB4, 0xB5, 0xB6, 0xB7, 0xB8, 0xBB, 0xBD, 0xC0, 0xC1,
                0xC6, 0xC7}) {
            LENGTHS[op] = 3; // sipush, ldc_w, ldc2_w, iinc, field and method refs, new, anewarray, casts, ifnull
        }
        for (int op = 0x99; op <= 0xA8; op++) {
            LENGTHS[op] = 3; // if<cond>, if_icmp<cond>, if_acmp<cond>, goto, jsr
        }
        LENGTHS[0xC5] = 4; // multianewarray
        LENGTHS[0xB9] = 5; // invokeinterface
        LENGTHS[0xBA] = 5; // invokedynamic
        LENGTHS[0xC8] = 5; // goto_w
        LENGTHS[0xC9] = 5; // jsr_w
        LENGTHS[0xAA] = 0; // tableswitch
        LENGTHS[0xAB] = 0; // lookupswitch
        LENGTHS[0xC4] = 0; // wide
        LENGTHS[0xCA] = 0; // breakpoint: never in a class file
    }

    private ArchivableLambdas() {}

    /** What a rewrite did: call sites changed, and the classes (or jars) they were in. */
    public record Count(int callSites, int classes) {}

    /**
     * Rewrites every jar in each folder given, in place. Prints one line per changed jar and a
     * total on stderr; exits 2 on a usage error, 1 when a jar cannot be read or written.
     */
    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: java -cp gitops-cli.jar " + ArchivableLambdas.class.getName() + " <folder of jars>...");
            System.exit(2);
        }
        int sites = 0;
        int jars = 0;
        try {
            for (String a : args) {
                List<Path> files;
                try (Stream<Path> s = Files.list(Path.of(a))) {
                    files = s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
                }
                for (Path jar : files) {
                    Count c = rewriteJar(jar);
                    if (c.callSites() > 0) {
                        System.err.printf(Locale.ROOT, "%s: %d lambdas in %d classes%n",
                                jar.getFileName(), c.callSites(), c.classes());
                        sites += c.callSites();
                        jars++;
                    }
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            System.err.println("archivable lambdas: " + e.getMessage());
            System.exit(1);
        }
        System.err.printf(Locale.ROOT, "archivable lambdas: %d lambdas in %d jars made archivable%n", sites, jars);
    }

    /**
     * Rewrites the jar's classes in place (through a temporary file next to it). A jar without a
     * call site to rewrite is not touched, nor is a signed one (its signature would break).
     *
     * @return call sites rewritten, and in how many classes
     */
    public static Count rewriteJar(Path jar) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
        int sites = 0;
        int classes = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (signed(zip)) {
                return new Count(0, 0);
            }
            List<byte[]> bodies = new ArrayList<>();
            List<ZipEntry> entries = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                byte[] body;
                try (InputStream in = zip.getInputStream(e)) {
                    body = in.readAllBytes();
                }
                if (!e.isDirectory() && e.getName().endsWith(".class")) {
                    Rewrite r = rewrite(body);
                    if (r.callSites() > 0) {
                        sites += r.callSites();
                        classes++;
                        body = r.bytes();
                    }
                }
                entries.add(e);
                bodies.add(body);
            }
            if (sites == 0) {
                return new Count(0, 0);
            }
            try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream z = new ZipOutputStream(out)) {
                for (int i = 0; i < entries.size(); i++) {
                    ZipEntry old = entries.get(i);
                    ZipEntry e = new ZipEntry(old.getName());
                    e.setTime(old.getTime());
                    z.putNextEntry(e);
                    z.write(bodies.get(i));
                    z.closeEntry();
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Count(sites, classes);
    }

    private static boolean signed(ZipFile zip) {
        return zip.stream().map(ZipEntry::getName).anyMatch(n -> n.startsWith("META-INF/")
                && (n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".DSA") || n.endsWith(".EC")));
    }

    /** A class file and how many call sites were rewritten in it (0: the same array). */
    public record Rewrite(byte[] bytes, int callSites) {}

    /**
     * Rewrites one class file.
     *
     * @throws IllegalArgumentException when the bytes are not a class file this reader understands
     */
    public static Rewrite rewrite(byte[] classFile) {
        try {
            return new ClassBytes(classFile).rewrite();
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("truncated class file", e);
        }
    }

    /** The parts of a class file (JVMS chapter 4) this rewrite reads, by offset. */
    private static final class ClassBytes {
        private final byte[] b;
        private int cpCount;
        private int cpEnd;
        private int[] cpOffset;
        private int bsmAttr = -1;
        /** Bootstrap entries whose call site is followed by {@code checkcast java/io/Serializable}. */
        private final java.util.BitSet castToSerializable = new java.util.BitSet();

        ClassBytes(byte[] b) {
            this.b = b;
        }

        Rewrite rewrite() {
            if (u4(0) != 0xCAFEBABEL) {
                throw new IllegalArgumentException("not a class file");
            }
            readConstantPool();
            if (!findBootstrapMethods()) {
                return new Rewrite(b, 0);
            }
            int count = u2(bsmAttr + 6);
            // first pass: which entries qualify
            List<int[]> entries = new ArrayList<>(count);
            int p = bsmAttr + 8;
            int eligible = 0;
            for (int i = 0; i < count; i++) {
                int ref = u2(p);
                int n = u2(p + 2);
                int[] args = new int[n];
                for (int k = 0; k < n; k++) {
                    args[k] = u2(p + 4 + 2 * k);
                }
                boolean ok = isAltMetafactory(ref) && qualifies(args) && !castToSerializable.get(i);
                entries.add(ok ? new int[] {-1, args[0], args[1], args[2]} : concat(ref, args));
                eligible += ok ? 1 : 0;
                p += 4 + 2 * n;
            }
            if (eligible == 0) {
                return new Rewrite(b, 0);
            }
            if (cpCount + 5 > 0xFFFF) {
                return new Rewrite(b, 0); // no room for the new constants: leave the class alone
            }
            int handle = cpCount + 4;
            ByteArrayOutputStream table = new ByteArrayOutputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(b.length + 256);
            try (DataOutputStream t = new DataOutputStream(table); DataOutputStream out = new DataOutputStream(bytes)) {
                t.writeShort(count);
                for (int[] e : entries) {
                    t.writeShort(e[0] == -1 ? handle : e[0]);
                    t.writeShort(e.length - 1);
                    for (int k = 1; k < e.length; k++) {
                        t.writeShort(e[k]);
                    }
                }
                out.write(b, 0, 8);
                out.writeShort(cpCount + 5);
                out.write(b, 10, cpEnd - 10);
                // the new constants at cpCount..cpCount+4: Utf8 name, Utf8 type, NameAndType, Methodref, MethodHandle
                out.writeByte(1);
                out.writeUTF("metafactory");
                out.writeByte(1);
                out.writeUTF(METAFACTORY_TYPE);
                out.writeByte(12);
                out.writeShort(cpCount);
                out.writeShort(cpCount + 1);
                out.writeByte(10);
                out.writeShort(lambdaMetafactoryClass());
                out.writeShort(cpCount + 2);
                out.writeByte(15);
                out.writeByte(REF_INVOKE_STATIC);
                out.writeShort(cpCount + 3);
                // up to the BootstrapMethods attribute's name, then its new length and table, then the rest
                out.write(b, cpEnd, bsmAttr + 2 - cpEnd);
                out.writeInt(table.size());
                table.writeTo(out);
                int after = bsmAttr + 6 + (int) u4(bsmAttr + 2);
                out.write(b, after, b.length - after);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Rewrite(bytes.toByteArray(), eligible);
        }

        private static int[] concat(int ref, int[] args) {
            int[] r = new int[args.length + 1];
            r[0] = ref;
            System.arraycopy(args, 0, r, 1, args.length);
            return r;
        }

        /** altMetafactory(samType, impl, instantiatedType, flags[, bridgeCount, bridges...]) that needs nothing metafactory lacks. */
        private boolean qualifies(int[] args) {
            if (args.length < 4 || tag(args[0]) != 16 || tag(args[1]) != 15 || tag(args[2]) != 16 || tag(args[3]) != 3) {
                return false;
            }
            int flags = (int) u4(cpOffset[args[3]] + 1);
            if ((flags & ~(FLAG_SERIALIZABLE | FLAG_BRIDGES)) != 0) {
                return false;
            }
            if ((flags & FLAG_BRIDGES) == 0) {
                return args.length == 4;
            }
            if (args.length < 5 || tag(args[4]) != 3) {
                return false;
            }
            int bridges = (int) u4(cpOffset[args[4]] + 1);
            if (args.length != 5 + bridges) {
                return false;
            }
            String instantiated = methodTypeDescriptor(args[2]);
            for (int k = 0; k < bridges; k++) {
                int t = args[5 + k];
                if (tag(t) != 16 || !methodTypeDescriptor(t).equals(instantiated)) {
                    return false;
                }
            }
            return true;
        }

        private boolean isAltMetafactory(int handleIndex) {
            if (tag(handleIndex) != 15 || (b[cpOffset[handleIndex] + 1] & 0xFF) != REF_INVOKE_STATIC) {
                return false;
            }
            int ref = u2(cpOffset[handleIndex] + 2);
            if (tag(ref) != 10) {
                return false;
            }
            int cls = u2(cpOffset[ref] + 1);
            int nat = u2(cpOffset[ref] + 3);
            return className(cls).equals(LMF) && utf(u2(cpOffset[nat] + 1)).equals("altMetafactory");
        }

        /** The Class constant of LambdaMetafactory the altMetafactory reference uses. */
        private int lambdaMetafactoryClass() {
            for (int i = 1; i < cpCount; i++) {
                if (cpOffset[i] != 0 && tag(i) == 7 && className(i).equals(LMF)) {
                    return i;
                }
            }
            throw new IllegalStateException("altMetafactory without its class constant");
        }

        private String methodTypeDescriptor(int i) {
            return utf(u2(cpOffset[i] + 1));
        }

        private String className(int i) {
            return tag(i) == 7 ? utf(u2(cpOffset[i] + 1)) : "";
        }

        private String utf(int i) {
            if (tag(i) != 1) {
                return "";
            }
            int o = cpOffset[i];
            // Modified UTF-8 equals UTF-8 for the names compared here (ASCII)
            return new String(b, o + 3, u2(o + 1), StandardCharsets.UTF_8);
        }

        private int tag(int i) {
            if (i <= 0 || i >= cpCount || cpOffset[i] == 0) {
                return -1;
            }
            return b[cpOffset[i]] & 0xFF;
        }

        private void readConstantPool() {
            cpCount = u2(8);
            cpOffset = new int[cpCount];
            int p = 10;
            for (int i = 1; i < cpCount; i++) {
                cpOffset[i] = p;
                int tag = b[p] & 0xFF;
                switch (tag) {
                    case 1 -> p += 3 + u2(p + 1);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> p += 5;
                    case 5, 6 -> {
                        p += 9;
                        i++; // eight-byte constants take two slots
                    }
                    case 7, 8, 16, 19, 20 -> p += 3;
                    case 15 -> p += 4;
                    default -> throw new IllegalArgumentException("unknown constant pool tag " + tag + " at " + p);
                }
            }
            cpEnd = p;
        }

        /** Finds the class's BootstrapMethods attribute; false when it has none. */
        private boolean findBootstrapMethods() {
            int p = cpEnd + 6;
            p += 2 + 2 * u2(p); // interfaces
            for (int member = 0; member < 2; member++) { // fields, then methods
                int n = u2(p);
                p += 2;
                for (int i = 0; i < n; i++) {
                    p += 6;
                    int attrs = u2(p);
                    p += 2;
                    for (int k = 0; k < attrs; k++) {
                        if (member == 1 && utf(u2(p)).equals("Code")) {
                            scanCode(p + 6);
                        }
                        p += 6 + (int) u4(p + 2);
                    }
                }
            }
            int n = u2(p);
            p += 2;
            for (int i = 0; i < n; i++) {
                if (utf(u2(p)).equals("BootstrapMethods")) {
                    bsmAttr = p;
                    return true;
                }
                p += 6 + (int) u4(p + 2);
            }
            return false;
        }

        /**
         * Walks a Code attribute's instructions (JVMS 4.7.3, 6.5) and notes the bootstrap of every
         * {@code invokedynamic} directly followed by {@code checkcast java/io/Serializable}.
         */
        private void scanCode(int codeAttr) {
            int length = (int) u4(codeAttr + 4);
            int start = codeAttr + 8;
            int end = start + length;
            int previousIndy = -1;
            for (int pc = start; pc < end; ) {
                int op = b[pc] & 0xFF;
                if (op == 0xC0 && previousIndy >= 0 && className(u2(pc + 1)).equals("java/io/Serializable")) {
                    castToSerializable.set(previousIndy);
                }
                previousIndy = op == 0xBA && tag(u2(pc + 1)) == 18 ? u2(cpOffset[u2(pc + 1)] + 1) : -1;
                pc += instructionLength(op, pc - start, pc);
            }
        }

        private int instructionLength(int op, int offset, int pc) {
            if (op == 0xAA) { // tableswitch: padding, default, low, high, jump offsets
                int p = pc + 1 + (3 - (offset & 3));
                int low = (int) u4(p + 4);
                int high = (int) u4(p + 8);
                return p - pc + 12 + 4 * (high - low + 1);
            }
            if (op == 0xAB) { // lookupswitch: padding, default, npairs, pairs
                int p = pc + 1 + (3 - (offset & 3));
                return p - pc + 8 + 8 * (int) u4(p + 4);
            }
            if (op == 0xC4) { // wide: iinc takes 6 bytes, the loads and stores 4
                return (b[pc + 1] & 0xFF) == 0x84 ? 6 : 4;
            }
            if (op >= LENGTHS.length || LENGTHS[op] == 0) {
                throw new IllegalArgumentException("unknown opcode " + op + " at code offset " + offset);
            }
            return LENGTHS[op];
        }

        private int u2(int p) {
            return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
        }

        private long u4(int p) {
            return ((long) (b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
        }
    }
}
