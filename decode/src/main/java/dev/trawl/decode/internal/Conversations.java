package dev.trawl.decode.internal;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * UDP conversations that a protocol sets up for the packets that follow it, as Wireshark follows them: a TFTP
 * request to port 69 makes every later datagram between the client's address and port and the server's
 * address (from whatever port the server answers) TFTP, whatever their ports say. Bounded: the oldest of
 * {@value #MAX} conversations goes first. Not thread-safe; one per decoder.
 */
public final class Conversations {
    /** The most conversations kept. */
    static final int MAX = 4_096;

    /** A client's address and port and its server's address; IPv4 addresses fill the low word only. */
    private record Key(long clientHigh, long clientLow, int clientPort, long serverHigh, long serverLow) {
    }

    private final Map<Key, Integer> table = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Integer> eldest) {
            return size() > MAX;
        }
    };

    /** What a decoder that follows conversations lets the protocol decoders reach. */
    public interface Hook {
        /** The decoder's conversations, or null when it does not follow them. */
        Conversations conversations();
    }

    /** Forgets every conversation. */
    public void clear() {
        table.clear();
    }

    /**
     * Records that the datagrams between the sender of the UDP datagram whose payload starts at
     * {@code payload} and its destination's address are of {@code protocol}, when {@code ctx} follows
     * conversations.
     */
    static void expect(DecodeContext ctx, byte[] buf, int payload, int protocol) {
        if (!(ctx instanceof Hook hook) || hook.conversations() == null) {
            return;
        }
        int ip = ipLayerOffset(ctx, buf);
        if (ip < 0) {
            return;
        }
        boolean v4 = (Bytes.u8(buf, ip) >>> 4) == 4;
        int source = v4 ? ip + 12 : ip + 8;
        int destination = v4 ? ip + 16 : ip + 24;
        hook.conversations().table.put(key(buf, v4, source, Bytes.u16(buf, payload - 8), destination), protocol);
    }

    /** The protocol of a conversation the UDP datagram whose payload starts at {@code payload} belongs to, or -1. */
    static int lookup(DecodeContext ctx, byte[] buf, int payload) {
        if (!(ctx instanceof Hook hook) || hook.conversations() == null || hook.conversations().table.isEmpty()) {
            return Protocols.NONE;
        }
        int ip = ipLayerOffset(ctx, buf);
        if (ip < 0) {
            return Protocols.NONE;
        }
        boolean v4 = (Bytes.u8(buf, ip) >>> 4) == 4;
        int source = v4 ? ip + 12 : ip + 8;
        int destination = v4 ? ip + 16 : ip + 24;
        Map<Key, Integer> table = hook.conversations().table;
        Integer protocol = table.get(key(buf, v4, source, Bytes.u16(buf, payload - 8), destination));
        if (protocol == null) {
            protocol = table.get(key(buf, v4, destination, Bytes.u16(buf, payload - 6), source));
        }
        return protocol == null ? Protocols.NONE : protocol;
    }

    /**
     * The offset of the IP header right below the UDP layer being decoded (the last layer), or -1 when it is
     * not IP, or when it is what an ICMP error quotes (which sets up nothing).
     */
    private static int ipLayerOffset(DecodeContext ctx, byte[] buf) {
        int udp = ctx.layerCount() - 1;
        if (udp < 1 || ctx.protocolAt(udp) != Protocols.UDP
                || (ctx.flagsAt(udp) & dev.trawl.decode.LayerFlags.QUOTED) != 0) {
            return -1;
        }
        int protocol = ctx.protocolAt(udp - 1);
        if (protocol != Protocols.IP && protocol != Protocols.IPV6) {
            return -1;
        }
        int ip = ctx.offsetAt(udp - 1);
        return ip + (protocol == Protocols.IP ? 20 : 40) <= buf.length ? ip : -1;
    }

    private static Key key(byte[] buf, boolean v4, int client, int port, int server) {
        return v4 ? new Key(0, Bytes.u32(buf, client), port, 0, Bytes.u32(buf, server))
                : new Key(Bytes.i64(buf, client), Bytes.i64(buf, client + 8), port, Bytes.i64(buf, server),
                        Bytes.i64(buf, server + 8));
    }
}
