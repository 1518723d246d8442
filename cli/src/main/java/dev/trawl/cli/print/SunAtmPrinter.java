package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.SunAtm;

/**
 * Sun's raw ATM captures as tcpdump prints them: with {@code -e} the direction and {@code VPI:0 VCI:5 }, then the
 * cells of the reserved channels of path 0 (signalling, OAM F4 flows, meta-signalling) as tcpdump names them
 * ({@code OAM F4 (end), vpi 0, vci 4, payload [ user data, uncongested, SDU 0 ], clp 0, length 48}), with
 * tcpdump's markers where the cell is cut short (after which, as tcpdump, {@code -x} dumps the whole frame).
 * Traffic on other channels prints as unsupported. Not
 * thread-safe.
 */
final class SunAtmPrinter implements LayerPrinter {
    private static final int VCI_META = 1;
    private static final int VCI_BROADCAST = 2;
    private static final int VCI_OAM_SEGMENT = 3;
    private static final int VCI_OAM_END = 4;
    private static final int VCI_SIGNALLING = 5;
    private static final int VCI_ILMI = 16;
    /** The protocol discriminator of Q.2931 signalling. */
    private static final int Q2931 = 0x09;
    /** An OAM cell here keeps its header's check byte: the 4-byte header starts one byte in. */
    private static final int HEC = 1;
    private static final String[] PAYLOAD_TYPES = {"user data, uncongested, SDU 0",
        "user data, uncongested, SDU 1", "user data, congested, SDU 0", "user data, congested, SDU 1",
        "VCC OAM F5 flow segment", "VCC OAM F5 flow end-to-end", "Traffic Control and resource Mgmt"};

    private final SunAtm view = new SunAtm();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        SunAtm a = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        if (!a.has(0, SunAtm.HEADER_LENGTH)) {
            c.truncated("sunatm");
            return;
        }
        int vpi = a.vpi();
        int vci = a.vci();
        if (c.linkHeader()) {
            out.ascii(a.transmitted() ? "Tx: " : "Rx: ").ascii("VPI:").num(vpi).ascii(" VCI:").num(vci).ch(' ');
        }
        int at = SunAtm.HEADER_LENGTH;
        int length = c.wireLength(layer) - SunAtm.HEADER_LENGTH;
        if (vpi == 0) {
            switch (vci) {
                case VCI_SIGNALLING -> {
                    signalling(c, a, at);
                    return;
                }
                case VCI_BROADCAST -> {
                    c.linkHeaderEnd(a.offset() + SunAtm.HEADER_LENGTH);
                    out.ascii("broadcast sig: ");
                    return;
                }
                case VCI_OAM_SEGMENT, VCI_OAM_END -> {
                    oam(c, a, at + HEC, length);
                    return;
                }
                case VCI_META -> {
                    c.linkHeaderEnd(a.offset() + SunAtm.HEADER_LENGTH);
                    out.ascii("meta: ");
                    return;
                }
                default -> {
                }
            }
        }
        c.linkHeaderEnd(a.offset() + SunAtm.HEADER_LENGTH);
        if (vpi == 0 && vci == VCI_ILMI) {
            out.ascii("ilmi: ");
        }
        out.ascii("UNSUPPORTED");
        PrintContext.hexLines(out, a.buffer(), a.offset() + at, p.end(), true);
    }

    private static void signalling(PrintContext c, SunAtm a, int at) {
        Out out = c.out();
        if (!a.has(at, 1)) {
            c.truncated("atm");
            return;
        }
        if (a.byteAt(at) != Q2931) {
            c.linkHeaderEnd(a.offset() + SunAtm.HEADER_LENGTH);
            out.ascii("SSCOP, proto ").num(a.byteAt(at)).ch(' ');
            return;
        }
        out.ascii("Q.2931");
        if (!a.has(at + 2, 4)) {
            c.truncated("atm");
            return;
        }
        c.linkHeaderEnd(a.offset() + SunAtm.HEADER_LENGTH);
        out.ascii(":msgtype#").num(a.byteAt(at + 5)).ascii(" CALL_REF:0x").hex(a.byteAt(at + 2) << 16 | a.shortAt(at + 3), 6);
    }

    /** An OAM cell: its header (at {@code at}) and the cell and function types after it. */
    private static void oam(PrintContext c, SunAtm a, int at, int length) {
        Out out = c.out();
        if (!a.has(at, 5)) {
            c.truncated("oam");
            return;
        }
        c.linkHeaderEnd(a.offset() + SunAtm.HEADER_LENGTH);
        long header = a.intAt(at);
        int vpi = (int) (header >>> 20) & 0xff;
        int vci = (int) (header >>> 4) & 0xffff;
        int payload = (int) (header >>> 1) & 0x7;
        out.ascii(vci == VCI_OAM_SEGMENT ? "OAM F4 (segment)" : vci == VCI_OAM_END ? "OAM F4 (end)" : "OAM F5")
                .ascii(", vpi ").num(vpi).ascii(", vci ").num(vci).ascii(", payload [ ")
                .ascii(payload < PAYLOAD_TYPES.length ? PAYLOAD_TYPES[payload] : "Unknown").ascii(" ], clp ")
                .num(header & 1).ascii(", length ").num(length);
    }
}
