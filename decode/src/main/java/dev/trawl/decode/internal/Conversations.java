package dev.trawl.decode.internal;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Conversations that a protocol sets up for the packets that follow it, as Wireshark follows them:
 * <ul>
 *   <li>a TFTP request to port 69 makes every later datagram between the client's address and port and the
 *   server's address (from whatever port the server answers) TFTP, whatever their ports say;</li>
 *   <li>a TCP segment that a heuristic recognises (OpenFlow to its legacy ports) makes its whole connection,
 *   both ways, that protocol.</li>
 * </ul>
 * Bounded: the oldest of {@value #MAX} conversations goes first. Not thread-safe; one per decoder.
 */
public final class Conversations {
    /** The most conversations kept. */
    static final int MAX = 4_096;
    /** The port of a key that matches any port. */
    private static final int ANY = -1;

    /**
     * Two endpoints of a transport (6 or 17): addresses (IPv4 addresses fill the low word only) and ports.
     */
    private record Key(int transport, long aHigh, long aLow, int aPort, long bHigh, long bLow, int bPort) {
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

    private static Conversations of(DecodeContext ctx) {
        return ctx instanceof Hook hook ? hook.conversations() : null;
    }

    /**
     * Records that the datagrams between the sender of the UDP datagram at {@code udp} (address and port) and
     * its destination's address, on any port, are of {@code protocol}, when {@code ctx} follows conversations.
     */
    static void expectDatagrams(DecodeContext ctx, byte[] buf, int udp, int protocol) {
        Conversations c = of(ctx);
        int ip = c == null ? -1 : ipLayerOffset(ctx, buf, Protocols.UDP);
        if (ip >= 0) {
            c.table.put(key(17, buf, ip, true, Bytes.u16(buf, udp), ANY), protocol);
        }
    }

    /** Records that the TCP connection of the segment at {@code tcp}, both ways, is of {@code protocol}. */
    static void expectStream(DecodeContext ctx, byte[] buf, int tcp, int protocol) {
        Conversations c = of(ctx);
        int ip = c == null ? -1 : ipLayerOffset(ctx, buf, Protocols.TCP);
        if (ip >= 0) {
            c.table.put(key(6, buf, ip, true, Bytes.u16(buf, tcp), Bytes.u16(buf, tcp + 2)), protocol);
            c.table.put(key(6, buf, ip, false, Bytes.u16(buf, tcp + 2), Bytes.u16(buf, tcp)), protocol);
        }
    }

    /** The protocol of a conversation the UDP datagram at {@code udp} belongs to, or -1. */
    static int lookupDatagram(DecodeContext ctx, byte[] buf, int udp) {
        Conversations c = of(ctx);
        int ip = c == null || c.table.isEmpty() ? -1 : ipLayerOffset(ctx, buf, Protocols.UDP);
        if (ip < 0) {
            return Protocols.NONE;
        }
        Integer protocol = c.table.get(key(17, buf, ip, true, Bytes.u16(buf, udp), ANY));
        if (protocol == null) {
            protocol = c.table.get(key(17, buf, ip, false, Bytes.u16(buf, udp + 2), ANY));
        }
        return protocol == null ? Protocols.NONE : protocol;
    }

    /** The protocol of the conversation the TCP segment at {@code tcp} belongs to, or -1. */
    static int lookupStream(DecodeContext ctx, byte[] buf, int tcp) {
        Conversations c = of(ctx);
        int ip = c == null || c.table.isEmpty() ? -1 : ipLayerOffset(ctx, buf, Protocols.TCP);
        if (ip < 0) {
            return Protocols.NONE;
        }
        Integer protocol = c.table.get(key(6, buf, ip, true, Bytes.u16(buf, tcp), Bytes.u16(buf, tcp + 2)));
        return protocol == null ? Protocols.NONE : protocol;
    }

    /**
     * The offset of the IP header right below the {@code transport} layer being decoded (the last layer), or
     * -1 when it is not IP, or when it is what an ICMP error quotes (which sets up nothing).
     */
    private static int ipLayerOffset(DecodeContext ctx, byte[] buf, int transport) {
        int layer = ctx.layerCount() - 1;
        if (layer < 1 || ctx.protocolAt(layer) != transport
                || (ctx.flagsAt(layer) & dev.trawl.decode.LayerFlags.QUOTED) != 0) {
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
    private static Key key(int transport, byte[] buf, int ip, boolean sourceFirst, int aPort, int bPort) {
        boolean v4 = (Bytes.u8(buf, ip) >>> 4) == 4;
        int source = v4 ? ip + 12 : ip + 8;
        int destination = v4 ? ip + 16 : ip + 24;
        int a = sourceFirst ? source : destination;
        int b = sourceFirst ? destination : source;
        return v4 ? new Key(transport, 0, Bytes.u32(buf, a), aPort, 0, Bytes.u32(buf, b), bPort)
                : new Key(transport, Bytes.i64(buf, a), Bytes.i64(buf, a + 8), aPort, Bytes.i64(buf, b),
                        Bytes.i64(buf, b + 8), bPort);
    }
}
