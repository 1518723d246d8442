package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Cfm;

/**
 * Connectivity Fault Management (IEEE 802.1ag, Ethernet types 0x8902 and the older 0xabcd) as tcpdump prints its
 * common header: {@code CFMv0 Continuity Check Message, MD Level 5, length 74}, with {@code -v} the first TLV
 * offset. Not thread-safe.
 */
final class CfmPrinter implements LayerPrinter {
    private static final int VERSION = 0;

    private final Cfm view = new Cfm();

    @Override
    public void print(PrintContext c, int layer) {
        printAt(c, c.packet().offset(layer), c.wireLength(layer));
    }

    /** Prints the PDU at absolute index {@code from}, {@code length} bytes long on the wire. */
    void printAt(PrintContext c, int from, int length) {
        DecodedPacket p = c.packet();
        Cfm m = view.wrap(p.buffer(), from, p.end() - from);
        Out out = c.out();
        if (length < Cfm.HEADER_LENGTH) {
            out.ascii("\n\t\t packet is too short");
            return;
        }
        if (!m.has(0, Cfm.HEADER_LENGTH)) {
            c.truncated("cfm");
            return;
        }
        if (m.version() != VERSION) {
            out.ascii("CFMv").num(m.version()).ascii(" not supported, length ").num(length);
            return;
        }
        int opcode = m.opcode();
        out.ascii("CFMv").num(m.version()).ch(' ');
        String name = switch (opcode) {
            case 1 -> "Continuity Check Message";
            case 2 -> "Loopback Reply";
            case 3 -> "Loopback Message";
            case 4 -> "Linktrace Reply";
            case 5 -> "Linktrace Message";
            default -> null;
        };
        if (name != null) {
            out.ascii(name);
        } else {
            out.ascii("unknown (").num(opcode).ch(')');
        }
        out.ascii(", MD Level ").num(m.mdLevel()).ascii(", length ").num(length);
        if (c.verbose() == 0) {
            return;
        }
        int first = m.firstTlvOffset();
        out.ascii("\n\tFirst TLV offset ").num(first);
        int rest = length - Cfm.HEADER_LENGTH;
        if (first > rest) {
            out.ascii(" (too large, must be <= ").num(rest).ch(')');
        }
    }
}
