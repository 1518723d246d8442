package dev.trawl.cli.print;

import java.nio.ByteBuffer;

/**
 * Bounds-checked big-endian reads from the packet being printed. Indexes are absolute in the buffer; a read
 * at or past {@link #end} throws {@link Truncated}, which the printers turn into tcpdump's truncation mark.
 * Reused for every packet; not thread-safe.
 */
final class Bytes {
    ByteBuffer buf;
    /** The first byte of the packet. */
    int start;
    /** One past the last captured byte. */
    int end;

    void wrap(ByteBuffer buffer) {
        this.buf = buffer;
        this.start = buffer.position();
        this.end = buffer.limit();
    }

    boolean has(int index, int count) {
        return index >= start && count >= 0 && index <= end - count;
    }

    void need(int index, int count) {
        if (!has(index, count)) {
            throw Truncated.INSTANCE;
        }
    }

    int u8(int i) {
        need(i, 1);
        return buf.get(i) & 0xff;
    }

    int u16(int i) {
        need(i, 2);
        return buf.getShort(i) & 0xffff;
    }

    long u32(int i) {
        need(i, 4);
        return buf.getInt(i) & 0xffffffffL;
    }

    int s32(int i) {
        need(i, 4);
        return buf.getInt(i);
    }

    /** Whether the bytes at {@code i} start with this ASCII text. */
    boolean startsWith(int i, String text) {
        if (!has(i, text.length())) {
            return false;
        }
        for (int k = 0; k < text.length(); k++) {
            if (buf.get(i + k) != text.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Appends the IPv4 address at {@code i} in dotted form. */
    void ipv4(Out out, int i) {
        need(i, 4);
        out.num(buf.get(i) & 0xff).ch('.').num(buf.get(i + 1) & 0xff).ch('.').num(buf.get(i + 2) & 0xff).ch('.')
                .num(buf.get(i + 3) & 0xff);
    }

    /** Appends the MAC address at {@code i} as tcpdump does ({@code 00:11:22:33:44:55}). */
    void mac(Out out, int i) {
        need(i, 6);
        for (int k = 0; k < 6; k++) {
            if (k > 0) {
                out.ch(':');
            }
            out.hex2(buf.get(i + k));
        }
    }

    /** Appends the IPv6 address at {@code i} as inet_ntop does (RFC 5952 compression, embedded IPv4). */
    void ipv6(Out out, int i) {
        need(i, 16);
        int bestBase = -1;
        int bestLen = 0;
        for (int w = 0; w < 8; ) {
            if (buf.getShort(i + 2 * w) == 0) {
                int run = w;
                while (run < 8 && buf.getShort(i + 2 * run) == 0) {
                    run++;
                }
                if (run - w > bestLen) {
                    bestBase = w;
                    bestLen = run - w;
                }
                w = run;
            } else {
                w++;
            }
        }
        if (bestLen < 2) {
            bestBase = -1;
        }
        for (int w = 0; w < 8; w++) {
            if (bestBase >= 0 && w >= bestBase && w < bestBase + bestLen) {
                if (w == bestBase) {
                    out.ch(':');
                }
                continue;
            }
            if (w != 0) {
                out.ch(':');
            }
            // glibc prints an embedded IPv4 address for ::a.b.c.d and ::ffff:a.b.c.d
            if (w == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && (buf.getShort(i + 10) & 0xffff) == 0xffff))) {
                ipv4(out, i + 12);
                return;
            }
            out.hex(buf.getShort(i + 2 * w) & 0xffff);
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) {
            out.ch(':');
        }
    }
}
