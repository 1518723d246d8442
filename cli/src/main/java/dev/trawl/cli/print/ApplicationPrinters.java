package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Igmp;

/** IGMP's one-line summary, as tcpdump prints it without {@code -v}, and what the UDP printers share. */
final class ApplicationPrinters {
    private ApplicationPrinters() {
    }

    /** The UDP payload's length from layer {@code layer} on, as the UDP header states it. */
    static int udpPayload(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        int below = c.below(layer);
        int wire = c.wireLength(layer);
        if (below >= 0 && p.protocol(below) == Protocols.UDP) {
            return Math.min(wire, Math.max(0, p.udp(below).totalLength() - 8));
        }
        return wire;
    }

    /** IGMP: {@code igmp query v2}, {@code igmp v2 report 239.255.255.250}. Not thread-safe. */
    static final class IgmpPrinter implements LayerPrinter {
        private final Igmp view = new Igmp();

        @Override
        public void print(PrintContext c, int layer) {
            DecodedPacket p = c.packet();
            Igmp g = view.wrap(p.buffer(), p.offset(layer), p.layerLength(layer));
            Out out = c.out();
            if (!g.has(0, 1)) {
                c.truncated("igmp");
                return;
            }
            int length = c.wireLength(layer);
            int ip = c.network(layer);
            if (ip >= 0 && p.protocol(ip) == Protocols.IP) {
                length = Math.min(length, Math.max(0, p.ipv4(ip).totalLength() - p.headerLength(ip)));
            }
            int type = g.type();
            switch (type) {
                case 0x12, 0x16, 0x17 -> {
                    out.ascii(type == 0x12 ? "igmp v1 report " : type == 0x16 ? "igmp v2 report " : "igmp leave ");
                    if (!g.has(4, 4)) {
                        c.truncated("igmp");
                        return;
                    }
                    c.ipv4(g.groupAddress());
                }
                case 0x11 -> out.ascii(length >= 12 ? "igmp query v3"
                        : g.maxResponseTime() != 0 ? "igmp query v2" : "igmp query v1");
                case 0x22 -> out.ascii("igmp v3 report, ").num(g.recordCount()).ascii(" group record(s)");
                default -> out.ascii("igmp-").num(type);
            }
        }
    }
}
