package dev.trawl.cli.print;

import static dev.trawl.cli.print.CheckedReads.need;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Tipc;

/**
 * TIPC as tcpdump prints it, by user: a data, connection manager or name table message as {@code TIPC v2.0
 * 1.1.2:3511725154 > 1.1.2:424133152, headerlength 40 bytes, MessageSize 40 bytes, Low Importance Data payload,
 * messageType NAMED_MSG} (the destination a bare port in a short header), a link protocol message with its type word,
 * a neighbour detection message with its domain; with {@code -v} a second line of the header's other fields. A
 * header not captured as far as tcpdump reads prints {@code [|tipc]}; a user tcpdump does not know prints nothing.
 * Not thread-safe.
 */
final class TipcPrinter implements LayerPrinter {
    private static final String[] USERS = {"Low Importance Data payload", "Medium Importance Data payload",
        "High Importance Data payload", "Critical Importance Data payload", null, "Broadcast Link Protocol internal",
        "Message Bundler Protocol internal", "Link State Protocol internal", "Connection Manager internal", null,
        "Link Changeover Protocol internal", "Name Table Update Protocol internal",
        "Message Fragmentation Protocol internal", "Neighbor Detection Protocol internal"};
    /** tcpdump's names of the message types, where those of types 1 and 3 are swapped. */
    /** tcpdump's words for the message types 0 to 3 (it gives 1 and 3 each other's names); "Unknown" above. */
    private static final String[] TYPES = {"CONN_MSG", "MCAST_MSG", "NAMED_MSG", "DIRECT_MSG"};
    private static final int CONN_MANAGER = 8;
    private static final int NAME_DISTRIBUTOR = 11;
    private static final int LINK_CONFIG = 13;

    private final Tipc view = new Tipc();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Tipc m = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        try {
            need(m, 0, 4);
            int user = m.user();
            if (user <= 3 || user == CONN_MANAGER || user == NAME_DISTRIBUTOR) {
                payload(c, m);
            } else if (user == LINK_CONFIG) {
                linkConfig(c, m);
            } else if (user < USERS.length && USERS[user] != null) {
                internal(c, m);
            }
        } catch (Truncated t) {
            c.truncated("tipc");
        }
    }

    private static void payload(PrintContext c, Tipc m) {
        Out out = c.out();
        need(m, 0, 24);
        long previous = m.word(3);
        if (m.headerSize() <= 24) {
            start(out, m);
            node(out, previous);
            out.ch(':').num(m.word(4)).ascii(" > ").num(m.word(5));
            sizes(out, m, type(m));
            return;
        }
        need(m, 0, 32);
        start(out, m);
        node(out, m.word(6));
        out.ch(':').num(m.word(4)).ascii(" > ");
        node(out, m.word(7));
        out.ch(':').num(m.word(5));
        sizes(out, m, type(m));
        if (c.verbose() > 0) {
            need(m, 8, 4);
            out.ascii("\n\tPrevious Node ");
            node(out, previous);
            out.ascii(", Broadcast Ack ").num(m.word(1) & 0xffff).ascii(", Link Ack ").num(m.word(2) >>> 16)
                    .ascii(", Link Sequence ").num(m.word(2) & 0xffff);
        }
    }

    private static void internal(PrintContext c, Tipc m) {
        Out out = c.out();
        need(m, 0, 32);
        nodes(out, m, 6, 7);
        sizes(out, m, type(m));
        out.ascii(" (0x").hex(m.word(1), 8).ch(')');
        if (c.verbose() > 0) {
            need(m, 0, 40);
            long w1 = m.word(1);
            long w2 = m.word(2);
            long w4 = m.word(4);
            out.ascii("\n\tPrevious Node ");
            node(out, m.word(3));
            out.ascii(", Session No. ").num(m.word(5) >>> 16).ascii(", Broadcast Ack ").num(w1 & 0xffff)
                    .ascii(", Sequence Gap ").num((w1 >>> 16) & 0x1fff).ascii(",  Broadcast Gap After ").num(w2 >>> 16)
                    .ascii(", Broadcast Gap To ").num(w2 & 0xffff).ascii(", Last Sent Packet No. ").num(w4 >>> 16)
                    .ascii(", Next sent Packet No. ").num(w4 & 0xffff).ascii(", Transport Sequence ").num(m.word(8))
                    .ascii(", msg_count ").num(m.word(9) >>> 16).ascii(", Link Tolerance ").num(m.word(9) & 0xffff);
        }
    }

    private static void linkConfig(PrintContext c, Tipc m) {
        Out out = c.out();
        need(m, 0, 16);
        nodes(out, m, 3, 2);
        int type = m.messageType();
        sizes(out, m, type == 0 ? "Link request" : type == 1 ? "Link response" : "Unknown");
        if (c.verbose() > 0) {
            need(m, 0, 24);
            out.ascii("\n\tNodeSignature ").num(m.word(1) & 0xffff).ascii(", network_id ").num(m.word(4))
                    .ascii(", media_id ").num(m.word(5) & 0xff);
        }
    }

    private static String type(Tipc m) {
        return m.messageType() < TYPES.length ? TYPES[m.messageType()] : "Unknown";
    }

    /** The version, then the nodes in words {@code from} and {@code to}: {@code TIPC v2.0 1.1.2 > 1.1.3}. */
    private static void nodes(Out out, Tipc m, int from, int to) {
        start(out, m);
        node(out, m.word(from));
        out.ascii(" > ");
        node(out, m.word(to));
    }

    private static void start(Out out, Tipc m) {
        out.ascii("TIPC v").num(m.version()).ascii(".0 ");
    }

    private static void sizes(Out out, Tipc m, String type) {
        out.ascii(", headerlength ").num(m.headerSize()).ascii(" bytes, MessageSize ").num(m.messageSize())
                .ascii(" bytes, ").ascii(USERS[m.user()] == null ? "unknown" : USERS[m.user()])
                .ascii(", messageType ").ascii(type);
    }

    /** A TIPC address as {@code zone.cluster.node}. */
    private static void node(Out out, long address) {
        out.num(address >>> 24).ch('.').num((address >>> 12) & 0xfff).ch('.').num(address & 0xfff);
    }
}
