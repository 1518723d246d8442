package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Cdp;

/**
 * CDP as tcpdump 4.99 prints it: {@code CDPv2, ttl: 180s, Device-ID 'S1'}, followed (as tcpdump 4.99 does
 * without {@code -v}) by a dump of every other record's value and the length; with {@code -v} the checksum and
 * one line per record, the common ones decoded. Not thread-safe.
 */
final class CdpPrinter implements LayerPrinter {
    private static final int DEVICE_ID = 0x01;
    private static final int ADDRESS = 0x02;
    private static final int PORT_ID = 0x03;
    private static final int CAPABILITY = 0x04;
    private static final int VERSION = 0x05;
    private static final int PLATFORM = 0x06;
    private static final int PROTOCOL_HELLO = 0x08;
    private static final int VTP_DOMAIN = 0x09;
    private static final int NATIVE_VLAN = 0x0a;
    private static final int DUPLEX = 0x0b;
    private static final int TRUST_BITMAP = 0x12;
    private static final int UNTRUSTED_COS = 0x13;
    private static final int MANAGEMENT_ADDRESSES = 0x16;
    private static final String[] CAPABILITIES = {"Router", "Transparent Bridge", "Source Route Bridge",
        "L2 Switch", "L3 capable", "IGMP snooping", "L1 capable"};

    private final Cdp cdp = new Cdp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Cdp m = cdp.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        int below = c.below(layer);
        if (below >= 0 && p.protocol(below) == Protocols.GRE) {
            // tcpdump decodes CDP on a LAN only; inside GRE it names the protocol type as GRE does
            out.ascii("gre-proto-0x2000");
            return;
        }
        int length = LlcPrinter.frameLength(c, layer);
        if (!m.has(0, Cdp.HEADER_LENGTH)) {
            c.truncated("cdp");
            return;
        }
        out.ascii("CDPv").num(m.version()).ascii(", ttl: ").num(m.ttl()).ch('s');
        boolean verbose = c.verbose() > 0;
        if (verbose) {
            out.ascii(", checksum: 0x").hex(m.checksum(), 4).ascii(" (unverified), length ").num(length);
        }
        int rel = Cdp.HEADER_LENGTH;
        while (rel + 4 <= length) {
            if (!m.has(rel, 4)) {
                c.truncated("cdp");
                return;
            }
            int type = m.shortAt(rel);
            int tlvLength = m.shortAt(rel + 2);
            if (tlvLength < 4) {
                if (verbose) {
                    out.ascii("\n\t");
                    name(out, type);
                    out.ascii(" (0x").hex2(type).ascii("), TLV length: ").num(tlvLength).ascii(" byte")
                            .ascii(tlvLength == 1 ? "" : "s").ascii(" (too short)");
                }
                out.ascii(" (invalid)");
                return;
            }
            int value = rel + 4;
            int valueLength = tlvLength - 4;
            if (!m.has(value, valueLength)) {
                c.truncated("cdp");
                return;
            }
            if (verbose) {
                out.ascii("\n\t");
                name(out, type);
                out.ascii(" (0x").hex2(type).ascii("), value length: ").num(valueLength).ascii(" byte")
                        .ascii(valueLength == 1 ? "" : "s").ascii(": ");
                value(c, m, type, value, valueLength);
            } else if (type == DEVICE_ID) {
                out.ascii(", Device-ID '");
                TlvText.text(out, m, value, valueLength);
                out.ch('\'');
            } else {
                TlvText.dump(out, m, value, valueLength, "\n\t  ");
            }
            rel += tlvLength;
        }
        if (!verbose) {
            out.ascii(", length ").num(length);
        }
    }

    /** IPv6's protocol field in an address: an LLC and SNAP header naming EtherType 0x86dd. */
    private static final long SNAP_IPV6 = 0xaaaa0300000086ddL;

    /**
     * An address TLV as tcpdump's {@code cdp_print_addr} prints it: {@code IPv4 (1) 10.0.0.1}, IPv6 likewise, other
     * protocols as their raw protocol and address bytes; nothing more where the count runs past the value.
     */
    private static void addresses(PrintContext c, Cdp m, int at, int n) {
        Out out = c.out();
        if (n < 4) {
            out.ascii(" (not enough space for num)");
            return;
        }
        long count = m.intAt(at);
        int p = at + 4;
        int left = n - 4;
        while (count != 0) {
            if (left < 2) {
                out.ascii(" (not enough space for PT+PL)");
                return;
            }
            int pt = m.byteAt(p);
            int pl = m.byteAt(p + 1);
            p += 2;
            left -= 2;
            if (left < pl + 2) {
                out.ascii(" (not enough space for P+AL)");
                return;
            }
            int al = m.shortAt(p + pl);
            boolean ipv4 = pt == 1 && pl == 1 && m.byteAt(p) == 0xcc && al == 4;
            boolean ipv6 = pt == 2 && pl == 8 && al == 16 && (m.intAt(p) << 32 | m.intAt(p + 4)) == SNAP_IPV6;
            if (ipv4 || ipv6) {
                p += pl + 2;
                left -= pl + 2;
                if (left < al) {
                    out.ascii(" (not enough space for A)");
                    return;
                }
                if (ipv4) {
                    out.ascii("IPv4 (").num(count).ascii(") ");
                    c.ipv4((int) m.intAt(p));
                } else {
                    out.ascii("IPv6 (").num(count).ascii(") ");
                    byte[] a = c.addressScratch();
                    for (int i = 0; i < 16; i++) {
                        a[i] = (byte) m.byteAt(p + i);
                    }
                    c.ipv6(a);
                }
            } else {
                out.ascii("pt=0x").hex2(pt).ascii(", pl=").num(pl).ascii(", pb=");
                for (int i = 0; i < pl; i++) {
                    out.ch(' ').hex2(m.byteAt(p + i));
                }
                p += pl + 2;
                left -= pl + 2;
                out.ascii(", al=").num(al).ascii(", a=");
                if (left < al) {
                    out.ascii(" (not enough space for A)");
                    return;
                }
                for (int i = 0; i < al; i++) {
                    out.ch(' ').hex2(m.byteAt(p + i));
                }
            }
            p += al;
            left -= al;
            count--;
            if (count != 0) {
                out.ch(' ');
            }
        }
        if (left != 0) {
            out.ascii(" (").num(left).ascii(" bytes of stray data)");
        }
    }

    private static void value(PrintContext c, Cdp m, int type, int value, int n) {
        Out out = c.out();
        switch (type) {
            case DEVICE_ID, PORT_ID, PLATFORM, VTP_DOMAIN -> {
                out.ch('\'');
                TlvText.text(out, m, value, n);
                out.ch('\'');
            }
            case VERSION -> {
                out.ascii("\n\t  ");
                for (int i = 0; i < n; i++) {
                    int b = m.byteAt(value + i);
                    if (b == '\n') {
                        out.ascii("\n\t  ");
                    } else {
                        VrrpPrinter.printable(out, b);
                    }
                }
            }
            case CAPABILITY -> {
                long caps = m.intAt(value);
                out.ascii("(0x").hex(caps, 8).ascii("): ");
                TlvText.bitNames(out, caps, CAPABILITIES, "");
            }
            case ADDRESS, MANAGEMENT_ADDRESSES -> addresses(c, m, value, n);
            case PROTOCOL_HELLO -> {
            }
            case NATIVE_VLAN -> out.num(m.shortAt(value));
            case DUPLEX -> out.ascii(m.byteAt(value) != 0 ? "full" : "half");
            case TRUST_BITMAP, UNTRUSTED_COS -> out.ascii("0x").hex2(m.byteAt(value));
            default -> TlvText.dump(out, m, value, n, "\n\t  ");
        }
    }

    private static void name(Out out, int type) {
        out.ascii(switch (type) {
            case DEVICE_ID -> "Device-ID";
            case ADDRESS -> "Address";
            case PORT_ID -> "Port-ID";
            case CAPABILITY -> "Capability";
            case VERSION -> "Version String";
            case PLATFORM -> "Platform";
            case 0x07 -> "Prefixes";
            case PROTOCOL_HELLO -> "Protocol-Hello option";
            case VTP_DOMAIN -> "VTP Management Domain";
            case NATIVE_VLAN -> "Native VLAN ID";
            case DUPLEX -> "Duplex";
            case 0x0e -> "ATA-186 VoIP VLAN request";
            case 0x0f -> "ATA-186 VoIP VLAN assignment";
            case 0x10 -> "power consumption";
            case 0x11 -> "MTU";
            case TRUST_BITMAP -> "AVVID trust bitmap";
            case UNTRUSTED_COS -> "AVVID untrusted ports CoS";
            case 0x14 -> "sysName";
            case 0x15 -> "sysObjectID";
            case MANAGEMENT_ADDRESSES -> "Management Addresses";
            case 0x17 -> "Physical Location";
            default -> "unknown field type";
        });
    }
}
