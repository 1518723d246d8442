package dev.trawl.decode.internal;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.field.FieldExtractor;
import dev.trawl.decode.field.FieldSink;

/** Bounds-checked readers that built-in field extractors are made of. Stateless; thread-safe. */
public final class FieldSupport {
    private FieldSupport() {
    }

    /** Receives one option of a kind-length-value list (IPv4's, TCP's): its kind, offset in the layer and length. */
    public interface OptionVisitor {
        void visit(DecodedPacket p, int i, int kind, int rel, int len, FieldSink s);
    }

    /**
     * Walks the options from {@code from} to {@code to} (offsets in layer {@code i}) as Wireshark does for IPv4
     * and TCP: end of list (0) and no-operation (1) are one byte, the others give their length; the walk stops
     * at the end of the list, or at a length that does not fit.
     */
    public static void walkOptions(DecodedPacket p, int i, int from, int to, FieldSink s, OptionVisitor visitor) {
        for (int o = from; o < to && has(p, i, o, 1);) {
            int kind = u8(p, i, o);
            if (kind == 0 || kind == 1) {
                visitor.visit(p, i, kind, o, 1, s);
                if (kind == 0) {
                    return;
                }
                o++;
                continue;
            }
            if (!has(p, i, o + 1, 1)) {
                return;
            }
            int len = u8(p, i, o + 1);
            if (len < 2 || o + len > to || !has(p, i, o, len)) {
                return;
            }
            visitor.visit(p, i, kind, o, len, s);
            o += len;
        }
    }

    /** Whether {@code size} bytes at {@code rel} of layer {@code i}'s header lie inside the layer. */
    public static boolean has(DecodedPacket p, int i, int rel, int size) {
        return rel >= 0 && (long) p.offset(i) + rel + size <= p.layerEnd(i);
    }

    /** The unsigned byte at {@code rel} of layer {@code i}. */
    public static int u8(DecodedPacket p, int i, int rel) {
        return p.buffer().get(p.offset(i) + rel) & 0xFF;
    }

    /** The 16-bit value at {@code rel} of layer {@code i}. */
    public static int u16(DecodedPacket p, int i, int rel) {
        return Bytes.u16(p.buffer(), p.offset(i) + rel);
    }

    /** The 32-bit value at {@code rel} of layer {@code i}. */
    public static long u32(DecodedPacket p, int i, int rel) {
        return Bytes.u32(p.buffer(), p.offset(i) + rel);
    }

    /**
     * An extractor that yields nothing unless the first {@code bytes} bytes of the layer were captured.
     * Wireshark reads a header's fixed part before it adds its fields, and a capture that ends inside that
     * part shows none of them (tshark 4.0, checked on headers cut at every length): a TCP header shows its
     * ports from 4 bytes and the rest from 16, an IPv4 header its flags from 8, ICMP its type and code from
     * 6, a DNS message its id from 4, an Ethernet header its addresses from 14.
     */
    public static FieldExtractor needs(int bytes, FieldExtractor e) {
        return (p, i, s) -> {
            if (has(p, i, 0, bytes)) {
                e.extract(p, i, s);
            }
        };
    }

    /** An extractor of the unsigned byte at {@code rel}. */
    public static FieldExtractor byteAt(int rel) {
        return (p, i, s) -> {
            if (has(p, i, rel, 1)) {
                s.integer(u8(p, i, rel));
            }
        };
    }

    /** An extractor of the 16-bit value at {@code rel}. */
    public static FieldExtractor shortAt(int rel) {
        return (p, i, s) -> {
            if (has(p, i, rel, 2)) {
                s.integer(u16(p, i, rel));
            }
        };
    }

    /** An extractor of the 32-bit value at {@code rel}. */
    public static FieldExtractor intAt(int rel) {
        return (p, i, s) -> {
            if (has(p, i, rel, 4)) {
                s.integer(u32(p, i, rel));
            }
        };
    }

    /** An extractor of {@code (value & mask) >>> shift} of a {@code size}-byte value at {@code rel}. */
    public static FieldExtractor bits(int rel, int size, long mask, int shift) {
        return (p, i, s) -> {
            if (has(p, i, rel, size)) {
                long v = 0;
                for (int k = 0; k < size; k++) {
                    v = v << 8 | u8(p, i, rel + k);
                }
                s.integer((v & mask) >>> shift);
            }
        };
    }

    /** An extractor of {@code length} raw bytes at {@code rel} (addresses). */
    public static FieldExtractor bytesAt(int rel, int length) {
        return (p, i, s) -> {
            if (has(p, i, rel, length)) {
                s.bytes(p.buffer(), p.offset(i) + rel, length);
            }
        };
    }

    /** Emits the value unless the layer is shorter than {@code rel + size}. */
    public static void emitBytes(DecodedPacket p, int i, int rel, int length, FieldSink s) {
        if (has(p, i, rel, length)) {
            s.bytes(p.buffer(), p.offset(i) + rel, length);
        }
    }

    /** Text of {@code len} bytes at {@code rel} of layer {@code i}, bytes taken as ISO-8859-1. */
    public static String ascii(DecodedPacket p, int i, int rel, int len) {
        StringBuilder sb = new StringBuilder(len);
        int base = p.offset(i) + rel;
        for (int k = 0; k < len; k++) {
            sb.append((char) (p.buffer().get(base + k) & 0xFF));
        }
        return sb.toString();
    }
}
