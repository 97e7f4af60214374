package dev.gitops.jsonnet.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growing UTF-8 text: what {@link GoJsonStream} writes into, so that {@code gitops jsonnet}'s
 * output is encoded once, as it is written, instead of being built as a {@code StringBuilder},
 * copied into a {@code String} and encoded again for stdout (for a 7 MB output those copies
 * allocated about 70 MB). ASCII is copied byte by byte; a piece with any other character is
 * encoded by the JDK ({@link String#getBytes}), which gives the same bytes as encoding the whole
 * text at once as long as no piece ends inside a surrogate pair, and the writer appends whole
 * strings and ASCII punctuation only.
 */
final class Utf8Buffer {
    private byte[] bytes;
    private int length;

    Utf8Buffer(int capacity) {
        bytes = new byte[capacity];
    }

    int length() {
        return length;
    }

    /** Drops everything from {@code newLength} on. */
    void setLength(int newLength) {
        if (newLength < 0 || newLength > length) {
            throw new IndexOutOfBoundsException(newLength);
        }
        length = newLength;
    }

    /** Appends an ASCII character. */
    Utf8Buffer append(char ascii) {
        ensure(1);
        bytes[length++] = (byte) ascii;
        return this;
    }

    Utf8Buffer append(String s) {
        int n = s.length();
        ensure(n);
        int at = length;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return append(s.getBytes(StandardCharsets.UTF_8));
            }
            bytes[at++] = (byte) c;
        }
        length = at;
        return this;
    }

    /**
     * Appends {@code chars[0..n)}: for text built in a {@code StringBuilder}, copied out with
     * {@code getChars} rather than read a character at a time through {@code CharSequence}.
     */
    Utf8Buffer append(char[] chars, int n) {
        ensure(n);
        int at = length;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (c >= 0x80) {
                return append(new String(chars, 0, n).getBytes(StandardCharsets.UTF_8));
            }
            bytes[at++] = (byte) c;
        }
        length = at;
        return this;
    }

    Utf8Buffer append(byte[] utf8) {
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
        return this;
    }

    /** The bytes from {@code from} (inclusive) to {@code to} (exclusive), as a new array. */
    byte[] copyOfRange(int from, int to) {
        if (to > length) {
            throw new IndexOutOfBoundsException(to);
        }
        return Arrays.copyOfRange(bytes, from, to);
    }

    /** A read-only view of the text written so far; later appends may or may not show in it. */
    ByteBuffer view() {
        return ByteBuffer.wrap(bytes, 0, length).slice().asReadOnlyBuffer();
    }

    private void ensure(int more) {
        int need = length + more;
        if (need < 0) {
            throw new OutOfMemoryError("text larger than 2 GiB");
        }
        if (need > bytes.length) {
            int grown = bytes.length * 2;
            int capacity = grown < 0 ? Integer.MAX_VALUE - 16 : Math.max(grown, need);
            if (capacity < need) {
                throw new OutOfMemoryError("text larger than 2 GiB");
            }
            bytes = Arrays.copyOf(bytes, capacity);
        }
    }
}
