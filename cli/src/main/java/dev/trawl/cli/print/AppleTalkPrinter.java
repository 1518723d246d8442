package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.ProtocolRegistry;
import dev.trawl.decode.layer.AppleTalk;

/**
 * AppleTalk as tcpdump prints it: a datagram as {@code AT 1.2.253 > 3.4.254:  at-echo 20} (its addresses, then the
 * type and length of what it carries), an AppleTalk ARP packet as {@code aarp who-has 1.2 tell 3.4}; one shorter
 * than its header prints {@code [|ddp 8]} or {@code [|aarp 20]}, and one not wholly captured {@code [|ddp]} or
 * {@code [|aarp]}. Name binding and transaction messages print their datagram's addresses only. Not thread-safe.
 */
final class AppleTalkPrinter implements LayerPrinter {
    private static final int AARP = ProtocolRegistry.standard().id("aarp");
    private static final int ETHERTYPE_ATALK = 0x809b;
    private static final int MAC_LENGTH = 6;
    private static final int DDP_NBP = 2;
    private static final int DDP_ATP = 3;
    private static final int DDP_EIGRP = 88;

    private final AppleTalk view = new AppleTalk();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        AppleTalk m = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        int length = LlcPrinter.frameLength(c, layer);
        if (p.protocol(layer) == AARP) {
            aarp(c, m, length);
        } else {
            ddp(c, m, length);
        }
    }

    private static void ddp(PrintContext c, AppleTalk m, int length) {
        Out out = c.out();
        if (!c.linkHeader()) {
            out.ascii("AT ");
        }
        if (length < AppleTalk.DDP_HEADER) {
            out.ascii(" [|ddp ").num(length).ch(']');
            return;
        }
        if (!m.has(0, AppleTalk.DDP_HEADER)) {
            out.ascii(" [|ddp]");
            return;
        }
        address(out, m.ddpSourceNet(), m.ddpSourceNode());
        out.ch('.');
        socket(c, m.ddpSourceSocket());
        out.ascii(" > ");
        address(out, m.ddpDestinationNet(), m.ddpDestinationNode());
        out.ch('.');
        socket(c, m.ddpDestinationSocket());
        out.ascii(": ");
        int type = m.ddpType();
        if (type == DDP_NBP || type == DDP_ATP || type == DDP_EIGRP) {
            return;
        }
        out.ascii(" at-").ascii(switch (type) {
            case 1 -> "rtmp";
            case 5 -> "rtmpReq";
            case 4 -> "echo";
            case 22 -> "IP";
            case 23 -> "ARP";
            case 0x4b -> "KLAP";
            default -> "(null)";
        }).ch(' ').num(length - AppleTalk.DDP_HEADER);
    }

    private static void aarp(PrintContext c, AppleTalk m, int length) {
        Out out = c.out();
        out.ascii("aarp ");
        if (!m.has(0, AppleTalk.AARP_LENGTH)) {
            c.truncated("aarp");
            return;
        }
        if (length < AppleTalk.AARP_LENGTH) {
            out.ascii(" [|aarp ").num(length).ch(']');
            return;
        }
        int op = m.shortAt(6);
        if (m.shortAt(0) == 1 && m.shortAt(2) == ETHERTYPE_ATALK && m.byteAt(4) == MAC_LENGTH && m.byteAt(5) == 4) {
            switch (op) {
                case 1, 3 -> {
                    out.ascii(op == 1 ? "who-has " : "probe ");
                    aarpAddress(out, m, AppleTalk.AARP_DESTINATION);
                    out.ascii(" tell ");
                    aarpAddress(out, m, AppleTalk.AARP_SOURCE);
                    return;
                }
                case 2 -> {
                    out.ascii("reply ");
                    aarpAddress(out, m, AppleTalk.AARP_SOURCE);
                    out.ascii(" is-at ");
                    c.mac(m.macAt(8));
                    return;
                }
                default -> {
                }
            }
        }
        out.ascii("len ").num(length).ascii(" op ").num(op).ascii(" htype ").num(m.shortAt(0)).ascii(" ptype 0x")
                .hex(m.shortAt(2)).ascii(" halen ").num(m.byteAt(4)).ascii(" palen ").num(m.byteAt(5));
    }

    /** An AARP protocol address: a pad byte, then the network and the node. */
    private static void aarpAddress(Out out, AppleTalk m, int at) {
        address(out, m.shortAt(at + 1), m.byteAt(at + 3));
    }

    /** {@code net.node}, or the network alone for the broadcast node 255. */
    private static void address(Out out, int net, int node) {
        out.num(net);
        if (node != 255) {
            out.ch('.').num(node);
        }
    }

    private static void socket(PrintContext c, int socket) {
        String name = c.options().numeric() > 0 ? null : switch (socket) {
            case 1 -> "rtmp";
            case 2 -> "nis";
            case 4 -> "echo";
            case 6 -> "zip";
            default -> null;
        };
        if (name != null) {
            c.out().ascii(name);
        } else {
            c.out().num(socket);
        }
    }
}
