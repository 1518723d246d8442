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
            c.linkHeaderEnd(start + 3); // -x dumps what follows the three-byte control header
            if (c.verbose() > 0) {
                elements(c, m, 3, length - 3);
            }
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

    /** The longest bundle or link id tcpdump prints. */
    private static final int MAX_ID_LENGTH = 50;

    /**
     * A control frame's information elements from {@code at}, {@code length} bytes on the wire: each one's type
     * and length (which counts its two-byte header), then its value; ends at an element too short to move on.
     */
    private static void elements(PrintContext c, Mfr m, int at, int length) {
        Out out = c.out();
        int v = c.verbose();
        while (length > 2) {
            if (!m.has(at, 2)) {
                c.truncated("mfr");
                return;
            }
            int type = m.byteAt(at);
            int elementLength = m.byteAt(at + 1);
            out.ascii("\n\tIE ").ascii(elementName(type)).ascii(" (").num(type).ascii("), length ")
                    .num(elementLength).ascii(": ");
            if (type == 0 || elementLength <= 2) {
                return;
            }
            if (!m.has(at, elementLength)) {
                c.truncated("mfr");
                return;
            }
            at += 2;
            length -= 2;
            int n = elementLength - 2;
            switch (type) {
                case 3 -> {
                    if (n != 4) {
                        out.ascii("[IE data length ").num(n).ascii(" != 4] (invalid)");
                    } else {
                        out.ascii("0x").hex(m.intAt(at), 8);
                    }
                }
                case 1, 2 -> {
                    for (int i = 0; i < n && i < MAX_ID_LENGTH && m.byteAt(at + i) != 0; i++) {
                        VrrpPrinter.printable(out, m.byteAt(at + i));
                    }
                }
                default -> {
                    if (v <= 1) {
                        TlvText.dump(out, m, at, n, "\n\t  ");
                    }
                }
            }
            if (v > 1) {
                TlvText.dump(out, m, at, n, "\n\t  ");
            }
            length -= n;
            at += n;
        }
    }

    private static String elementName(int type) {
        return switch (type) {
            case 1 -> "Bundle ID";
            case 2 -> "Link ID";
            case 3 -> "Magic Number";
            case 5 -> "Timestamp";
            case 6 -> "Vendor Extension";
            case 7 -> "Cause";
            default -> "Unknown";
        };
    }
}
