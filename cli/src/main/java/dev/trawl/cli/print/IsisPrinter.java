package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Isis;

/**
 * IS-IS as tcpdump prints it without {@code -v} (with it, {@link IsisDetail}): the PDU type and what identifies the sender,
 * {@code IS-IS, L1 Lan IIH, src-id 3333.3333.3333, lan-id 3333.3333.3333.02, prio 64, length 1497},
 * {@code IS-IS, L2 LSP, lsp-id 1921.6800.1001.00-00, seq 0x0000000b, lifetime  1199s, length 147}.
 * A header tcpdump rejects prints its complaint and a hex dump of the PDU. Not thread-safe.
 */
final class IsisPrinter implements LayerPrinter {
    private static final int NLPID_ISIS = 0x83;
    private static final int L1_LAN_IIH = 15;
    private static final int L2_LAN_IIH = 16;
    private static final int PTP_IIH = 17;
    private static final int L1_LSP = 18;
    private static final int L2_LSP = 20;
    private static final int L1_CSNP = 24;
    private static final int L2_CSNP = 25;
    private static final int L1_PSNP = 26;
    private static final int L2_PSNP = 27;
    private static final int SYSTEM_ID = 6;
    private static final int NODE_ID = 7;
    private static final int LSP_ID = 8;

    private final Isis view = new Isis();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Isis m = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        int length = LlcPrinter.frameLength(c, layer);
        OsiPrinter.linkHeader(c, layer, NLPID_ISIS);
        if (!pdu(c, m, length)) {
            TlvText.dump(c.out(), m, 0, length, "\n\t");
        }
    }

    /** Prints the PDU; false when tcpdump rejects its header (and dumps it). */
    private static boolean pdu(PrintContext c, Isis m, int length) {
        Out out = c.out();
        if (!m.has(0, Isis.HEADER_LENGTH)) {
            c.truncated("isis");
            return true;
        }
        if (length < Isis.HEADER_LENGTH) {
            c.truncated("isis");
            return true;
        }
        String comma = ", ";
        if (!c.linkHeader()) {
            out.ascii("IS-IS");
        } else {
            comma = "";
        }
        if (m.version() != 1) {
            out.ascii("version ").num(m.version()).ascii(" packet not supported");
            return false;
        }
        int idLength = m.idLength();
        if (idLength != SYSTEM_ID && idLength != 0) {
            out.ascii("system ID length of ").num(idLength).ascii(" is not supported");
            return false;
        }
        if (m.pduVersion() != 1) {
            out.ascii("version ").num(m.pduVersion()).ascii(" packet not supported");
            return false;
        }
        int fixed = m.fixedLength();
        if (length < fixed) {
            out.ascii("fixed header length ").num(fixed).ascii(" > packet length ").num(length);
            return false;
        }
        if (fixed < Isis.HEADER_LENGTH) {
            out.ascii("fixed header length ").num(fixed).ascii(" < minimum header size 8");
            return false;
        }
        if (m.maxAreas() == 255) {
            out.ascii("bad packet -- 255 areas");
            return false;
        }
        if (c.verbose() > 0) {
            return IsisDetail.print(c, m, length);
        }
        int type = m.pduTypeByte();
        out.ascii(comma).ascii(typeName(type));
        int h = Isis.HEADER_LENGTH;
        int specific = switch (type) {
            case L1_LAN_IIH, L2_LAN_IIH -> 19;
            case PTP_IIH -> 12;
            case L1_LSP, L2_LSP -> 19;
            case L1_CSNP, L2_CSNP -> 25;
            case L1_PSNP, L2_PSNP -> 9;
            default -> -1;
        };
        if (specific < 0) {
            out.ascii(", length ").num(length);
            return true;
        }
        if (fixed != h + specific) {
            boolean psnp = type == L1_PSNP || type == L2_PSNP;
            out.ascii(psnp ? "- bogus fixed header length " : ", bogus fixed header length ").num(fixed)
                    .ascii(" should be ").num(type == L1_LSP || type == L2_LSP ? specific : h + specific);
            return false;
        }
        if (!m.has(h, specific) || length < h + specific) {
            c.truncated("isis");
            return true;
        }
        switch (type) {
            case L1_LAN_IIH, L2_LAN_IIH -> {
                out.ascii(", src-id ");
                id(out, m, h + 1, SYSTEM_ID);
                out.ascii(", lan-id ");
                id(out, m, h + 12, NODE_ID);
                out.ascii(", prio ").num(m.byteAt(h + 11));
            }
            case PTP_IIH -> {
                out.ascii(", src-id ");
                id(out, m, h + 1, SYSTEM_ID);
            }
            case L1_LSP, L2_LSP -> {
                out.ascii(", lsp-id ");
                id(out, m, h + 4, LSP_ID);
                out.ascii(", seq 0x").hex(m.intAt(h + 12), 8).ascii(", lifetime ");
                String lifetime = Integer.toString(m.shortAt(h + 2));
                for (int i = lifetime.length(); i < 5; i++) {
                    out.ch(' ');
                }
                out.ascii(lifetime).ch('s');
            }
            default -> { // CSNP, PSNP
                out.ascii(", src-id ");
                id(out, m, h + 2, NODE_ID);
            }
        }
        out.ascii(", length ").num(length);
        return true;
    }

    /** Writes a system, node or LSP id as tcpdump does: {@code 1921.6800.1001.00-00}. */
    static void id(Out out, Isis m, int at, int length) {
        for (int i = 0; i < SYSTEM_ID; i++) {
            out.hex2(m.byteAt(at + i));
            if (i == 1 || i == 3) {
                out.ch('.');
            }
        }
        if (length >= NODE_ID) {
            out.ch('.').hex2(m.byteAt(at + SYSTEM_ID));
        }
        if (length == LSP_ID) {
            out.ch('-').hex2(m.byteAt(at + NODE_ID));
        }
    }

    private static String typeName(int type) {
        return switch (type) {
            case L1_LAN_IIH -> "L1 Lan IIH";
            case L2_LAN_IIH -> "L2 Lan IIH";
            case PTP_IIH -> "p2p IIH";
            case L1_LSP -> "L1 LSP";
            case L2_LSP -> "L2 LSP";
            case L1_CSNP -> "L1 CSNP";
            case L2_CSNP -> "L2 CSNP";
            case L1_PSNP -> "L1 PSNP";
            case L2_PSNP -> "L2 PSNP";
            default -> "unknown PDU-Type " + type;
        };
    }
}
