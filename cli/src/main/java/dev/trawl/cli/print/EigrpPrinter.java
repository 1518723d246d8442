package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Eigrp;

/**
 * EIGRP as tcpdump prints it without {@code -v}: {@code EIGRP Hello, length: 40}. Not thread-safe.
 */
final class EigrpPrinter implements LayerPrinter {
    private final Eigrp view = new Eigrp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Eigrp e = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        if (!e.has(0, Eigrp.HEADER_LENGTH)) {
            c.truncated("eigrp");
            return;
        }
        if (e.version() != 2) {
            out.ascii("EIGRP version ").num(e.version()).ascii(" packet not supported");
            return;
        }
        int length = UdpPrinter.ipPayloadLength(c, layer, c.network(layer));
        out.ascii("EIGRP ").ascii(opcode(e.opcode())).ascii(", length: ").num(length);
    }

    private static String opcode(int opcode) {
        return switch (opcode) {
            case 1 -> "Update";
            case 3 -> "Query";
            case 4 -> "Reply";
            case 5 -> "Hello";
            case 6 -> "IPX SAP";
            case 7 -> "Probe";
            default -> "unknown (" + opcode + ")";
        };
    }
}
