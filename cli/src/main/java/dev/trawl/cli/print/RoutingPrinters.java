package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Ospf;

/**
 * The summary lines tcpdump prints of routing protocols: OSPF's {@code OSPFv2, Hello, length 88}; PIM has
 * {@link PimPrinter}. Not thread-safe.
 */
final class RoutingPrinters {
    private RoutingPrinters() {
    }

    /** OSPF versions 2 and 3; with {@code -v} the header's own length when the IP payload is longer. */
    static final class OspfPrinter implements LayerPrinter {
        private static final String[] TYPES = {null, "Hello", "Database Description", "LS-Request", "LS-Update",
            "LS-Ack"};
        private static final int MD5 = 2;
        private static final int MD5_LENGTH = 16;

        private final Ospf ospf = new Ospf();

        @Override
        public void print(PrintContext c, int layer) {
            DecodedPacket p = c.packet();
            Ospf o = ospf.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
            Out out = c.out();
            int length = UdpPrinter.ipPayloadLength(c, layer, c.network(layer));
            if (!o.has(0, 4)) {
                out.ascii("OSPF");
                c.truncated("ospf");
                return;
            }
            int version = o.version();
            int type = o.type();
            if (version == 2 && o.has(14, 2) && o.authType() == MD5) {
                // tcpdump leaves the digest that trails the packet out of its length
                length -= MD5_LENGTH;
            }
            out.ascii("OSPFv").num(version).ascii(", ");
            if (type > 0 && type < TYPES.length) {
                out.ascii(TYPES[type]);
            } else {
                out.ascii("unknown packettype ").num(type);
            }
            out.ascii(", length ").num(length);
            if (c.verbose() > 0 && version == 2 && type > 0 && type < TYPES.length) {
                if (length != o.packetLength()) {
                    out.ascii(" [len ").num(o.packetLength()).ch(']');
                }
                if (o.has(14, 2) && o.authType() == MD5) {
                    // tcpdump reads nothing of the trailing digest either
                    o = ospf.wrap(p.buffer(), p.offset(layer), Math.max(0, o.regionLength() - MD5_LENGTH));
                }
                OspfDetail.print(c, o, length);
            } else if (c.verbose() > 0 && version == 3 && type > 0 && type < TYPES.length) {
                Ospf6Detail.print(c, o, length);
            }
        }
    }
}
