package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Ldp;

/**
 * LDP as tcpdump prints it without {@code -v}: {@code LDP, Label-Space-ID: 10.1.0.2:0, pdu-length: 38} for the
 * first PDU of the segment or datagram. Not thread-safe.
 */
final class LdpPrinter implements LayerPrinter {
    /** The common header and a message header: tcpdump prints nothing of a shorter payload. */
    private static final int MIN_PRINTED = Ldp.HEADER_LENGTH + 8;

    private final Ldp view = new Ldp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Ldp m = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        int length = UdpPrinter.ipPayloadLength(c, layer, c.innermostIp(layer));
        if (length <= MIN_PRINTED) {
            return;
        }
        String lead = c.verbose() > 0 ? "\n\t" : "";
        if (!m.has(0, Ldp.HEADER_LENGTH)) {
            c.truncated("ldp");
            return;
        }
        if (m.version() != 1) {
            out.ascii(lead).ascii("LDP version ").num(m.version()).ascii(" packet not supported");
            return;
        }
        int pdu = m.pduLength();
        if (pdu < Ldp.HEADER_LENGTH - 4) {
            out.ascii(lead).ascii("LDP, pdu-length: ").num(pdu).ascii(" (too short, < 6)");
            return;
        }
        out.ascii(lead).ascii("LDP, Label-Space-ID: ");
        c.ipv4(m.lsrId());
        out.ch(':').num(m.labelSpace()).ascii(", pdu-length: ").num(pdu);
    }
}
