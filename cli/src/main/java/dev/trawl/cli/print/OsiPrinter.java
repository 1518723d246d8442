package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Isis;

/**
 * The OSI network layer as tcpdump's {@code isoclns_print} prints it: with {@code -e} the network layer
 * protocol id ({@code OSI NLPID IS-IS (0x83): }), then the protocol it names (IS-IS, ES-IS, CLNP, or IPv4, IPv6 or
 * PPP after it, Q.933); one tcpdump does not decode prints as {@code OSI NLPID 0x85 unknown, length: 40} and a hex dump. Not
 * thread-safe.
 */
final class OsiPrinter implements LayerPrinter {
    private static final int ISIS = 0x83;
    private static final int ESIS = 0x82;
    private static final int CLNP = 0x81;
    private static final int NULLNS = 0x00;
    private static final int IPV4 = 0xcc;
    private static final int IPV6 = 0x8e;
    private static final int PPP = 0xcf;
    private static final int Q933 = 0x08;

    /** Reads the PDU's first byte, which every OSI network layer PDU starts with. */
    private final Isis view = new Isis();
    private final Q933Printer q933 = new Q933Printer();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Isis m = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        if (!m.has(0, 1)) {
            c.truncated("isoclns");
            return;
        }
        int nlpid = m.byteAt(0);
        int length = LlcPrinter.frameLength(c, layer);
        if (c.linkHeader()) {
            out.ascii("OSI NLPID ").ascii(nlpidName(nlpid, "Unknown")).ascii(" (0x").hex2(nlpid).ascii("): ");
        }
        if (nlpid == ISIS || nlpid == ESIS || nlpid == CLNP) {
            if (!c.next(layer)) {
                TlvText.dump(out, m, 0, length, "\n\t");
            }
            return;
        }
        if (nlpid == IPV4 || nlpid == IPV6 || nlpid == PPP) {
            if (!c.next(layer)) {
                c.truncated(nlpid == IPV4 ? "ip" : nlpid == IPV6 ? "ip6" : "ppp");
            }
            return;
        }
        if (nlpid == Q933) {
            q933.print(c, m.offset(), length - 1);
            return;
        }
        if (nlpid == NULLNS) {
            out.ascii(c.linkHeader() ? "" : ", ").ascii("length: ").num(length);
            return;
        }
        if (!c.linkHeader()) {
            out.ascii("OSI NLPID 0x").hex2(nlpid).ascii(" unknown");
        }
        out.ascii(c.linkHeader() ? "" : ", ").ascii("length: ").num(length);
        if (length > 1) {
            TlvText.dump(out, m, 0, length, "\n\t");
        }
    }

    /**
     * With {@code -e}, writes the network layer protocol id of a PDU that a link layer (Frame Relay) hands straight to
     * its protocol, as tcpdump does for every OSI PDU; under an OSI layer that layer's printer writes it.
     */
    static void linkHeader(PrintContext c, int layer, int nlpid) {
        int below = c.below(layer);
        if (c.linkHeader() && (below < 0 || c.packet().protocol(below) != Protocols.OSI)) {
            c.out().ascii("OSI NLPID ").ascii(nlpidName(nlpid, "Unknown")).ascii(" (0x").hex2(nlpid).ascii("): ");
        }
    }

    /** tcpdump's name for a network layer protocol id, or {@code unknown}. */
    static String nlpidName(int nlpid, String unknown) {
        return switch (nlpid) {
            case 0x00 -> "NULL";
            case 0x08 -> "Q.933";
            case 0x09 -> "LMI";
            case 0x80 -> "SNAP";
            case 0x81 -> "CLNP";
            case 0x82 -> "ES-IS";
            case 0x83 -> "IS-IS";
            case 0x84 -> "CONS";
            case 0x85 -> "IDRP";
            case 0xc1 -> "ISIS_SPB";
            case 0xb1 -> "FRF.15";
            case 0xcc -> "IPv4";
            case 0xcf -> "PPP";
            case 0x8a -> "X25 ES-IS";
            case 0x8e -> "IPv6";
            default -> unknown;
        };
    }
}
