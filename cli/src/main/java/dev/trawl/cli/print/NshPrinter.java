package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Nsh;
import dev.trawl.decode.layer.VxlanGpe;

/**
 * The network service header as tcpdump prints it, after the VXLAN-GPE header that carries it over UDP: {@code NSH, flags [O], service-path-id 0xffffff,
 * service-index 0xff: } and the protocol it carries; {@code -vv} adds the next protocol, {@code -vvv} the TTL,
 * length and metadata type. Not thread-safe.
 */
final class NshPrinter implements LayerPrinter {
    private static final int WORD = 4;

    /** The UDP port of VXLAN-GPE, whose header decode leaves inside the datagram before NSH. */
    private static final int VXLAN_GPE_PORT = 4790;

    private final Nsh view = new Nsh();
    private final VxlanGpeText gpe = new VxlanGpeText();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Nsh n = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        int len = c.wireLength(layer);
        int udp = c.below(layer);
        if (udp >= 0 && p.protocol(udp) == Protocols.UDP && p.offset(layer) - p.offset(udp) == 16
                && (p.udp(udp).sourcePort() == VXLAN_GPE_PORT || p.udp(udp).destinationPort() == VXLAN_GPE_PORT)) {
            int datagram = Math.max(0, p.udp(udp).totalLength() - 8);
            if (!gpe.header(c, p.offset(layer) - VxlanGpe.HEADER_LENGTH, datagram)) {
                return;
            }
            len = datagram - VxlanGpe.HEADER_LENGTH;
        }
        if (len < Nsh.MIN_LENGTH) {
            out.ascii(" (packet length ").num(len).ascii(" < 8) (invalid)");
            return;
        }
        if (!n.has(0, 4)) {
            c.truncated("nsh");
            return;
        }
        int length = n.lengthWords();
        int next = n.nextProtocol();
        out.ascii("NSH, ");
        if (c.verbose() > 1) {
            out.ascii("ver ").num(n.version()).ascii(", ");
        }
        if (n.version() != 0) {
            return;
        }
        out.ascii("flags [").ascii((n.flags() & 0x2) != 0 ? "O" : "none").ascii("], ");
        if (c.verbose() > 2) {
            int md = n.mdType();
            out.ascii("TTL ").num(n.ttl()).ascii(", length ").num(length).ascii(", md type ")
                    .ascii(mdName(md)).ascii(", ");
        }
        if (c.verbose() > 1) {
            out.ascii("next-protocol ").ascii(nextName(next)).ascii(", ");
        }
        if (len < length * WORD) {
            out.ascii(" (too many headers for packet length ").num(len).ascii(") (invalid)");
            return;
        }
        if (!n.has(4, 4)) {
            c.truncated("nsh");
            return;
        }
        out.ascii("service-path-id 0x").hex(n.servicePathId(), 6).ascii(", service-index 0x").hex(n.serviceIndex());
        if (length < 2) {
            out.ascii(" (less than two headers) (invalid)");
            return;
        }
        if (!n.has(0, length * WORD)) {
            c.truncated("nsh");
            return;
        }
        out.ascii(c.verbose() > 0 ? "\n    " : ": ");
        if (next < 1 || next > 3) {
            out.ascii("ERROR: unknown-next-protocol");
            return;
        }
        c.next(layer);
    }

    private static String hex2(int v) {
        return (v < 16 ? "0" : "") + Integer.toHexString(v);
    }

    private static String mdName(int md) {
        return switch (md) {
            case 0 -> "reserved";
            case 1 -> "1";
            case 2 -> "2";
            case 15 -> "experimental";
            default -> "unknown (0x" + hex2(md) + ")";
        };
    }

    private static String nextName(int next) {
        return switch (next) {
            case 1 -> "IPv4";
            case 2 -> "IPv6";
            case 3 -> "Ethernet";
            case 4 -> "NSH";
            case 5 -> "MPLS";
            case 0xfe -> "Experiment 1";
            case 0xff -> "Experiment 2";
            default -> "unknown (0x" + hex2(next) + ")";
        };
    }
}
