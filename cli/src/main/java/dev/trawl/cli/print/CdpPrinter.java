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
            case ADDRESS, MANAGEMENT_ADDRESSES -> {
                // one IPv4 address: count (4), protocol type 1, length 1, NLPID 0xcc, address length 4
                if (n >= 13 && m.byteAt(value + 4) == 1 && m.byteAt(value + 5) == 1 && m.byteAt(value + 6) == 0xCC
                        && m.shortAt(value + 7) == 4) {
                    out.ascii("IPv4 (").num(m.intAt(value)).ascii(") ");
                    c.ipv4((int) m.intAt(value + 9));
                } else {
                    TlvText.dump(out, m, value, n, "\n\t  ");
                }
            }
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
