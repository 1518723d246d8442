package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Slip;
import dev.trawl.pcap.LinkType;

/**
 * libpcap's SLIP captures as tcpdump prints them: with {@code -e} the direction and how the packet was sent
 * ({@code I ip 84: }, {@code O utcp 3: }, {@code Invalid direction 231 }), then the packet by its version
 * ({@code ip v14} for one that is neither IPv4 nor IPv6), or {@code [|slip]} for a pseudo-header cut short.
 * decode leaves SLIP's packets undecoded, as Wireshark does, so the IP packet after the pseudo-header is decoded
 * afresh ({@link PrintContext#printFrame}) and printed by its own printers, as tcpdump does.
 * Not thread-safe.
 */
final class SlipPrinter implements LayerPrinter {
    /** The IPv4 and TCP headers an uncompressed TCP packet must hold for tcpdump to note its length. */
    private static final int IPV4_HEADER = 20;
    private static final int TCP_HEADER = 20;
    private final Slip view = new Slip();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Slip s = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        if (!s.has(0, Slip.HEADER_LENGTH)) {
            c.truncated("slip");
            return;
        }
        int length = c.wireLength(layer) - Slip.HEADER_LENGTH;
        if (c.linkHeader() && !link(c, s, length)) {
            return;
        }
        if (!s.has(Slip.HEADER_LENGTH, 1)) {
            c.truncated("slip");
            return;
        }
        c.linkHeaderEnd(s.offset() + Slip.HEADER_LENGTH);
        int version = s.ipVersion();
        if (version != 4 && version != 6) {
            out.ascii("ip v").num(version);
            return;
        }
        int from = s.offset() + Slip.HEADER_LENGTH;
        int linkType = version == 4 ? LinkType.IPV4.value() : LinkType.IPV6.value();
        if (!c.printFrame(linkType, from, p.end(), length)) {
            out.ascii("SLIP, length ").num(c.wireLength(layer));
        }
    }

    /** Writes {@code -e}'s direction and framing; false, having written the marker, when the header is cut short. */
    private static boolean link(PrintContext c, Slip s, int length) {
        Out out = c.out();
        int direction = s.direction();
        boolean valid = direction == Slip.IN || direction == Slip.OUT;
        if (valid) {
            out.ascii(direction == Slip.IN ? "I " : "O ");
        } else {
            out.ascii("Invalid direction ").num(direction).ch(' ');
        }
        int header = s.compressionHeader();
        if ((header & 0xf0) == Slip.TYPE_IP) {
            out.ascii("ip ").num(length + Slip.HEADER_LENGTH).ascii(": ");
        } else if ((header & 0xf0) == Slip.TYPE_UNCOMPRESSED_TCP) {
            out.ascii("utcp ").num(s.connection()).ascii(": ");
            int tcp = Slip.HEADER_LENGTH + (s.byteAt(Slip.HEADER_LENGTH) & 0x0f) * 4;
            if (valid && (!s.has(Slip.HEADER_LENGTH, IPV4_HEADER) || !s.has(tcp, TCP_HEADER))) {
                c.truncated("slip");
                return false;
            }
        } else if (valid && (header & Slip.TYPE_COMPRESSED_TCP) == 0) {
            out.ascii("slip-").num(header).ascii("!: ");
        }
        return true;
    }
}
