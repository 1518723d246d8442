package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.ProtocolRegistry;
import dev.trawl.decode.layer.FrameRelay;
import dev.trawl.decode.spi.Dispatch;

/**
 * Frame Relay as tcpdump prints it: nothing of the header without {@code -e} before the protocol it carries
 * (with it {@code Q.922, hdr-len 2, DLCI 302, Flags [none], cisco-ethertype IPv6 (0x86dd), length 80: }), the
 * header for a protocol tcpdump does not decode, and its complaints about the address and padding. Not
 * thread-safe.
 */
final class FrameRelayPrinter implements LayerPrinter {
    private static final int UI = 0x03;
    private static final int[] FLAGS = {0x02000000, 0x00020000, 0x00040000, 0x00080000, 0x00000002};
    private static final String[] FLAG_NAMES = {"C!", "DE", "BECN", "FECN", "sdlcore"};
    private static final int NLPID_IP = 0xcc;
    private static final int NLPID_IP6 = 0x8e;
    private static final int NLPID_CLNP = 0x81;
    private static final int NLPID_ESIS = 0x82;
    private static final int NLPID_ISIS = 0x83;
    private static final int NLPID_SNAP = 0x80;
    private static final int NLPID_Q933 = 0x08;
    private static final int NLPID_MFR = 0xb1;
    private static final int NLPID_PPP = 0xcf;

    private static final ProtocolRegistry ETHERTYPES = ProtocolRegistry.standard();

    private static final int SNAP_HEADER = 5;
    /** The begin, end and control bits of FRF.15 and FRF.16 headers, as tcpdump names them. */
    static final long[] FRF_FLAG_BITS = {0x80, 0x40, 0x20};
    static final String[] FRF_FLAG_NAMES = {"Begin", "End", "Control"};
    private static final int OUI_CISCO = 0x00000c;
    private static final int PID_VTP = 0x2003;

    private final FrameRelay view = new FrameRelay();
    private final VtpPrinter vtp = new VtpPrinter();
    private final LegacyEtherTypes legacy = new LegacyEtherTypes();
    private final Q933Printer q933 = new Q933Printer();

    @Override
    public void print(PrintContext c, int layer) {
        printAt(c, layer, c.packet().offset(layer), c.wireLength(layer));
    }

    /**
     * Prints the frame at absolute index {@code start}, {@code length} bytes long on the wire, and what it carries:
     * the protocol of the layer after {@code layer} when decode found it, else the one tcpdump finds after a SNAP
     * header. Multilink Frame Relay calls this with its own layer for a fragment that holds a whole frame.
     */
    void printAt(PrintContext c, int layer, int start, int length) {
        DecodedPacket p = c.packet();
        FrameRelay f = view.wrap(p.buffer(), start, Math.max(0, p.end() - start));
        Out out = c.out();
        int addressLength = f.addressLength();
        if (addressLength == FrameRelay.TRUNCATED || length < Math.max(1, addressLength)) {
            c.truncated("fr");
            return;
        }
        if (addressLength == FrameRelay.INVALID) {
            out.ascii("Q.922, invalid address");
            return;
        }
        int dlci = f.dlci();
        int flags = f.flags();
        if (!f.has(addressLength, 1) || length < addressLength + 1) {
            c.truncated("fr");
            return;
        }
        if (f.byteAt(addressLength) != UI && dlci != 0) {
            if (f.has(addressLength, 2) && length >= addressLength + 2) {
                int type = f.shortAt(addressLength);
                if (c.linkHeader()) {
                    header(c, length, addressLength, dlci, flags, type);
                }
                int payload = f.offset() + addressLength + 2;
                int hexFrom = c.linkHeaderEnd();
                c.linkHeaderEnd(payload); // -x dumps from after the EtherType when the payload is printed
                // decode reads on as NLPID encapsulation after a value that is no EtherType
                if (ETHERTYPES.lookup(Dispatch.ETHERTYPE, type) >= 0 && c.next(layer)) {
                    return;
                }
                if (legacy.prints(c, type, payload)) {
                    legacy.print(c, type, payload, length - addressLength - 2, LegacyEtherTypes.NO_SOURCE);
                    return;
                }
                c.linkHeaderEnd(hexFrom);
            }
            out.ascii("UI ").hex2(f.byteAt(addressLength)).ascii("! ");
        }
        if (!f.has(addressLength + 1, 1) || length < addressLength + 2) {
            c.truncated("fr");
            return;
        }
        int headerLength;
        if (f.byteAt(addressLength + 1) == 0) {
            if (addressLength != 3) {
                out.ascii("Pad! ");
            }
            headerLength = addressLength + 3;
        } else {
            if (addressLength == 3) {
                out.ascii("No pad! ");
            }
            headerLength = addressLength + 2;
        }
        if (!f.has(headerLength - 1, 1) || length < headerLength) {
            c.truncated("fr");
            return;
        }
        int nlpid = f.byteAt(headerLength - 1);
        c.linkHeaderEnd(f.offset() + headerLength);
        if (c.linkHeader()) {
            header(c, length, addressLength, dlci, flags, nlpid);
        }
        boolean known = nlpid == NLPID_IP || nlpid == NLPID_IP6 || nlpid == NLPID_CLNP || nlpid == NLPID_ESIS
                || nlpid == NLPID_ISIS || nlpid == NLPID_SNAP;
        if (known && c.next(layer)) {
            return;
        }
        if (nlpid == NLPID_SNAP && snap(c, f, headerLength, length - headerLength)) {
            return;
        }
        if (nlpid == NLPID_MFR) {
            frf15(c, f, headerLength, length - headerLength);
            return;
        }
        if (nlpid == NLPID_Q933) {
            q933.print(c, f.offset() + headerLength - 1, length - headerLength);
            return;
        }
        if (!c.linkHeader()) {
            header(c, length, addressLength, dlci, flags, nlpid);
        }
        boolean printedElsewhere = nlpid == NLPID_Q933 || nlpid == NLPID_MFR || nlpid == NLPID_PPP;
        if (!known && !printedElsewhere && c.options().hex() == 0) {
            // tcpdump dumps what follows a protocol id it does not know, and marks a frame cut short
            c.rawDump(f.offset() + headerLength);
            if (length > p.end() - f.offset()) {
                c.truncated("fr");
            }
        } else if (!known && !printedElsewhere && c.options().ascii()) {
            // -X alone keeps that dump, with its ASCII column; running off the captured bytes ends it by a jump
            PrintContext.hexLines(out, p.buffer(), f.offset() + headerLength, p.end(), true);
            if (length > p.end() - f.offset()) {
                c.truncatedRead("fr");
            }
        }
    }

    /** An FRF.15 fragment header at {@code at}: tcpdump prints its sequence number and flags, not the fragment. */
    private static void frf15(PrintContext c, FrameRelay f, int at, int length) {
        if (length < 2) {
            c.truncated("fr");
            return;
        }
        if (!f.has(at, 2)) {
            c.truncatedRead("fr");
            return;
        }
        int first = f.byteAt(at);
        c.out().ascii("FRF.15, seq 0x").hex((first & 0x1e) << 7 | f.byteAt(at + 1), 3).ascii(", Flags [");
        GmplsText.flags(c.out(), first & 0xe0, FRF_FLAG_BITS, FRF_FLAG_NAMES, "none");
        c.out().ascii("],").ascii((first & 1) != 0 ? "Interface" : "End-to-End").ascii(" Fragmentation, length ")
                .num(length);
    }

    /**
     * The SNAP header at {@code at} of a frame that decode reads otherwise (Wireshark takes a control byte other than
     * UI for a LAPF one where tcpdump reads on): its protocol when tcpdump prints it there; false, having printed
     * nothing, for a protocol left to the frame's own text.
     */
    private boolean snap(PrintContext c, FrameRelay f, int at, int length) {
        if (!f.has(at, SNAP_HEADER) || length < SNAP_HEADER) {
            return false;
        }
        int oui = f.u24At(at);
        int pid = f.shortAt(at + 3);
        if (oui != OUI_CISCO || pid != PID_VTP) {
            return false;
        }
        if (c.linkHeader()) {
            c.out().ascii("oui ").ascii(LlcPrinter.ouiName(oui)).ascii(" (0x").hex(oui, 6).ascii("), pid VTP (0x")
                    .hex(pid, 4).ascii("), length ").num(length - SNAP_HEADER).ascii(": ");
        }
        vtp.printAt(c, f.offset() + at + SNAP_HEADER, length - SNAP_HEADER);
        return true;
    }

    /** tcpdump's {@code fr_hdr_print}: the address, then the NLPID or (above 0xff) Cisco's EtherType. */
    private static void header(PrintContext c, int length, int addressLength, int dlci, int flags, int protocol) {
        Out out = c.out();
        if (c.quiet()) {
            out.ascii("Q.922, DLCI ").num(dlci).ascii(", length ").num(length).ascii(": ");
            return;
        }
        out.ascii("Q.922, hdr-len ").num(addressLength).ascii(", DLCI ").num(dlci).ascii(", Flags [");
        String sep = "";
        for (int i = 0; i < FLAGS.length; i++) {
            if ((flags & FLAGS[i]) == FLAGS[i]) {
                out.ascii(sep).ascii(FLAG_NAMES[i]);
                sep = ", ";
            }
        }
        if (sep.isEmpty()) {
            out.ascii("none");
        }
        if (protocol <= 0xff) {
            out.ascii("], NLPID ").ascii(OsiPrinter.nlpidName(protocol, "unknown")).ascii(" (0x").hex2(protocol);
        } else {
            String name = Names.etherType(protocol);
            out.ascii("], cisco-ethertype ").ascii(name.equals("Unknown") ? "unknown" : name).ascii(" (0x")
                    .hex(protocol, 4);
        }
        out.ascii("), length ").num(length).ascii(": ");
    }
}
