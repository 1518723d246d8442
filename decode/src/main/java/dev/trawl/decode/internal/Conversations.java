package dev.trawl.decode.internal;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import java.util.Map;

/**
 * Conversations that a protocol sets up for the packets that follow it, as Wireshark follows them:
 * <ul>
 *   <li>a TFTP request to port 69 makes every later datagram between the client's address and port and the
 *   server's address (from whatever port the server answers) TFTP, whatever their ports say;</li>
 *   <li>a TCP segment that a heuristic recognises (OpenFlow to its legacy ports, TLS by its record header)
 *   makes its whole connection, both ways, that protocol.</li>
 * </ul>
 * Bounded: the oldest of {@value #MAX} conversations goes first. Not thread-safe; one per decoder.
 */
public final class Conversations {
    /** The most conversations kept. */
    static final int MAX = 4_096;

    private final Map<Flows.Key, Integer> table = Flows.lru(MAX);

    /** What a decoder that follows conversations lets the protocol decoders reach. */
    public interface Hook {
        /** The decoder's conversations, or null when it does not follow them. */
        Conversations conversations();
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
        int ip = c == null ? -1 : Flows.ipLayerOffset(ctx, buf, Protocols.UDP);
        if (ip >= 0) {
            c.table.put(Flows.key(17, buf, ip, true, Bytes.u16(buf, udp), Flows.ANY), protocol);
        }
    }

    /** Records that the TCP connection of the segment at {@code tcp}, both ways, is of {@code protocol}. */
    static void expectStream(DecodeContext ctx, byte[] buf, int tcp, int protocol) {
        Conversations c = of(ctx);
        int ip = c == null ? -1 : Flows.ipLayerOffset(ctx, buf, Protocols.TCP);
        if (ip >= 0) {
            c.table.put(Flows.key(6, buf, ip, true, Bytes.u16(buf, tcp), Bytes.u16(buf, tcp + 2)), protocol);
            c.table.put(Flows.key(6, buf, ip, false, Bytes.u16(buf, tcp + 2), Bytes.u16(buf, tcp)), protocol);
        }
    }

    /** The protocol of a conversation the UDP datagram at {@code udp} belongs to, or -1. */
    static int lookupDatagram(DecodeContext ctx, byte[] buf, int udp) {
        Conversations c = of(ctx);
        int ip = c == null || c.table.isEmpty() ? -1 : Flows.ipLayerOffset(ctx, buf, Protocols.UDP);
        if (ip < 0) {
            return Protocols.NONE;
        }
        Integer protocol = c.table.get(Flows.key(17, buf, ip, true, Bytes.u16(buf, udp), Flows.ANY));
        if (protocol == null) {
            protocol = c.table.get(Flows.key(17, buf, ip, false, Bytes.u16(buf, udp + 2), Flows.ANY));
        }
        return protocol == null ? Protocols.NONE : protocol;
    }

    /** The protocol of the conversation the TCP segment at {@code tcp} belongs to, or -1. */
    static int lookupStream(DecodeContext ctx, byte[] buf, int tcp) {
        Conversations c = of(ctx);
        int ip = c == null || c.table.isEmpty() ? -1 : Flows.ipLayerOffset(ctx, buf, Protocols.TCP);
        if (ip < 0) {
            return Protocols.NONE;
        }
        Integer protocol = c.table.get(Flows.key(6, buf, ip, true, Bytes.u16(buf, tcp), Bytes.u16(buf, tcp + 2)));
        return protocol == null ? Protocols.NONE : protocol;
    }
}
