package dev.trawl.decode.display;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The values one part of a filter has in one packet: none (absent), one, or several (a field that occurs more
 * than once). Numbers (integers, booleans, times in nanoseconds, IPv4 addresses) are held as {@code long},
 * floating point as {@code double}, and everything else as bytes: either a span of the packet's own buffer
 * (fields and protocols are not copied) or a span of this buffer's store (literals, function results). A
 * protocol value has two lengths: its item's (what {@code len()}, slices and comparisons see) and its
 * extent to the end of the data it carries (what {@code contains} and {@code matches} search), as in
 * Wireshark.
 *
 * <p>Reused for every packet: once its arrays have grown, filling it allocates nothing. Not thread-safe.
 */
final class Vals {
    final FType type;
    int size;
    /**
     * Whether these are no values only because a slice reached outside every value of a field the packet has:
     * tshark's {@code !=} and {@code ~=} (negations of {@code ==} and {@code ===}) then hold.
     */
    boolean emptySlice;
    long[] numbers = new long[4];
    double[] doubles;
    /** The prefix length of an address literal, -1 for none. */
    int[] prefixes;
    private ByteBuffer[] sources;
    private int[] offsets;
    private int[] lengths;
    private int[] extents;
    private byte[] store;
    private int stored;

    Vals(FType type) {
        this.type = type;
        if (type.family == FType.Family.FLOAT) {
            doubles = new double[4];
        }
        if (type.family == FType.Family.IPV4 || type.family == FType.Family.IPV6) {
            prefixes = new int[4];
        }
        if (!type.isNumeric() || type.family == FType.Family.IPV4) {
            sources = new ByteBuffer[4];
            offsets = new int[4];
            lengths = new int[4];
            extents = new int[4];
        }
    }

    void clear() {
        size = 0;
        emptySlice = false;
        stored = 0;
        if (sources != null) {
            Arrays.fill(sources, null);
        }
    }

    private int slot() {
        if (size == numbers.length) {
            int n = size * 2;
            numbers = Arrays.copyOf(numbers, n);
            if (doubles != null) {
                doubles = Arrays.copyOf(doubles, n);
            }
            if (prefixes != null) {
                prefixes = Arrays.copyOf(prefixes, n);
            }
            if (sources != null) {
                sources = Arrays.copyOf(sources, n);
                offsets = Arrays.copyOf(offsets, n);
                lengths = Arrays.copyOf(lengths, n);
                extents = Arrays.copyOf(extents, n);
            }
        }
        if (prefixes != null) {
            prefixes[size] = -1;
        }
        return size++;
    }

    void addLong(long value) {
        int i = slot(); // slot() may grow the arrays: index them after it
        numbers[i] = value;
    }

    void addDouble(double value) {
        int i = slot();
        doubles[i] = value;
        numbers[i] = (long) value;
    }

    /** Adds an address with a prefix length (-1 for none). */
    void addAddress(long ipv4, int prefix) {
        int i = slot();
        numbers[i] = ipv4;
        prefixes[i] = prefix;
    }

    /** Adds a span of {@code buf} without copying it; valid while the buffer's contents are. */
    void addSpan(ByteBuffer buf, int offset, int length) {
        addSpan(buf, offset, length, length);
    }

    /** Adds a protocol's span: {@code length} bytes of item, {@code extent} bytes to the end of its data. */
    void addSpan(ByteBuffer buf, int offset, int length, int extent) {
        int i = slot();
        sources[i] = buf;
        offsets[i] = offset;
        lengths[i] = length;
        extents[i] = extent;
    }

    /** Adds a copy of {@code length} bytes of {@code buf} at {@code offset}. */
    void addCopy(ByteBuffer buf, int offset, int length) {
        int at = reserve(length);
        for (int k = 0; k < length; k++) {
            store[at + k] = buf.get(offset + k);
        }
        addStored(at, length);
    }

    void addBytes(byte[] bytes) {
        addBytes(bytes, 0, bytes.length);
    }

    void addBytes(byte[] bytes, int from, int length) {
        int at = reserve(length);
        System.arraycopy(bytes, from, store, at, length);
        addStored(at, length);
    }

    void addText(CharSequence text) {
        if (isAscii(text)) {
            int at = reserve(text.length());
            for (int k = 0; k < text.length(); k++) {
                store[at + k] = (byte) text.charAt(k);
            }
            addStored(at, text.length());
        } else {
            addBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Adds an IPv6 address (16 bytes at {@code offset}, copied) with a prefix length (-1 for none). */
    void addIpv6(byte[] address, int prefix) {
        addBytes(address);
        prefixes[size - 1] = prefix;
    }

    private static boolean isAscii(CharSequence text) {
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Reserves {@code length} bytes of store; returns where they start. */
    private int reserve(int length) {
        if (store == null || stored + length > store.length) {
            store = Arrays.copyOf(store == null ? new byte[64] : store, Math.max(64, Math.max(stored + length, stored * 2)));
        }
        int at = stored;
        stored += length;
        return at;
    }

    /** A span of the store: its source stays null, so that growing the store moves nothing. */
    private void addStored(int at, int length) {
        int i = slot();
        sources[i] = null;
        offsets[i] = at;
        lengths[i] = length;
        extents[i] = length;
    }

    /** The byte length of value {@code i} (a protocol's item length). */
    int length(int i) {
        return lengths[i];
    }

    /** How far value {@code i} extends (a protocol's data to its end; equal to the length otherwise). */
    int extent(int i) {
        return extents[i];
    }

    /** Byte {@code k} of value {@code i}, 0 to 255. */
    int byteAt(int i, int k) {
        ByteBuffer source = sources[i];
        return (source == null ? store[offsets[i] + k] : source.get(offsets[i] + k)) & 0xff;
    }

    /** Appends value {@code i}'s bytes (its extent when {@code whole}) to {@code out} as text, one char a byte. */
    void appendLatin1(int i, boolean whole, StringBuilder out) {
        int n = whole ? extents[i] : lengths[i];
        for (int k = 0; k < n; k++) {
            out.append((char) byteAt(i, k));
        }
    }

    /** Value {@code i}'s bytes decoded as UTF-8. */
    String text(int i) {
        byte[] b = new byte[lengths[i]];
        for (int k = 0; k < b.length; k++) {
            b[k] = (byte) byteAt(i, k);
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Value {@code i}'s bytes as a new array. */
    byte[] bytes(int i) {
        byte[] b = new byte[lengths[i]];
        for (int k = 0; k < b.length; k++) {
            b[k] = (byte) byteAt(i, k);
        }
        return b;
    }
}
