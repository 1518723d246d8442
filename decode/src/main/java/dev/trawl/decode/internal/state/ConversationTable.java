package dev.trawl.decode.internal.state;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Bytes;
import dev.trawl.decode.spi.Conversations;
import dev.trawl.decode.spi.DecodeContext;
import java.util.Map;

/**
 * The conversations a decoder follows, as Wireshark follows them:
 * <ul>
 *   <li>a TFTP request to port 69 makes every later datagram between the client's address and port and the
 *   server's address (from whatever port the server answers) TFTP, whatever their ports say;</li>
 *   <li>a TCP segment that a heuristic recognises (OpenFlow to its legacy ports, TLS by its record header)
 *   makes its whole connection, both ways, that protocol.</li>
 * </ul>
 * Bounded: the oldest of {@value #MAX} conversations goes first. Not thread-safe; one per decoder, reading the
 * layers of that decoder's context.
 */
public final class ConversationTable implements Conversations {
    /** The most conversations kept. */
    static final int MAX = 4_096;

    private final Map<Flows.Key, Integer> table = Flows.lru(MAX);
    /** The key a lookup fills, never put in the table. */
    private final Flows.Key probe = new Flows.Key();
    private final DecodeContext ctx;

    /** A table that reads the layers recorded so far from {@code ctx}, its decoder's context. */
    public ConversationTable(DecodeContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void expectDatagrams(byte[] buf, int udp, int protocol) {
        int ip = Flows.ipLayerOffset(ctx, buf, Protocols.UDP);
        if (ip >= 0) {
            table.put(Flows.key(17, buf, ip, true, Bytes.u16(buf, udp), Flows.ANY), protocol);
        }
    }

    @Override
    public void expectStream(byte[] buf, int tcp, int protocol) {
        int ip = Flows.ipLayerOffset(ctx, buf, Protocols.TCP);
        if (ip >= 0) {
            table.put(Flows.key(6, buf, ip, true, Bytes.u16(buf, tcp), Bytes.u16(buf, tcp + 2)), protocol);
            table.put(Flows.key(6, buf, ip, false, Bytes.u16(buf, tcp + 2), Bytes.u16(buf, tcp)), protocol);
        }
    }

    @Override
    public int datagramProtocol(byte[] buf, int udp) {
        int ip = table.isEmpty() ? -1 : Flows.ipLayerOffset(ctx, buf, Protocols.UDP);
        if (ip < 0) {
            return Protocols.NONE;
        }
        Integer protocol = table.get(Flows.key(probe, 17, buf, ip, true, Bytes.u16(buf, udp), Flows.ANY));
        if (protocol == null) {
            protocol = table.get(Flows.key(probe, 17, buf, ip, false, Bytes.u16(buf, udp + 2), Flows.ANY));
        }
        return protocol == null ? Protocols.NONE : protocol;
    }

    @Override
    public int streamProtocol(byte[] buf, int tcp) {
        int ip = table.isEmpty() ? -1 : Flows.ipLayerOffset(ctx, buf, Protocols.TCP);
        if (ip < 0) {
            return Protocols.NONE;
        }
        Integer protocol = table.get(Flows.key(probe, 6, buf, ip, true, Bytes.u16(buf, tcp), Bytes.u16(buf, tcp + 2)));
        return protocol == null ? Protocols.NONE : protocol;
    }
}
