package dev.trawl.decode.internal.state;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Bytes;
import dev.trawl.decode.spi.DecodeContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the decoders that keep state per flow ({@link ConversationTable}, {@link StreamMessages}) share: keys
 * read from the IP header below a transport layer, and bounded maps that forget the least recently used flow.
 */
final class Flows {
    private Flows() {
    }

    /** The port of a key that matches any port. */
    static final int ANY = -1;

    /**
     * Two endpoints over a transport (6 or 17): addresses (an IPv4 address fills the low word only) and ports
     * ({@link #ANY} for any). A key in a map is never changed; a lookup fills a probe of its own ({@link #key(Key,
     * int, byte[], int, boolean, int, int)}), so that a packet that finds nothing allocates nothing.
     */
    static final class Key {
        private int transport;
        private long aHigh;
        private long aLow;
        private int aPort;
        private long bHigh;
        private long bLow;
        private int bPort;

        // Written out rather than a record's: its generated equals and hashCode go through method handles, which
        // the client compiler the tool runs with does not inline, and a lookup is made for every UDP and TCP packet.
        @Override
        public int hashCode() {
            long h = transport;
            h = h * 31 + aHigh;
            h = h * 31 + aLow;
            h = h * 31 + aPort;
            h = h * 31 + bHigh;
            h = h * 31 + bLow;
            h = h * 31 + bPort;
            return (int) (h ^ (h >>> 32));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && aLow == k.aLow && bLow == k.bLow && aPort == k.aPort && bPort == k.bPort
                    && aHigh == k.aHigh && bHigh == k.bHigh && transport == k.transport;
        }

        /** The key's {@link #portSlot} in a table of {@code slots} (a power of two). */
        int portSlot(int slots) {
            return Flows.portSlot(transport, aPort, bPort, slots);
        }
    }

    /**
     * Where a key of {@code transport} between ports {@code aPort} and {@code bPort} ({@link #ANY} for any) falls
     * in a table of {@code slots} (a power of two) kept beside a map of keys: what a lookup can rule out from the
     * ports alone, before reading addresses and hashing a whole key.
     */
    static int portSlot(int transport, int aPort, int bPort, int slots) {
        int h = (aPort * 0x9E3779B1) ^ (bPort * 0x85EBCA6B) ^ transport;
        return (h ^ h >>> 16) & (slots - 1);
    }

    /** A map that keeps at most {@code max} entries, forgetting the least recently used first. */
    static <K, V> Map<K, V> lru(int max) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        };
    }

    /**
     * The offset of the IP header right below the {@code transport} layer being decoded (the last layer), or
     * -1 when it is not IP, or when it is what an ICMP error quotes (which sets up nothing).
     */
    static int ipLayerOffset(DecodeContext ctx, byte[] buf, int transport) {
        int layer = ctx.layerCount() - 1;
        if (layer < 1 || ctx.protocolAt(layer) != transport || (ctx.flagsAt(layer) & LayerFlags.QUOTED) != 0) {
            return -1;
        }
        int protocol = ctx.protocolAt(layer - 1);
        if (protocol != Protocols.IP && protocol != Protocols.IPV6) {
            return -1;
        }
        int ip = ctx.offsetAt(layer - 1);
        return ip + (protocol == Protocols.IP ? 20 : 40) <= buf.length ? ip : -1;
    }

    /**
     * The key from the IP header at {@code ip}: with the source as endpoint a (and the destination as b) when
     * {@code sourceFirst}, else the other way round.
     */
    static Key key(int transport, byte[] buf, int ip, boolean sourceFirst, int aPort, int bPort) {
        return key(new Key(), transport, buf, ip, sourceFirst, aPort, bPort);
    }

    /** Fills {@code key} as {@link #key(int, byte[], int, boolean, int, int)} makes one; returns it. */
    static Key key(Key key, int transport, byte[] buf, int ip, boolean sourceFirst, int aPort, int bPort) {
        boolean v4 = (Bytes.u8(buf, ip) >>> 4) == 4;
        int source = v4 ? ip + 12 : ip + 8;
        int destination = v4 ? ip + 16 : ip + 24;
        int a = sourceFirst ? source : destination;
        int b = sourceFirst ? destination : source;
        key.transport = transport;
        key.aPort = aPort;
        key.bPort = bPort;
        if (v4) {
            key.aHigh = 0;
            key.aLow = Bytes.u32(buf, a);
            key.bHigh = 0;
            key.bLow = Bytes.u32(buf, b);
        } else {
            key.aHigh = Bytes.i64(buf, a);
            key.aLow = Bytes.i64(buf, a + 8);
            key.bHigh = Bytes.i64(buf, b);
            key.bLow = Bytes.i64(buf, b + 8);
        }
        return key;
    }
}
