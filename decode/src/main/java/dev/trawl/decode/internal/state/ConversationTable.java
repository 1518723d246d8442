package dev.trawl.decode.internal.state;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Bytes;
import dev.trawl.decode.spi.Conversations;
import dev.trawl.decode.spi.DecodeContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The conversations a decoder follows, as Wireshark follows them:
 * <ul>
 *   <li>a TFTP request to port 69 makes every later datagram between the client's address and port and the
 *   server's address (from whatever port the server answers) TFTP, whatever their ports say;</li>
 *   <li>a TCP segment that a heuristic recognises (OpenFlow to its legacy ports, TLS by its record header)
 *   makes its whole connection, both ways, that protocol.</li>
 * </ul>
 * It also keeps what decoders note of UDP conversations and TCP directions ({@link #noteDatagrams},
 * {@link #noteStream}). Bounded: the least recently used
 * of {@value #MAX} conversations (and of as many notes) goes first. Not thread-safe; one per decoder, reading the
 * layers of that decoder's context.
 */
public final class ConversationTable implements Conversations {
    /** The most conversations kept. */
    static final int MAX = 4_096;

    /** The number of slots of {@link #present}. */
    private static final int SLOTS = 1 << 16;

    /**
     * How many conversations in the table fall in each {@link Flows#portSlot port slot}: a packet whose ports
     * fall in an empty slot belongs to none, which is known without making its key (most packets, since most
     * conversations are named by their ports, not followed).
     */
    private final char[] present = new char[SLOTS];
    /** The conversations, the least recently used first out. */
    private final Map<Flows.Key, Integer> table = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Flows.Key, Integer> eldest) {
            if (size() <= MAX) {
                return false;
            }
            present[eldest.getKey().portSlot(SLOTS)]--;
            return true;
        }
    };
    /**
     * What decoders keep with UDP conversations ({@link #noteDatagrams}), under the key of each direction, the least
     * recently used first out.
     */
    private final Map<Flows.Key, Object> notes = Flows.lru(2 * MAX);
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
            put(Flows.key(17, buf, ip, true, Bytes.u16(buf, udp), Flows.ANY), protocol);
        }
    }

    private void put(Flows.Key key, int protocol) {
        if (table.put(key, protocol) == null) {
            present[key.portSlot(SLOTS)]++;
        }
    }

    @Override
    public void expectStream(byte[] buf, int tcp, int protocol) {
        int ip = Flows.ipLayerOffset(ctx, buf, Protocols.TCP);
        if (ip >= 0) {
            put(Flows.key(6, buf, ip, true, Bytes.u16(buf, tcp), Bytes.u16(buf, tcp + 2)), protocol);
            put(Flows.key(6, buf, ip, false, Bytes.u16(buf, tcp + 2), Bytes.u16(buf, tcp)), protocol);
        }
    }

    @Override
    public int datagramProtocol(byte[] buf, int udp) {
        int source = Bytes.u16(buf, udp);
        int destination = Bytes.u16(buf, udp + 2);
        boolean fromSource = present[Flows.portSlot(17, source, Flows.ANY, SLOTS)] != 0;
        boolean toDestination = present[Flows.portSlot(17, destination, Flows.ANY, SLOTS)] != 0;
        int ip = fromSource || toDestination ? Flows.ipLayerOffset(ctx, buf, Protocols.UDP) : -1;
        if (ip < 0) {
            return Protocols.NONE;
        }
        Integer protocol = fromSource ? table.get(Flows.key(probe, 17, buf, ip, true, source, Flows.ANY)) : null;
        if (protocol == null && toDestination) {
            protocol = table.get(Flows.key(probe, 17, buf, ip, false, destination, Flows.ANY));
        }
        return protocol == null ? Protocols.NONE : protocol;
    }

    @Override
    public void noteDatagrams(byte[] buf, int udp, Object note) {
        note(17, buf, udp, note, true);
    }

    @Override
    public Object datagramNote(byte[] buf, int udp) {
        return note(17, buf, udp);
    }

    @Override
    public void noteStream(byte[] buf, int tcp, Object note) {
        note(6, buf, tcp, note, false);
    }

    @Override
    public Object streamNote(byte[] buf, int tcp) {
        return note(6, buf, tcp);
    }

    /**
     * Keeps {@code note} under the direction of the segment or datagram whose transport header ({@code transport},
     * the last layer) is at {@code header}, and under the other direction too when {@code bothWays}.
     */
    private void note(int transport, byte[] buf, int header, Object note, boolean bothWays) {
        int ip = Flows.ipLayerOffset(ctx, buf, transport == 6 ? Protocols.TCP : Protocols.UDP);
        if (ip >= 0) {
            int source = Bytes.u16(buf, header);
            int destination = Bytes.u16(buf, header + 2);
            notes.put(Flows.key(transport, buf, ip, true, source, destination), note);
            if (bothWays) {
                notes.put(Flows.key(transport, buf, ip, false, destination, source), note);
            }
        }
    }

    /** What is kept under the direction of the segment or datagram whose transport header is at {@code header}. */
    private Object note(int transport, byte[] buf, int header) {
        int ip = notes.isEmpty() ? -1 : Flows.ipLayerOffset(ctx, buf, transport == 6 ? Protocols.TCP : Protocols.UDP);
        return ip < 0 ? null : notes.get(Flows.key(probe, transport, buf, ip, true, Bytes.u16(buf, header),
                Bytes.u16(buf, header + 2)));
    }

    @Override
    public int streamProtocol(byte[] buf, int tcp) {
        int source = Bytes.u16(buf, tcp);
        int destination = Bytes.u16(buf, tcp + 2);
        int ip = present[Flows.portSlot(6, source, destination, SLOTS)] != 0
                ? Flows.ipLayerOffset(ctx, buf, Protocols.TCP) : -1;
        if (ip < 0) {
            return Protocols.NONE;
        }
        Integer protocol = table.get(Flows.key(probe, 6, buf, ip, true, source, destination));
        return protocol == null ? Protocols.NONE : protocol;
    }
}
