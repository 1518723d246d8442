package dev.trawl.decode.conversation;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The addresses and ports of a TCP or UDP conversation, the same whichever way a packet goes: the endpoint
 * that sorts first (address, then port, as Wireshark compares them) comes first. Also says which way a given
 * packet goes. A probe key is reused for look-ups; a copy is made only for a new entry.
 */
final class FlowKey {
    private byte[] bytes = new byte[40];
    private int length;
    private int hash;
    /** The hash of the endpoints alone. */
    private int endpointsHash;
    /** A number that tells apart conversations of the same endpoints (a stream index), or 0. */
    private long id;

    /**
     * Sets this key from a packet's addresses (at {@code src} and {@code dst} in {@code buf}, each
     * {@code addressLength} bytes) and ports.
     *
     * @return +1 when the packet goes from the first endpoint to the second (Wireshark's flow1), -1 otherwise
     */
    int set(ByteBuffer buf, int src, int dst, int addressLength, int srcPort, int dstPort) {
        int c = 0;
        for (int k = 0; k < addressLength && c == 0; k++) {
            c = Integer.compare(buf.get(src + k) & 0xff, buf.get(dst + k) & 0xff);
        }
        int direction = c != 0 ? c : srcPort > dstPort ? 1 : -1;
        length = 2 * addressLength + 5;
        if (bytes.length < length) {
            bytes = new byte[length];
        }
        bytes[0] = (byte) addressLength;
        int first = direction >= 0 ? src : dst;
        int second = direction >= 0 ? dst : src;
        for (int k = 0; k < addressLength; k++) {
            bytes[1 + k] = buf.get(first + k);
            bytes[1 + addressLength + k] = buf.get(second + k);
        }
        int p1 = direction >= 0 ? srcPort : dstPort;
        int p2 = direction >= 0 ? dstPort : srcPort;
        int at = 1 + 2 * addressLength;
        bytes[at] = (byte) (p1 >>> 8);
        bytes[at + 1] = (byte) p1;
        bytes[at + 2] = (byte) (p2 >>> 8);
        bytes[at + 3] = (byte) p2;
        int h = 1;
        for (int k = 0; k < length; k++) {
            h = 31 * h + bytes[k];
        }
        hash = endpointsHash = mix(h);
        id = 0;
        return direction >= 0 ? 1 : -1;
    }

    /**
     * Spreads a hash over all its bits (MurmurHash3's finaliser): addresses of one subnet and ports differ in a few
     * bytes, which the polynomial alone leaves bunched in the low bits a hash table indexes by.
     */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EB_CA6B;
        h ^= h >>> 13;
        h *= 0xC2B2_AE35;
        return h ^ h >>> 16;
    }

    /** Sets the number that tells apart conversations of the same endpoints. */
    FlowKey id(long value) {
        hash = mix(31 * endpointsHash + Long.hashCode(value));
        id = value;
        return this;
    }

    FlowKey copy() {
        FlowKey k = new FlowKey();
        k.bytes = Arrays.copyOf(bytes, length);
        k.length = length;
        k.hash = hash;
        k.id = id;
        return k;
    }

    long footprint() {
        return 48L + bytes.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FlowKey k && k.length == length && k.hash == hash && k.id == id
                && Arrays.equals(k.bytes, 0, length, bytes, 0, length);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
