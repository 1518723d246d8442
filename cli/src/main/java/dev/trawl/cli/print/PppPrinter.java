package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Ppp;
import dev.trawl.decode.layer.PppControl;
import dev.trawl.pcap.LinkType;
import java.nio.ByteBuffer;

/**
 * PPP as tcpdump prints it, as a link type (LINKTYPE_PPP, and LINKTYPE_PPP_HDLC with its {@code IP: } prefix) or
 * inside PPPoE and GRE: the network layer it carries, or its control protocols' packets ({@code LCP,
 * Echo-Request (0x09), id 106, length 14}, with {@code -v} the encoded length and the magic number or data);
 * {@code -e} adds the protocol's name and the frame's length. Not thread-safe.
 */
final class PppPrinter implements LayerPrinter {
    private static final int PPP_IP = 0x0021;
    private static final int PPP_IPV6 = 0x0057;
    private static final int PPP_VJNC = 0x002f;
    private static final int PPP_OSI = 0x0023;
    private static final int PPP_COMPRESSED = 0x00fd;
    private static final int MLPPP = 0x003d;
    private static final int ETHERTYPE_IP = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86dd;
    /** Protocol numbers 0x7eXX: the frame still holds HDLC's escapes, which tcpdump undoes before printing. */
    private static final int ESCAPED = 0x7e00;
    private static final int LCP = 0xc021;
    private static final int IPCP = 0x8021;
    private static final int OSICP = 0x8023;
    private static final int MPLSCP = 0x8281;
    private static final int IPV6CP = 0x8057;
    private static final int CCP = 0x80fd;
    private static final int BACP = 0xc02b;
    private static final int PAP = 0xc023;
    private static final int CHAP = 0xc223;
    private static final int BAP = 0xc02d;
    private static final int PPP_IPX = 0x002b;
    private static final int ETHERTYPE_IPX = 0x8137;
    private static final int PPP_MPLS_UNICAST = 0x0281;
    private static final int PPP_MPLS_MULTICAST = 0x0283;
    /** The shortest frame tcpdump's LINKTYPE_PPP printer takes: address, control and protocol. */
    private static final int LINK_HEADER = 4;
    private static final String[] CODES = {"Vendor-Extension", "Conf-Request", "Conf-Ack", "Conf-Nack",
        "Conf-Reject", "Term-Request", "Term-Ack", "Code-Reject", "Prot-Reject", "Echo-Request", "Echo-Reply",
        "Disc-Req", "Ident", "Time-Rem", "Reset-Req", "Reset-Ack"};

    private static final String[] PAP_CODES = {"Auth-Req", "Auth-ACK", "Auth-NACK"};
    private static final String[] CHAP_CODES = {"Challenge", "Response", "Success", "Fail"};

    private final Ppp view = new Ppp();
    private final PppControl control = new PppControl();
    /** A frame's bytes with its HDLC escapes undone, as long as the longest such frame yet (a capture's snapshot
     * length bounds it). */
    private byte[] unescapedBytes = new byte[0];
    private final Ppp unescapedView = new Ppp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Ppp h = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        int length = p.layerEnd(layer) < p.end() ? p.layerEnd(layer) - p.offset(layer) : c.wireLength(layer);
        boolean link = layer == 0;
        if (link && p.linkType() == LinkType.PPP_HDLC.value()) {
            hdlcFraming(c, layer, h, length);
            return;
        }
        if (link && !h.has(0, LINK_HEADER)) {
            c.truncated("ppp");
            return;
        }
        if (link) {
            c.linkHeaderEnd(h.offset() + LINK_HEADER);
        } else if (afterEtherType(c, layer)) {
            if (length == 0) {
                return;
            }
            out.ascii(": ");
        }
        int header = h.headerLength();
        if (length < 2 || length - h.protocolOffset() < 2 || !h.has(h.protocolOffset(), h.protocolCompressed() ? 1 : 2)) {
            c.truncated("ppp");
            return;
        }
        int proto = h.protocol();
        if (c.linkHeader()) {
            String name = name(proto);
            out.ascii(name == null ? "unknown" : name).ascii(" (0x").hex(proto, 4).ascii("), length ").num(length);
            if (name == null) {
                return;
            }
            out.ascii(": ");
        }
        payload(c, layer, h, proto, header, length - header);
    }

    /** LINKTYPE_PPP_HDLC: the address and control bytes whatever they hold, then a two-byte protocol. */
    private void hdlcFraming(PrintContext c, int layer, Ppp h, int length) {
        Out out = c.out();
        if (!h.has(0, 2) || !h.has(0, LINK_HEADER)) {
            c.truncated("ppp_hdlc");
            return;
        }
        c.linkHeaderEnd(h.offset() + LINK_HEADER);
        if (c.linkHeader()) {
            out.hex2(h.byteAt(0)).ch(' ').hex2(h.byteAt(1)).ch(' ').num(length).ch(' ');
        }
        if (h.byteAt(0) != Ppp.ALL_STATIONS) {
            out.ascii("unknown addr ").hex2(h.byteAt(2)).ascii("; ctrl ").hex2(h.byteAt(3));
            return;
        }
        int proto = h.shortAt(2);
        String name = name(proto);
        if (name == null) {
            out.ascii("unknown PPP protocol (0x").hex(proto, 4).ch(')');
        } else {
            out.ascii(name);
        }
        out.ascii(": ");
        if (h.headerLength() != LINK_HEADER && (proto & 0xff00) != ESCAPED) {
            return; // decode read a compressed protocol field where this framing has a full one
        }
        payload(c, layer, h, proto, LINK_HEADER, length - LINK_HEADER);
    }

    /**
     * The code, identifier and stated length of a PAP or CHAP packet ({@code PAP, Auth-Req (0x01), id 1}), whose
     * code {@code names} names from 1 on; returns the stated length, or -1 having printed where tcpdump stops.
     */
    private static int authenticationHeader(PrintContext c, Ppp h, int at, int length, String protocol,
            String[] names) {
        Out out = c.out();
        if (length < 1) {
            out.ascii("[|").ascii(protocol).ch(']');
            return -1;
        }
        if (!h.has(at, 1)) {
            c.truncatedRead("ppp");
            return -1;
        }
        int code = h.byteAt(at);
        if (length < 4) {
            out.ascii("[|").ascii(protocol).ascii(" 0x").hex2(code).ch(']');
            return -1;
        }
        String name = code >= 1 && code <= names.length ? names[code - 1] : "unknown";
        out.ascii(protocol.toUpperCase(java.util.Locale.ROOT)).ascii(", ").ascii(name).ascii(" (0x").hex2(code)
                .ch(')');
        if (!h.has(at + 1, 1)) {
            c.truncatedRead("ppp");
            return -1;
        }
        out.ascii(", id ").num(h.byteAt(at + 1));
        if (!h.has(at + 2, 2)) {
            c.truncatedRead("ppp");
            return -1;
        }
        return h.shortAt(at + 2);
    }

    /**
     * PAP (RFC 1334): {@code PAP, Auth-Req (0x01), id 1, Peer user, Name secret}; tcpdump stops silently where
     * the stated length ends early, and prints {@code [|pap]} for a message shorter than its code needs.
     */
    private static void pap(PrintContext c, Ppp h, int at, int length) {
        Out out = c.out();
        int len = authenticationHeader(c, h, at, length, "pap", PAP_CODES);
        if (len < 0) {
            return;
        }
        int code = h.byteAt(at);
        if (len > length) {
            out.ascii(", length ").num(len).ascii(" > packet size");
            return;
        }
        if (len < 4) {
            out.ascii(", length ").num(len).ascii(" < PAP header length");
            return;
        }
        if (code != 1 && code != 2 && code != 3) {
            return;
        }
        if (len < (code == 1 ? 6 : 5)) {
            out.ascii("[|pap]");
            return;
        }
        int i = at + 4;
        int end = at + len;
        String[] labels = code == 1 ? new String[] {", Peer ", ", Name "} : new String[] {", Msg "};
        for (String label : labels) {
            if (end - i < 1) {
                return;
            }
            if (!h.has(i, 1)) {
                c.truncatedRead("ppp");
                return;
            }
            int n = h.byteAt(i++);
            if (end - i < n) {
                return;
            }
            out.ascii(label);
            for (int k = 0; k < n; k++, i++) {
                if (!h.has(i, 1)) {
                    c.truncatedRead("ppp");
                    return;
                }
                VrrpPrinter.printable(out, h.byteAt(i));
            }
        }
    }

    /**
     * CHAP (RFC 1994): {@code CHAP, Challenge (0x01), id 1, Value 0a1b..., Name host}; the value and the name or
     * message as far as the stated length reaches, which tcpdump does not hold against the captured bytes.
     */
    private static void chap(PrintContext c, Ppp h, int at, int length) {
        Out out = c.out();
        int len = authenticationHeader(c, h, at, length, "chap", CHAP_CODES);
        if (len < 0) {
            return;
        }
        int code = h.byteAt(at);
        int i = at + 4;
        if (code == 1 || code == 2) {
            if (length < 5) {
                return;
            }
            if (!h.has(i, 1)) {
                c.truncatedRead("ppp");
                return;
            }
            int size = h.byteAt(i++);
            if (length - 5 < size) {
                return;
            }
            out.ascii(", Value ");
            for (int k = 0; k < size; k++, i++) {
                if (!h.has(i, 1)) {
                    c.truncatedRead("ppp");
                    return;
                }
                out.hex2(h.byteAt(i));
            }
            out.ascii(", Name ");
        } else if (code == 3 || code == 4) {
            out.ascii(", Msg ");
        } else {
            return;
        }
        // A stated length shorter than what was read wraps round in tcpdump's unsigned count: it reads on to the
        // end of the capture.
        int end = len >= i - at ? at + len : Integer.MAX_VALUE;
        for (; i < end; i++) {
            if (!h.has(i, 1)) {
                c.truncatedRead("ppp");
                return;
            }
            VrrpPrinter.printable(out, h.byteAt(i));
        }
    }

    /** tcpdump's {@code handle_ppp}: what the protocol field names, {@code length} bytes from {@code at}. */
    private void payload(PrintContext c, int layer, Ppp h, int proto, int at, int length) {
        if ((proto & 0xff00) == ESCAPED) {
            escaped(c, layer, h, at, length);
            return;
        }
        payload(c, layer, h, proto, at, length, false);
    }

    /**
     * {@code handle_ppp} on {@code h}, the packet's own bytes or, when {@code unescaped}, the frame rebuilt without
     * its HDLC escapes: decode's layers above are then not what it holds, and an IP datagram in it is decoded
     * afresh.
     */
    private void payload(PrintContext c, int layer, Ppp h, int proto, int at, int length, boolean unescaped) {
        Out out = c.out();
        switch (proto) {
            case LCP, IPCP, OSICP, MPLSCP, IPV6CP, CCP, BACP -> controlProtocol(c, h, proto, at, length);
            case PPP_COMPRESSED -> out.ascii("compressed PPP data");
            case PAP -> pap(c, h, at, length);
            case MLPPP -> multilink(c, h, at, length);
            case ETHERTYPE_IP, PPP_VJNC, PPP_IP, ETHERTYPE_IPV6, PPP_IPV6 -> {
                if (unescaped) {
                    boolean v6 = proto == ETHERTYPE_IPV6 || proto == PPP_IPV6;
                    frame(c, layer, v6, h, at, length);
                } else if (!c.next(layer)) {
                    fallback(c, layer);
                }
            }
            case CHAP -> chap(c, h, at, length);
            case BAP -> {
            }
            case PPP_IPX, ETHERTYPE_IPX, PPP_OSI, PPP_MPLS_UNICAST, PPP_MPLS_MULTICAST -> {
                if (!unescaped && c.next(layer)) {
                    return;
                }
                if (proto == PPP_OSI && !h.has(at, 1)) {
                    c.truncated("isoclns"); // tcpdump's OSI printer finds no protocol id to read
                } else {
                    fallback(c, layer);
                }
            }
            default -> {
                String name = name(proto);
                if (name == null) {
                    out.ascii("unknown PPP protocol (0x").hex(proto, 4).ch(')');
                } else {
                    out.ascii(name);
                }
                out.ch(' ');
                TlvText.dump(out, h, at, length, "\n\t");
            }
        }
    }

    /** An IP datagram of the unescaped frame {@code h}, decoded and printed afresh. */
    private static void frame(PrintContext c, int layer, boolean v6, Ppp h, int at, int length) {
        int from = h.offset() + at;
        LinkType link = v6 ? LinkType.IPV6 : LinkType.IPV4;
        if (length <= 0 || !c.printFrame(link.value(), h.buffer(), from, from + length, length)) {
            fallback(c, layer);
        }
    }

    /**
     * tcpdump's {@code ppp_hdlc} on a protocol field that starts with a flag byte: it undoes the HDLC escapes of
     * the captured bytes from the field's second byte on and guesses the protocol again from what it gets: IP's
     * or IPv6's one-byte number, an address and control pair, or a bare protocol number; one that starts with a
     * flag byte again is called invalid. The length is then what the capture held, unescaped.
     */
    private void escaped(PrintContext c, int layer, Ppp h, int at, int length) {
        if (length <= 0 || !h.has(at - 1, 1)) {
            return;
        }
        if (unescapedBytes.length < h.regionLength()) {
            unescapedBytes = new byte[h.regionLength()];
        }
        int n = h.unescape(at - 1, unescapedBytes);
        Ppp b = unescapedView.wrap(ByteBuffer.wrap(unescapedBytes, 0, n), 0, n);
        int first = b.byteAt(0);
        if (first == PPP_IP || first == PPP_IPV6) {
            frame(c, layer, first == PPP_IPV6, b, 1, n - 1);
            return;
        }
        if (n < 2) {
            c.truncated("ppp");
            return;
        }
        int skip = b.shortAt(0) == (Ppp.ALL_STATIONS << 8 | Ppp.UNNUMBERED_INFORMATION) ? 2 : 0;
        if (n < skip + 2) {
            c.truncated("ppp");
            return;
        }
        int proto = b.shortAt(skip);
        if ((proto & 0xff00) == ESCAPED) {
            c.out().ascii("(protocol 0x").hex(proto, 4).ascii(" invalid)");
            return;
        }
        payload(c, layer, b, proto, skip + 2, n - skip - 2, true);
    }

    /** Whether the frame is the payload of an EtherType, after which tcpdump prints a colon first. */
    private static boolean afterEtherType(PrintContext c, int layer) {
        int below = c.below(layer);
        if (below < 0) {
            return false;
        }
        int proto = c.packet().protocol(below);
        return proto == Protocols.ETH || proto == Protocols.VLAN || proto == Protocols.IEEE8021AD
                || proto == Protocols.SLL;
    }

    /** A multilink fragment's header: its sequence number (12-bit form) and begin and end flags. */
    private static void multilink(PrintContext c, Ppp h, int at, int length) {
        Out out = c.out();
        if (!c.linkHeader()) {
            out.ascii("MLPPP, ");
        }
        if (length < 2 || !h.has(at, 2)) {
            out.ascii("[|mlppp]");
            return;
        }
        int first = h.byteAt(at);
        out.ascii("seq 0x").hex(h.shortAt(at) & 0x0fff, 3).ascii(", Flags [");
        out.ascii((first & 0xc0) == 0xc0 ? "begin, end" : (first & 0x80) != 0 ? "begin"
                : (first & 0x40) != 0 ? "end" : "none");
        out.ascii("], length ").num(length);
    }

    /** What trawl prints for a PPP payload it has no printer for. */
    private static void fallback(PrintContext c, int layer) {
        c.out().ascii("PPP, length ").num(c.wireLength(layer));
    }

    /** tcpdump's {@code handle_ctrl_proto}: a packet of LCP or a protocol built like it. */
    private void controlProtocol(PrintContext c, Ppp h, int proto, int at, int length) {
        Out out = c.out();
        String name = name(proto);
        out.ascii(name).ascii(", ");
        PppControl m = control.wrap(h.buffer(), h.offset() + at, Math.max(0, h.regionLength() - at));
        if (length < PppControl.HEADER_LENGTH || !m.has(0, 2)) {
            out.ascii("[|").ascii(name).ch(']');
            return;
        }
        int code = m.code();
        out.ascii(code < CODES.length ? CODES[code] : "Unknown Opcode").ascii(" (0x").hex2(code).ascii("), id ")
                .num(m.identifier()).ascii(", length ").num(length + 2);
        if (c.verbose() == 0) {
            return;
        }
        if (!m.has(2, 2)) {
            c.truncated("ppp");
            return;
        }
        int len = m.length();
        if (len < PppControl.HEADER_LENGTH) {
            out.ascii("\n\tencoded length ").num(len).ascii(" (< 4))");
            return;
        }
        if (len > length) {
            out.ascii("\n\tencoded length ").num(len).ascii(" (> packet length ").num(length).ascii("))");
            return;
        }
        out.ascii("\n\tencoded length ").num(len).ascii(" (=Option(s) length ").num(len - 4).ch(')');
        if (len == PppControl.HEADER_LENGTH) {
            return;
        }
        if (c.verbose() > 1) {
            TlvText.dump(out, h, at - 2, 6, "\n\t");
        }
        switch (code) {
            case PppControl.VENDOR_EXTENSION -> {
                if (len >= 11) {
                    magic(c, m);
                    if (m.has(8, 3)) {
                        int oui = m.byteAt(8) << 16 | m.shortAt(9);
                        out.ascii(" Vendor: Unknown (").num(oui).ch(')');
                    }
                }
            }
            case PppControl.PROTOCOL_REJECT -> {
                if (len >= 6 && m.has(4, 2)) {
                    int rejected = m.shortAt(4);
                    String rejectedName = name(rejected);
                    out.ascii("\n\t  Rejected ").ascii(rejectedName == null ? "unknown" : rejectedName)
                            .ascii(" Protocol (0x").hex(rejected, 4).ch(')');
                    if (len > 6) {
                        out.ascii("\n\t  Rejected Packet");
                        TlvText.dump(out, m, 6, len - 2, "\n\t    ");
                    }
                }
            }
            case PppControl.ECHO_REQUEST, PppControl.ECHO_REPLY, PppControl.DISCARD_REQUEST -> {
                if (len >= 8 && magic(c, m) && len > 8) {
                    out.ascii("\n\t  -----trailing data-----");
                    if (!m.has(8, len - 8)) {
                        c.truncated("ppp");
                        return;
                    }
                    TlvText.dump(out, m, 8, len - 8, "\n\t  ");
                }
            }
            case PppControl.IDENTIFICATION -> {
                if (len >= 8 && magic(c, m) && len > 8) {
                    out.ascii("\n\t  Message\n\t    ");
                    TlvText.text(out, m, 8, Math.min(len - 4, m.remaining(8)));
                    if (!m.has(8, len - 4)) {
                        c.truncated("ppp");
                    }
                }
            }
            case PppControl.TIME_REMAINING -> {
                if (len >= 12 && magic(c, m)) {
                    if (!m.has(8, 4)) {
                        c.truncated("ppp");
                        return;
                    }
                    out.ascii(", Seconds-Remaining ").num(m.intAt(8)).ch('s');
                }
            }
            default -> {
                if (code >= PppControl.CONFIGURE_REQUEST && code <= PppControl.CONFIGURE_REJECT) {
                    PppOptions.print(c, m, proto, len);
                } else if (code > PppControl.TIME_REMAINING && c.verbose() <= 1) {
                    TlvText.dump(out, h, at - 2, length + 2, "\n\t  ");
                }
            }
        }
    }

    /** Writes the magic number; false, having written the truncation marker, when it was not captured. */
    private static boolean magic(PrintContext c, PppControl m) {
        if (!m.has(4, 4)) {
            c.truncated("ppp");
            return false;
        }
        c.out().ascii("\n\t  Magic-Num 0x").hex(m.magicNumber(), 8);
        return true;
    }

    /** tcpdump's name of a PPP protocol number, or null when it has none. */
    static String name(int proto) {
        return switch (proto) {
            case 0x0021 -> "IP";
            case 0x0023 -> "OSI";
            case 0x0025 -> "NS";
            case 0x0027 -> "DECNET";
            case 0x0029 -> "APPLE";
            case 0x002b -> "IPX";
            case 0x002d -> "VJC IP";
            case 0x002f -> "VJNC IP";
            case 0x0031 -> "BRPDU";
            case 0x0033 -> "STII";
            case 0x0035 -> "VINES";
            case 0x0281, 0x0283 -> "MPLS";
            case 0x00fd -> "Compressed";
            case 0x003d -> "MLPPP";
            case 0x0057 -> "IP6";
            case 0x0201 -> "HELLO";
            case 0x0231 -> "LUXCOM";
            case 0x0233 -> "SNS";
            case 0x8021 -> "IPCP";
            case 0x8023 -> "OSICP";
            case 0x8025 -> "NSCP";
            case 0x8027 -> "DECNETCP";
            case 0x8029 -> "APPLECP";
            case 0x802b -> "IPXCP";
            case 0x8033 -> "STIICP";
            case 0x8035 -> "VINESCP";
            case 0x8057 -> "IP6CP";
            case 0x8281 -> "MPLSCP";
            case 0xc021 -> "LCP";
            case 0xc023 -> "PAP";
            case 0xc025 -> "LQM";
            case 0xc223 -> "CHAP";
            case 0xc227 -> "EAP";
            case 0xc027 -> "SPAP";
            case 0xc123 -> "Old-SPAP";
            case 0xc02b -> "BACP";
            case 0xc02d -> "BAP";
            case 0xc03d -> "MLPPP-CP";
            case 0x80fd -> "CCP";
            default -> null;
        };
    }
}
