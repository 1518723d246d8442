package dev.trawl.cli.print;

import static dev.trawl.cli.print.CheckedReads.need;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.GeoNet;
import dev.trawl.decode.layer.Isis;

/**
 * Payloads of Ethernet types that tcpdump decodes and decode leaves as data, as Wireshark does: the OSI type
 * 0xfefe, whose first byte tcpdump skips before the network layer protocol id, and GeoNetworking's old type 0x0707
 * ({@code GeoNet src:00:11:22:33:44:55; v:1 NH:1-BTP-A HT:5-0-TopoScopeBcast-SH HopLim:1 Payload:20 GN_ADDR:...
 * lat:0 lon:0; BTP Dst:2001 Src:0}), CALM FAST's 0x1111, and CFM's (where decode names another protocol or none). The Ethernet printer hands such a payload here instead of dumping it. Not
 * thread-safe.
 */
final class LegacyEtherTypes {
    static final int OSI = 0xfefe;
    /** The source of a payload whose link layer has no MAC address. */
    static final long NO_SOURCE = -1;
    private static final int GEONET_OLD = 0x0707;
    private static final int GEONET = 0x8947;
    private static final int CALM_FAST = 0x1111;
    /** CFM's Ethernet type, and the one it had before (which Wireshark gives another protocol). */
    private static final int CFM = 0x8902;
    private static final int CFM_OLD = 0xabcd;
    private static final int NLPID_NULLNS = 0x00;
    private static final int NLPID_CLNP = 0x81;
    private static final int NLPID_Q933 = 0x08;
    private static final int NLPID_PPP = 0xcf;
    /** PPP's protocol number for OSI network layer PDUs. */
    private static final int PPP_OSI = 0x23;
    /** How many OSI PDUs inside PPP inside OSI this follows before it stops, as a bound on crafted nesting. */
    private static final int MAX_OSI_NESTING = 16;

    /** Reads the network layer protocol id, the one byte every OSI PDU starts with. */
    private final Isis nlpid = new Isis();
    private final ClnpPrinter clnp = new ClnpPrinter();
    private final GeoNet geoNet = new GeoNet();
    private final CfmPrinter cfm = new CfmPrinter();
    private final Q933Printer q933 = new Q933Printer();
    private final dev.trawl.decode.layer.Ppp ppp = new dev.trawl.decode.layer.Ppp();

    /**
     * Whether {@link #print} prints the payload of Ethernet type {@code type} at absolute index {@code from}: of the
     * OSI type, one cut before its protocol id, or a CLNP PDU, or one of a protocol tcpdump does not decode.
     */
    boolean prints(PrintContext c, int type, int from) {
        if (type == GEONET_OLD || type == GEONET || type == CALM_FAST || type == CFM_OLD || type == CFM) {
            return true;
        }
        if (type != OSI) {
            return false;
        }
        DecodedPacket p = c.packet();
        if (from + 2 > p.end()) {
            return true;
        }
        int id = nlpid.wrap(p.buffer(), from + 1, 1).byteAt(0);
        return id == NLPID_CLNP || id == NLPID_NULLNS || id == NLPID_Q933 || id == NLPID_PPP
                || OsiPrinter.nlpidName(id, null) == null;
    }

    /**
     * Prints the payload of Ethernet type {@code type} that starts at absolute index {@code from} and is
     * {@code length} bytes long on the wire, in a frame from MAC address {@code source} ({@link #NO_SOURCE} for
     * a link without one, as Frame Relay's Cisco encapsulation).
     */
    void print(PrintContext c, int type, int from, int length, long source) {
        DecodedPacket p = c.packet();
        if (type == CALM_FAST) {
            calmFast(c, from, length, source);
            return;
        }
        if (type == CFM_OLD || type == CFM) {
            cfm.printAt(c, from, length);
            return;
        }
        if (type != OSI) {
            GeoNet g = geoNet.wrap(p.buffer(), from, Math.max(0, p.end() - from));
            c.out().ascii("GeoNet ");
            source(c, "src:", source);
            try {
                geoNet(c, g, length);
            } catch (Truncated t) {
                c.truncated("geonet");
            }
            return;
        }
        if (length <= 0 || from >= p.end()) {
            c.truncated("isoclns");
            return;
        }
        osi(c, from + 1, length - 1, 0);
    }

    /** tcpdump's {@code isoclns_print}: the protocol id, then the PDU it names, at {@code from}. */
    private void osi(PrintContext c, int from, int length, int depth) {
        DecodedPacket p = c.packet();
        Isis m = nlpid.wrap(p.buffer(), from, Math.max(0, p.end() - from));
        if (!m.has(0, 1)) {
            c.truncatedRead("isoclns");
            return;
        }
        int id = m.byteAt(0);
        Out out = c.out();
        if (c.linkHeader()) {
            out.ascii("OSI NLPID ").ascii(OsiPrinter.nlpidName(id, "Unknown")).ascii(" (0x").hex2(id).ascii("): ");
        }
        switch (id) {
            case NLPID_CLNP -> clnp.printAt(c, from, length);
            case NLPID_NULLNS -> out.ascii(c.linkHeader() ? "" : ", ").ascii("length: ").num(length);
            case NLPID_Q933 -> q933.print(c, from, length - 1);
            case NLPID_PPP -> ppp(c, from + 1, length - 1, depth);
            default -> {
                if (!c.linkHeader()) {
                    out.ascii("OSI NLPID 0x").hex2(id).ascii(" unknown");
                }
                out.ascii(c.linkHeader() ? "" : ", ").ascii("length: ").num(length);
                if (length > 1) {
                    TlvText.dump(out, m, 0, length, "\n\t");
                }
            }
        }
    }

    /**
     * tcpdump's {@code ppp_print} of the PPP frame at {@code from} that an OSI protocol id announced: the optional
     * address and control bytes, the protocol, then (for an OSI PDU) the OSI text again; a frame of another
     * protocol, when its header is whole, is printed as a PPP link frame.
     */
    private void ppp(PrintContext c, int from, int length, int depth) {
        DecodedPacket p = c.packet();
        dev.trawl.decode.layer.Ppp h = ppp.wrap(p.buffer(), from, Math.max(0, p.end() - from));
        Out out = c.out();
        if (length < 2) {
            c.truncated("ppp");
            return;
        }
        if (!h.has(0, 2)) {
            c.truncatedRead("ppp");
            return;
        }
        int header = 0;
        String direction = "";
        switch (h.shortAt(0)) {
            case 0x0003 -> {
                direction = "In  ";
                header = 2;
            }
            case 0x0103 -> {
                direction = "Out ";
                header = 2;
            }
            case 0xff03 -> header = 2;
            default -> {
            }
        }
        if (length - header < 2) {
            out.ascii(c.linkHeader() ? direction : "");
            c.truncated("ppp");
            return;
        }
        if (!h.has(header, 1) || (h.byteAt(header) & 1) == 0 && !h.has(header, 2)) {
            out.ascii(c.linkHeader() ? direction : "");
            c.truncatedRead("ppp");
            return;
        }
        boolean compressed = (h.byteAt(header) & 1) != 0;
        int proto = compressed ? h.byteAt(header) : h.shortAt(header);
        int payload = header + (compressed ? 1 : 2);
        if (proto != PPP_OSI && header == 2 && direction.isEmpty() && !compressed
                && c.printFrame(dev.trawl.pcap.LinkType.PPP.value(), from, p.end(), length)) {
            return;
        }
        if (c.linkHeader()) {
            String name = PppPrinter.name(proto);
            out.ascii(direction).ascii(name == null ? "unknown" : name).ascii(" (0x").hex(proto, 4)
                    .ascii("), length ").num(length);
            if (name == null) {
                return;
            }
            out.ascii(": ");
        }
        if (proto == PPP_OSI && depth < MAX_OSI_NESTING) {
            osi(c, from + payload, length - payload, depth + 1);
        }
    }

    /** CALM FAST (ISO 29281): the source, then the source and destination network references. */
    private void calmFast(PrintContext c, int from, int length, long source) {
        DecodedPacket p = c.packet();
        Out out = c.out();
        GeoNet m = geoNet.wrap(p.buffer(), from, Math.max(0, p.end() - from));
        out.ascii("CALM FAST");
        source(c, " src:", source);
        try {
            if (length < 2) {
                out.ascii(" (length ").num(length).ascii(" < 2) (invalid)");
                need(m, 0, Math.max(0, length));
                return;
            }
            out.ascii("SrcNwref:").num(CheckedReads.u8(m, 0)).ascii("; ");
            out.ascii("DstNwref:").num(CheckedReads.u8(m, 1)).ascii("; ");
            if (c.verbose() > 0) {
                dump(c, m, 2, length - 2);
            }
        } catch (Truncated t) {
            c.truncated("calm_fast");
        }
    }

    /** {@code label} and the source address, when the link has one, then {@code "; "}. */
    private static void source(PrintContext c, String label, long source) {
        if (source != NO_SOURCE) {
            c.out().ascii(label);
            c.mac(source);
        }
        c.out().ascii("; ");
    }

    /** tcpdump's default print of {@code length} bytes at {@code at}: those captured, then the marker if cut. */
    private static void dump(PrintContext c, GeoNet m, int at, int length) {
        int captured = Math.min(length, m.remaining(at));
        c.rawDump(m.offset() + at, m.offset() + at + captured);
        if (captured < length) {
            throw Truncated.INSTANCE;
        }
    }

    /** tcpdump's {@code geonet_print} after the source: the common header, then BTP, then with -v the data. */
    private static void geoNet(PrintContext c, GeoNet g, int length) {
        Out out = c.out();
        if (length < GeoNet.COMMON_HEADER) {
            out.ascii(" (common header length ").num(length).ascii(" < 36) (invalid)");
            return;
        }
        need(g, 0, 8);
        int type = g.headerType();
        int subtype = g.headerSubtype();
        int next = g.nextHeader();
        out.ascii("v:").num(g.version()).ascii(" NH:").num(next).ch('-').ascii(switch (next) {
            case 0 -> "Any";
            case 1 -> "BTP-A";
            case 2 -> "BTP-B";
            case 3 -> "IPv6";
            default -> "Unknown";
        }).ascii(" HT:").num(type).ch('-').num(subtype).ch('-').ascii(headerTypeName(type, subtype))
                .ascii(" HopLim:").num(g.hopLimit()).ascii(" Payload:").num(g.payloadLength()).ch(' ');
        need(g, GeoNet.POSITION_VECTOR, GeoNet.ADDRESS_LENGTH);
        out.ascii("GN_ADDR:");
        for (int i = 0; i < GeoNet.ADDRESS_LENGTH; i++) {
            out.ascii(i == 0 ? "" : ":").hex2(g.byteAt(GeoNet.POSITION_VECTOR + i));
        }
        out.ch(' ');
        need(g, GeoNet.POSITION_VECTOR + 12, 4);
        out.ascii("lat:").num(g.latitude()).ch(' ');
        need(g, GeoNet.POSITION_VECTOR + 16, 4);
        out.ascii("lon:").num(g.longitude());
        need(g, 0, GeoNet.COMMON_HEADER);
        length -= GeoNet.COMMON_HEADER;
        int at = GeoNet.COMMON_HEADER;
        int extended = extendedHeaderSize(type, subtype);
        if (extended >= 0) {
            if (length < extended) {
                out.ascii(" (header size ").num(extended).ascii(" > ").num(length).ascii(") (invalid)");
                return;
            }
            need(g, at, extended);
            length -= extended;
            at += extended;
            if (next == 1 || next == 2) {
                if (length < 4) {
                    out.ascii(" (BTP length ").num(length).ascii(" < 4) (invalid)");
                    return;
                }
                out.ascii("; BTP Dst:").num(CheckedReads.u16(g, at));
                out.ascii(" Src:").num(CheckedReads.u16(g, at + 2));
                length -= 4;
                at += 4;
                if (length >= 2) {
                    out.ascii("; ItsPduHeader v:").num(CheckedReads.u8(g, at));
                    int message = CheckedReads.u8(g, at + 1);
                    out.ascii(" t:").num(message).ch('-').ascii(messageName(message));
                }
            }
        }
        if (c.verbose() > 0) {
            dump(c, g, at, length);
        }
    }

    /** The size of the extended header tcpdump skips, or -1 for the types whose size it does not know. */
    private static int extendedHeaderSize(int type, int subtype) {
        return switch (type) {
            case 0, 1 -> 0;
            case 5 -> subtype == 0 ? 0 : subtype == 1 ? 68 - GeoNet.COMMON_HEADER : -1;
            default -> -1;
        };
    }

    private static String headerTypeName(int type, int subtype) {
        return switch (type) {
            case 0 -> "Any";
            case 1 -> "Beacon";
            case 2 -> "GeoUnicast";
            case 3 -> subtype == 0 ? "GeoAnycastCircle" : subtype == 1 ? "GeoAnycastRect"
                    : subtype == 2 ? "GeoAnycastElipse" : "Unknown";
            case 4 -> subtype == 0 ? "GeoBroadcastCircle" : subtype == 1 ? "GeoBroadcastRect"
                    : subtype == 2 ? "GeoBroadcastElipse" : "Unknown";
            case 5 -> subtype == 0 ? "TopoScopeBcast-SH" : subtype == 1 ? "TopoScopeBcast-MH" : "Unknown";
            case 6 -> subtype == 0 ? "LocService-Request" : subtype == 1 ? "LocService-Reply" : "Unknown";
            default -> "Unknown";
        };
    }

    private static String messageName(int type) {
        return switch (type) {
            case 0 -> "CAM";
            case 1 -> "DENM";
            case 101 -> "TPEGM";
            case 102 -> "TSPDM";
            case 103 -> "VPM";
            case 104 -> "SRM";
            case 105 -> "SLAM";
            case 106 -> "ecoCAM";
            case 107 -> "ITM";
            case 150 -> "SA";
            default -> "unknown (" + type + ")";
        };
    }
}
