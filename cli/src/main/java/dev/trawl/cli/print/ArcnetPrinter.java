package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Arcnet;

/**
 * Linux ARCNET frames as tcpdump prints them: nothing of the header without {@code -e} (with it {@code be 00 ip
 * 23: }, or {@code be 00 23: } with {@code -q}), then IP, IPv6, ARP, IPX or AppleTalk ({@code et1 } first with
 * {@code -v}); the payload of another protocol is dumped, and a header not wholly captured prints
 * {@code [|arcnet_linux]}. Not thread-safe.
 */
final class ArcnetPrinter implements LayerPrinter {
    private static final int IP_OLD = 240;
    private static final int ARP_OLD = 241;
    private static final int DIAGNOSE = 0x80;
    private static final int ATALK = 221;

    private final Arcnet view = new Arcnet();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        int start = p.offset(layer);
        Arcnet a = view.wrap(p.buffer(), start, p.end() - start);
        Out out = c.out();
        if (!a.has(0, Arcnet.SHORT_HEADER)) {
            c.truncated("arcnet_linux");
            return;
        }
        int type = a.type();
        int header = type == IP_OLD || type == ARP_OLD || type == DIAGNOSE ? Arcnet.SHORT_HEADER : Arcnet.LONG_HEADER;
        if (!a.has(0, header)) {
            c.truncated("arcnet_linux");
            return;
        }
        if (layer == 0) {
            c.linkHeaderEnd(start + header);
        }
        if (c.linkHeader()) {
            out.hex2(a.source()).ch(' ').hex2(a.destination()).ch(' ');
            if (!c.quiet()) {
                // tcpdump reads the Linux header as the older three-byte one: its "type" is the offset's first byte
                int printed = a.byteAt(2);
                String name = typeName(printed);
                if (name != null) {
                    out.ascii(name);
                } else {
                    out.hex2(printed);
                }
                out.ch(' ');
            }
            out.num(c.wireLength(layer)).ascii(": ");
        }
        if (type == ATALK && c.verbose() > 0) {
            out.ascii("et1 ");
        }
        if (!c.next(layer)) {
            c.rawDump(start + header);
        }
    }

    /** tcpdump's name of an ARCNET protocol id, or null. */
    private static String typeName(int type) {
        return switch (type) {
            case IP_OLD -> "oldip";
            case ARP_OLD -> "oldarp";
            case 212 -> "ip";
            case 213 -> "arp";
            case 214 -> "rarp";
            case ATALK -> "atalk";
            case 247 -> "banyan";
            case 250 -> "ipx";
            case 0xc4 -> "ipv6";
            case DIAGNOSE -> "diag";
            default -> null;
        };
    }
}
