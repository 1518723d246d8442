package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Mfr;
import dev.trawl.pcap.LinkType;

/**
 * Multilink Frame Relay (LINKTYPE_MFR) as tcpdump prints it: {@code FRF.16 Frag, seq 193, Flags [Begin, End], }
 * and the Frame Relay frame a first or whole fragment carries, a later fragment's bytes dumped, or a control
 * frame's message ({@code FRF.16 Control, Flags [Begin, End, Control], Hello, length 12}). Decode names no layer
 * for this link type, so the printer reads the frame through {@link Mfr}. Not thread-safe.
 */
final class MfrPrinter {
    /** The smallest frame tcpdump reads: a fragment header and a two-byte Q.922 address. */
    private static final int MINIMUM = 4;
    private static final String[] MESSAGES = {null, "Add Link", "Add Link ACK", "Add Link Reject", "Hello",
        "Hello ACK", "Remove Link", "Remove Link ACK"};

    private final Mfr view = new Mfr();
    private final FrameRelayPrinter frameRelay = new FrameRelayPrinter();

    /** Prints the frame that layer 0 of the packet (decode's data layer) holds. */
    void print(PrintContext c) {
        DecodedPacket p = c.packet();
        Out out = c.out();
        int start = p.start();
        Mfr m = view.wrap(p.buffer(), start, p.end() - start);
        int length = p.originalLength();
        if (!m.has(0, 2)) {
            c.truncated("mfr");
            return;
        }
        if (length < MINIMUM) {
            out.ascii("[length ").num(length).ascii(" < 4] (invalid)");
            return;
        }
        if (!m.has(0, MINIMUM)) {
            c.truncated("mfr");
            return;
        }
        int flags = m.flags();
        if (m.isControl()) {
            c.linkHeaderEnd(start + 3);
            out.ascii("FRF.16 Control, Flags [");
            GmplsText.flags(out, flags, FrameRelayPrinter.FRF_FLAG_BITS, FrameRelayPrinter.FRF_FLAG_NAMES, "none");
            int type = m.messageType();
            out.ascii("], ");
            if (type < MESSAGES.length && MESSAGES[type] != null) {
                out.ascii(MESSAGES[type]);
            } else {
                out.ascii("Unknown Message (0x").hex2(type).ch(')');
            }
            out.ascii(", length ").num(length);
            return;
        }
        out.ascii("FRF.16 Frag, seq ").num(m.sequence()).ascii(", Flags [");
        GmplsText.flags(out, flags, FrameRelayPrinter.FRF_FLAG_BITS, FrameRelayPrinter.FRF_FLAG_NAMES, "none");
        out.ch(']');
        if (flags == Mfr.WHOLE || flags == Mfr.BEGIN) {
            out.ascii(", ");
            c.linkHeaderEnd(start + 2); // -x dumps the Frame Relay frame whole
            // the Frame Relay frame decoded afresh, so that its payload has layers of its own to print
            if (!c.printFrame(LinkType.FRELAY.value(), start + 2, p.end(), length - 2)) {
                frameRelay.printAt(c, 0, start + 2, length - 2);
            }
        } else {
            TlvText.dump(out, m, 0, length, "\n\t");
        }
    }
}
