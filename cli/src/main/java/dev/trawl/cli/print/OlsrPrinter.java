package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Olsr;

/**
 * OLSR as tcpdump prints it without {@code -v}: {@code OLSRv4, seq 0xce93, length 72}, the version being that
 * of the IP header that carries it. Not thread-safe.
 */
final class OlsrPrinter implements LayerPrinter {
    private final Olsr view = new Olsr();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Olsr o = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        int ip = c.innermostIp(layer);
        out.ascii(ip >= 0 && p.protocol(ip) == Protocols.IPV6 ? "OLSRv6" : "OLSRv4");
        int length = ApplicationPrinters.udpPayload(c, layer);
        if (length < Olsr.HEADER_LENGTH || !o.has(0, Olsr.HEADER_LENGTH)) {
            c.truncated("olsr");
            return;
        }
        length = Math.min(length, o.packetLength());
        out.ascii(", seq 0x").hex(o.sequence(), 4).ascii(", length ").num(length);
    }
}
