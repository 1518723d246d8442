package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Aodv;

/**
 * AODV as tcpdump prints it: {@code  aodv rreq 24 [D] hops 0 id 0x00000001} and the addresses and sequence
 * numbers on a second line, a route error's unreachable destinations, and a hello extension. The layouts differ
 * over IPv6 and in the IPv6 draft's message types (16 to 19). Not thread-safe.
 */
final class AodvPrinter implements LayerPrinter {
    private static final int DRAFT_RREQ = 16;
    private static final int DRAFT_RREP = 17;
    private static final int DRAFT_RERR = 18;
    private static final int DRAFT_RREP_ACK = 19;

    private final Aodv view = new Aodv();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Out out = c.out();
        Aodv m = view.wrap(p.buffer(), p.offset(layer), UdpPortPrinters.captured(c, layer));
        int length = BabelPrinter.datagramLength(c, layer);
        if (!m.has(0, 1)) {
            c.truncated("aodv");
            return;
        }
        int ip = c.network(c.below(layer));
        boolean v6 = ip >= 0 && p.protocol(ip) == Protocols.IPV6;
        int type = m.type();
        out.ascii(" aodv");
        switch (type) {
            case Aodv.RREQ -> request(c, m, length, v6 ? 16 : 4, false);
            case Aodv.RREP -> reply(c, m, length, v6 ? 16 : 4, false);
            case Aodv.RERR, DRAFT_RERR -> error(c, m, length, v6 || type == DRAFT_RERR ? 16 : 4);
            case Aodv.RREP_ACK, DRAFT_RREP_ACK -> out.ascii(" rrep-ack ").num(length);
            case DRAFT_RREQ -> request(c, m, length, 16, true);
            case DRAFT_RREP -> reply(c, m, length, 16, true);
            default -> out.ascii(" type ").num(type).ch(' ').num(length);
        }
    }

    /** A route request; the draft puts both sequence numbers before the addresses. */
    private static void request(PrintContext c, Aodv m, int length, int size, boolean draft) {
        Out out = c.out();
        int fixed = 16 + 2 * size;
        if (!m.has(0, fixed) || length < fixed) {
            c.truncated("aodv");
            return;
        }
        int flags = m.byteAt(0); // tcpdump tests the type byte for the flags
        int destination = draft ? 16 : 8;
        int destinationSeq = draft ? 8 : 8 + size;
        int origin = draft ? 16 + size : 12 + size;
        int originSeq = draft ? 12 : 12 + 2 * size;
        out.ascii(size == 16 && !draft ? " v6 rreq " : " rreq ").num(length).ch(' ')
                .ascii((flags & 0x80) != 0 ? "[J]" : "").ascii((flags & 0x40) != 0 ? "[R]" : "")
                .ascii((flags & 0x20) != 0 ? "[G]" : "").ascii((flags & 0x10) != 0 ? "[D]" : "")
                .ascii((flags & 0x08) != 0 ? "[U] " : " ").ascii("hops ").num(m.byteAt(3)).ascii(" id 0x")
                .hex(m.intAt(4), 8).ascii("\n\tdst ");
        TlvText.address(c, m, destination, size);
        out.ascii(" seq ").num(m.intAt(destinationSeq)).ascii(" src ");
        TlvText.address(c, m, origin, size);
        out.ascii(" seq ").num(m.intAt(originSeq));
        extension(c, m, fixed, length - fixed);
    }

    /** A route reply; the draft puts the destination's sequence number before the addresses. */
    private static void reply(PrintContext c, Aodv m, int length, int size, boolean draft) {
        Out out = c.out();
        int fixed = 12 + 2 * size;
        if (!m.has(0, fixed) || length < fixed) {
            c.truncated("aodv");
            return;
        }
        int flags = m.byteAt(0);
        int destination = draft ? 8 : 4;
        int destinationSeq = draft ? 4 : 4 + size;
        int origin = draft ? 8 + size : 8 + size;
        out.ascii(" rrep ").num(length).ch(' ').ascii((flags & 0x80) != 0 ? "[R]" : "")
                .ascii((flags & 0x40) != 0 ? "[A] " : " ").ascii("prefix ").num(m.byteAt(2) & 0x1F)
                .ascii(" hops ").num(m.byteAt(3)).ascii("\n\tdst ");
        TlvText.address(c, m, destination, size);
        out.ascii(" dseq ").num(m.intAt(destinationSeq)).ascii(" src ");
        TlvText.address(c, m, origin, size);
        out.ch(' ').num(m.intAt(8 + 2 * size)).ascii(" ms");
        extension(c, m, fixed, length - fixed);
    }

    private static void error(PrintContext c, Aodv m, int length, int size) {
        Out out = c.out();
        if (!m.has(0, 4) || length < 4) {
            c.truncated("aodv");
            return;
        }
        int count = m.byteAt(3);
        out.ascii(" rerr ").ascii((m.byteAt(1) & 0x80) != 0 ? "[D]" : "").ascii(" [items ").num(count)
                .ascii("] [").num(length).ascii("]:");
        int at = 4;
        int left = length - 4;
        for (; count != 0; count--) {
            if (!m.has(at, size + 4) || left < size + 4) {
                c.truncated("aodv");
                return;
            }
            out.ascii(" {");
            TlvText.address(c, m, at, size);
            out.ascii("}(").num(m.intAt(at + size)).ch(')');
            at += size + 4;
            left -= size + 4;
        }
    }

    private static void extension(PrintContext c, Aodv m, int at, int left) {
        if (left < 2) {
            return;
        }
        Out out = c.out();
        if (!m.has(at, 2)) {
            c.truncated("aodv");
            return;
        }
        int type = m.byteAt(at);
        int length = m.byteAt(at + 1);
        if (type != 1) {
            out.ascii("\n\text ").num(type).ch(' ').num(length);
        } else if (!m.has(at, 6) || left < 6) {
            c.truncated("aodv");
        } else if (length < 4) {
            out.ascii("\n\text HELLO - bad length ").num(length);
        } else {
            out.ascii("\n\text HELLO ").num(m.intAt(at + 2)).ascii(" ms");
        }
    }
}
