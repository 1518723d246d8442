package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Pgm;

/**
 * PGM as tcpdump prints it without {@code -v}: the ports (with the addresses when IP carries PGM directly)
 * and {@code PGM, length 0}, the length being the header's TSDU length. Not thread-safe.
 */
final class PgmPrinter implements LayerPrinter {
    private final Pgm view = new Pgm();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Pgm m = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        int below = c.below(layer);
        boolean overIp = below >= 0 && (p.protocol(below) == Protocols.IP || p.protocol(below) == Protocols.IPV6);
        int ip = c.innermostIp(layer);
        if (!m.has(0, 4)) {
            if (ip >= 0) {
                c.source(ip);
                out.ascii(" > ");
                c.destination(ip);
                out.ch(':');
            }
            c.truncated("pgm");
            return;
        }
        if (overIp) {
            c.source(ip);
            out.ch('.');
        }
        c.port(m.sourcePort(), true);
        out.ascii(" > ");
        if (overIp) {
            c.destination(ip);
            out.ch('.');
        }
        c.port(m.destinationPort(), true);
        out.ascii(": ");
        if (!m.has(0, Pgm.HEADER_LENGTH)) {
            c.truncated("pgm");
            return;
        }
        out.ascii("PGM, length ").num(m.tsduLength());
    }
}
