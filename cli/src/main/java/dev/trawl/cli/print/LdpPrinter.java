package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Ldp;

/**
 * LDP as tcpdump prints it: without {@code -v} {@code LDP, Label-Space-ID: 10.1.0.2:0, pdu-length: 38} for the
 * first PDU of the segment or datagram; with it every PDU, a line per message (type, length, id, U bit) and its
 * TLVs (hello and session parameters, transport addresses, address lists, FECs, labels, status), and a dump of
 * what tcpdump does not decode. Not thread-safe.
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
        if (c.verbose() < 1) {
            return;
        }
        int at = 0;
        while (true) {
            int processed = messages(c, m, at, pdu);
            if (processed <= 0) {
                return;
            }
            if (length < processed) {
                out.ascii(" [remaining length ").num(length).ascii(" < ").num(processed).ascii("] (invalid)");
                return;
            }
            length -= processed;
            at += processed;
            if (length <= MIN_PRINTED) {
                return;
            }
            if (!m.has(at, Ldp.HEADER_LENGTH)) {
                c.truncated("ldp");
                return;
            }
            int version = m.shortAt(at);
            if (version != 1) {
                out.ascii("\n\tLDP version ").num(version).ascii(" packet not supported");
                return;
            }
            pdu = m.shortAt(at + 2);
            if (pdu < Ldp.HEADER_LENGTH - 4) {
                out.ascii("\n\tLDP, pdu-length: ").num(pdu).ascii(" (too short, < 6)");
                return;
            }
            out.ascii("\n\tLDP, Label-Space-ID: ");
            c.ipv4((int) m.intAt(at + 4));
            out.ch(':').num(m.shortAt(at + 8)).ascii(", pdu-length: ").num(pdu);
        }
    }

    /**
     * Prints the messages of the PDU at {@code at} whose length field is {@code pdu}; returns the PDU's whole
     * length, or 0 when the packet's text ended (a bad length or the capture's end).
     */
    private static int messages(PrintContext c, Ldp m, int at, int pdu) {
        Out out = c.out();
        int p = at + Ldp.HEADER_LENGTH;
        int left = pdu - (Ldp.HEADER_LENGTH - 4);
        while (left > 0) {
            if (!m.has(p, 8)) {
                c.truncated("ldp");
                return 0;
            }
            int length = m.shortAt(p + 2);
            int type = m.shortAt(p) & 0x7fff;
            String name = messageName(type);
            out.ascii("\n\t  ").ascii(name).ascii(" Message (0x").hex(type, 4).ascii("), length: ").num(length);
            if (length < 4) {
                out.ascii(" (too short, < 4)");
                return 0;
            }
            out.ascii(", Message ID: 0x").hex(m.intAt(p + 4), 8).ascii(", Flags: [")
                    .ascii((m.shortAt(p) & 0x8000) != 0 ? "continue processing" : "ignore").ascii(" if unknown]");
            if (!m.has(p, length)) {
                c.truncated("ldp");
                return 0;
            }
            int tlv = p + 8;
            int tlvLeft = length - 4;
            switch (type) {
                case 0x0001, 0x0100, 0x0200, 0x0201, 0x0300, 0x0400, 0x0301, 0x0402 -> {
                    while (tlvLeft >= 4) {
                        int processed = tlv(c, m, tlv, tlvLeft);
                        if (processed < 0) {
                            return 0;
                        }
                        if (processed == 0) {
                            break;
                        }
                        tlvLeft -= processed;
                        tlv += processed;
                    }
                }
                default -> {
                    if (c.verbose() <= 1) {
                        TlvText.dump(out, m, tlv, tlvLeft, "\n\t  ");
                    }
                }
            }
            if (c.verbose() > 1) {
                TlvText.dump(out, m, p + 8, length, "\n\t  ");
            }
            p += length + 4;
            left = (left - (length + 4)) & 0xffff;
        }
        return pdu + 4;
    }

    /**
     * Prints the TLV at {@code p} within {@code room} bytes of its message; returns its length with the
     * header, 0 when it goes past the message, or -1 when the capture ends (the packet's text then ends).
     */
    private static int tlv(PrintContext c, Ldp m, int p, int room) {
        Out out = c.out();
        if (!m.has(p, 4)) {
            c.truncated("ldp");
            return -1;
        }
        int raw = m.shortAt(p);
        int len = m.shortAt(p + 2);
        if (len + 4 > room) {
            out.ascii("\n\t\t TLV contents go past end of message");
            return 0;
        }
        int type = raw & 0x3fff;
        out.ascii("\n\t    ").ascii(tlvName(type)).ascii(" TLV (0x").hex(type, 4).ascii("), length: ").num(len)
                .ascii(", Flags: [").ascii((raw & 0x8000) != 0 ? "continue processing" : "ignore").ascii(" and ")
                .ascii((raw & 0x4000) != 0 ? "do" : "don't").ascii(" forward if unknown]");
        int v = p + 4;
        int n = len;
        switch (type) {
            case 0x0400 -> {
                if (tooShort(out, n, 4)) {
                    break;
                }
                if (uncaptured(c, m, v, 4)) {
                    return -1;
                }
                int flags = m.shortAt(v + 2);
                out.ascii("\n\t      Hold Time: ").num(m.shortAt(v)).ascii("s, Flags: [")
                        .ascii((flags & 0x8000) != 0 ? "Targeted" : "Link").ascii(" Hello")
                        .ascii((flags & 0x4000) != 0 ? ", Request for targeted Hellos" : "").ch(']');
            }
            case 0x0401 -> {
                if (!tooShort(out, n, 4)) {
                    if (uncaptured(c, m, v, 4)) {
                        return -1;
                    }
                    out.ascii("\n\t      IPv4 Transport Address: ");
                    c.ipv4((int) m.intAt(v));
                }
            }
            case 0x0403 -> {
                if (!tooShort(out, n, 16)) {
                    if (uncaptured(c, m, v, 16)) {
                        return -1;
                    }
                    out.ascii("\n\t      IPv6 Transport Address: ");
                    address6(c, m, v);
                }
            }
            case 0x0402 -> {
                if (!tooShort(out, n, 4)) {
                    if (uncaptured(c, m, v, 4)) {
                        return -1;
                    }
                    out.ascii("\n\t      Sequence Number: ").num(m.intAt(v));
                }
            }
            case 0x0101 -> {
                if (tooShort(out, n, 2)) {
                    break;
                }
                int af = m.shortAt(v);
                String afName = BgpPrinter.afiName(af, null);
                out.ascii("\n\t      Address Family: ").ascii(afName != null ? afName : "Unknown (" + af + ")")
                        .ascii(", addresses");
                int size = af == 1 ? 4 : af == 2 ? 16 : 0;
                for (int o = 2; size != 0 && n - o >= size; o += size) {
                    out.ch(' ');
                    if (size == 4) {
                        c.ipv4((int) m.intAt(v + o));
                    } else {
                        address6(c, m, v + o);
                    }
                }
            }
            case 0x0500 -> {
                if (!tooShort(out, n, 8)) {
                    if (uncaptured(c, m, v, 8)) {
                        return -1;
                    }
                    int flags = m.shortAt(v + 6);
                    out.ascii("\n\t      Version: ").num(m.shortAt(v)).ascii(", Keepalive: ").num(m.shortAt(v + 2))
                            .ascii("s, Flags: [Downstream ").ascii((flags & 0x8000) != 0 ? "On Demand" : "Unsolicited")
                            .ascii(", Loop Detection ").ascii((flags & 0x4000) != 0 ? "Enabled" : "Disabled").ch(']');
                }
            }
            case 0x0100 -> {
                if (!fec(c, m, v, n)) {
                    return -1;
                }
            }
            case 0x0200 -> {
                if (!tooShort(out, n, 4)) {
                    if (uncaptured(c, m, v, 4)) {
                        return -1;
                    }
                    out.ascii("\n\t      Label: ").num(m.intAt(v) & 0xfffff);
                }
            }
            case 0x0300 -> {
                if (!tooShort(out, n, 8)) {
                    if (uncaptured(c, m, v, 8)) {
                        return -1;
                    }
                    long status = m.intAt(v);
                    out.ascii("\n\t      Status: 0x").hex(status & 0x3fffffff, 2).ascii(", Flags: [")
                            .ascii((status & 0x80000000L) != 0 ? "Fatal error" : "Advisory Notification")
                            .ascii(" and ").ascii((status & 0x40000000L) != 0 ? "do" : "don't").ascii(" forward]");
                    long cause = m.intAt(v + 4);
                    if (cause != 0) {
                        out.ascii(", causing Message ID: 0x").hex(cause, 8);
                    }
                }
            }
            case 0x0503 -> {
                if (!tooShort(out, n, 12)) {
                    if (uncaptured(c, m, v, 12)) {
                        return -1;
                    }
                    int f = m.shortAt(v);
                    out.ascii("\n\t      Flags: [").ascii((f & 0x8000) != 0 ? "" : "No ").ascii("Reconnect, ")
                            .ascii((f & 0x8) != 0 ? "" : "Don't ").ascii("Save State, ")
                            .ascii((f & 0x4) != 0 ? "" : "No ").ascii("All-Label Protection, ")
                            .ascii((f & 0x2) != 0 ? "Sequence Numbered Label" : "All Labels").ascii(" Checkpoint, ")
                            .ascii((f & 0x1) != 0 ? "" : "Don't ").ascii("Re-Learn State]");
                    if (m.intAt(v + 4) != 0) {
                        out.ascii(", Reconnect Timeout: ").num(m.intAt(v + 4)).ascii("ms");
                    }
                    if (m.intAt(v + 8) != 0) {
                        out.ascii(", Recovery Time: ").num(m.intAt(v + 8)).ascii("ms");
                    }
                }
            }
            case 0x0601 -> {
                if (!tooShort(out, n, 2)) {
                    if (uncaptured(c, m, v, 2)) {
                        return -1;
                    }
                    out.ascii("\n\t      MTU: ").num(m.shortAt(v));
                }
            }
            default -> {
                if (c.verbose() <= 1) {
                    TlvText.dump(out, m, v, n, "\n\t      ");
                }
            }
        }
        return len + 4;
    }

    /** Writes tcpdump's truncation marker when the {@code need} bytes at {@code v} are not all captured. */
    private static boolean uncaptured(PrintContext c, Ldp m, int v, int need) {
        if (m.has(v, need)) {
            return false;
        }
        c.truncated("ldp");
        return true;
    }

    /** tcpdump's note on a TLV shorter than its decoder needs; true when it was written. */
    private static boolean tooShort(Out out, int n, int need) {
        if (n < need) {
            out.ascii(" [tlv length ").num(n).ascii(" < ").num(need).ascii("] (invalid)");
            return true;
        }
        return false;
    }

    /** Prints a FEC TLV's first element; false when the capture ends inside it. */
    private static boolean fec(PrintContext c, Ldp m, int v, int n) {
        Out out = c.out();
        if (tooShort(out, n, 1)) {
            return true;
        }
        int type = m.byteAt(v);
        String name = switch (type) {
            case 1 -> "Wildcard";
            case 2 -> "Prefix";
            case 3 -> "Host address";
            case 0x80 -> "Martini VC";
            default -> "Unknown";
        };
        out.ascii("\n\t      ").ascii(name).ascii(" FEC (0x").hex(type, 2).ch(')');
        if (type != 2) {
            return true;
        }
        if (tooShort(out, n - 1, 2)) {
            return true;
        }
        int af = m.shortAt(v + 1);
        int q = v + 3;
        int room = n - 3;
        if (af != 1 && af != 2) {
            out.ascii(": Address family ").num(af).ascii(" prefix");
            return true;
        }
        boolean v6 = af == 2;
        if (room < 1 || !m.has(q, 1)) {
            c.truncated("ldp");
            return false;
        }
        int plen = m.byteAt(q);
        if (plen > (v6 ? 128 : 32)) {
            out.ascii(v6 ? ": IPv6 prefix (invalid length)" : ": IPv4 prefix (invalid length)");
            return true;
        }
        int bytes = (plen + 7) / 8;
        if (room - 1 < bytes || !m.has(q + 1, bytes)) {
            c.truncated("ldp");
            return false;
        }
        byte[] a = c.addressScratch();
        java.util.Arrays.fill(a, (byte) 0);
        for (int i = 0; i < bytes; i++) {
            a[i] = (byte) m.byteAt(q + 1 + i);
        }
        if (plen % 8 != 0) {
            a[bytes - 1] &= (byte) (0xff00 >> (plen % 8));
        }
        out.ascii(v6 ? ": IPv6 prefix " : ": IPv4 prefix ");
        if (v6) {
            c.ipv6(a);
        } else {
            c.ipv4((a[0] & 0xff) << 24 | (a[1] & 0xff) << 16 | (a[2] & 0xff) << 8 | (a[3] & 0xff));
        }
        out.ch('/').num(plen);
        return true;
    }

    private static void address6(PrintContext c, Ldp m, int at) {
        byte[] a = c.addressScratch();
        for (int i = 0; i < 16; i++) {
            a[i] = (byte) m.byteAt(at + i);
        }
        c.ipv6(a);
    }

    private static String messageName(int type) {
        return switch (type) {
            case 0x0001 -> "Notification";
            case 0x0100 -> "Hello";
            case 0x0200 -> "Initialization";
            case 0x0201 -> "Keepalive";
            case 0x0300 -> "Address";
            case 0x0301 -> "Address Withdraw";
            case 0x0400 -> "Label Mapping";
            case 0x0401 -> "Label Request";
            case 0x0402 -> "Label Withdraw";
            case 0x0403 -> "Label Release";
            case 0x0404 -> "Label Abort Request";
            default -> "Unknown";
        };
    }

    private static String tlvName(int type) {
        return switch (type) {
            case 0x0100 -> "FEC";
            case 0x0101 -> "Address List";
            case 0x0103 -> "Hop Count";
            case 0x0104 -> "Path Vector";
            case 0x0200 -> "Generic Label";
            case 0x0201 -> "ATM Label";
            case 0x0202 -> "Frame-Relay Label";
            case 0x0300 -> "Status";
            case 0x0301 -> "Extended Status";
            case 0x0302 -> "Returned PDU";
            case 0x0303 -> "Returned Message";
            case 0x0400 -> "Common Hello Parameters";
            case 0x0401 -> "IPv4 Transport Address";
            case 0x0402 -> "Configuration Sequence Number";
            case 0x0403 -> "IPv6 Transport Address";
            case 0x0500 -> "Common Session Parameters";
            case 0x0501 -> "ATM Session Parameters";
            case 0x0502 -> "Frame-Relay Session Parameters";
            case 0x0503 -> "Fault-Tolerant Session Parameters";
            case 0x0600 -> "Label Request Message ID";
            case 0x0601 -> "MTU";
            default -> "Unknown";
        };
    }
}
