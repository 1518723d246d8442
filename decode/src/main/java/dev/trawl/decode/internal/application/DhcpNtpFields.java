package dev.trawl.decode.internal.application;

import static dev.trawl.decode.field.FieldType.HEX16;
import static dev.trawl.decode.field.FieldType.HEX32;
import static dev.trawl.decode.field.FieldType.HEX8;
import static dev.trawl.decode.field.FieldType.INT;
import static dev.trawl.decode.field.FieldType.IPV4;
import static dev.trawl.decode.field.FieldType.MAC;
import static dev.trawl.decode.field.FieldType.STRING;
import static dev.trawl.decode.field.FieldType.UINT;
import static dev.trawl.decode.internal.FieldSupport.ascii;
import static dev.trawl.decode.internal.FieldSupport.bits;
import static dev.trawl.decode.internal.FieldSupport.byteAt;
import static dev.trawl.decode.internal.FieldSupport.bytesAt;
import static dev.trawl.decode.internal.FieldSupport.emitBytes;
import static dev.trawl.decode.internal.FieldSupport.has;
import static dev.trawl.decode.internal.FieldSupport.intAt;
import static dev.trawl.decode.internal.FieldSupport.shortAt;
import static dev.trawl.decode.internal.FieldSupport.u32;
import static dev.trawl.decode.internal.FieldSupport.u8;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.field.FieldExtractor;
import dev.trawl.decode.field.FieldRegistrar;
import dev.trawl.decode.field.FieldSink;
import dev.trawl.decode.field.FieldType;

/** Fields of DHCP (BOOTP and its options) and NTP, named as Wireshark names them. Stateless. */
public final class DhcpNtpFields {
    private DhcpNtpFields() {
    }

    /** The magic cookie that starts DHCP's options. */
    private static final long MAGIC_COOKIE = 0x63825363L;

    /** DHCP options, walked from the magic cookie; calls {@code visitor} with (code, relative offset, length). */
    private interface OptionVisitor {
        void visit(DecodedPacket p, int i, int code, int rel, int len, FieldSink s);
    }

    private static FieldExtractor dhcpOptions(OptionVisitor visitor) {
        return (p, i, s) -> {
            if (!has(p, i, 236, 4) || u32(p, i, 236) != MAGIC_COOKIE) {
                return;
            }
            for (int o = 240; has(p, i, o, 1);) {
                int code = u8(p, i, o);
                if (code == 255) {
                    return;
                }
                if (code == 0) {
                    o++;
                    continue;
                }
                if (!has(p, i, o + 1, 1)) {
                    return;
                }
                int len = u8(p, i, o + 1);
                if (!has(p, i, o + 2, len)) {
                    return;
                }
                visitor.visit(p, i, code, o + 2, len, s);
                o += 2 + len;
            }
        };
    }

    /**
     * Whether the message's options end (with the end option) within the bytes captured, or the capture did not
     * cut the frame: Wireshark walks every option before it adds a field, so a message the capture cut inside its
     * options shows none.
     */
    private static boolean readable(DecodedPacket p, int i) {
        if (p.capturedLength() >= p.originalLength() || !has(p, i, 236, 4) || u32(p, i, 236) != MAGIC_COOKIE) {
            return true;
        }
        for (int o = 240; has(p, i, o, 1);) {
            int code = u8(p, i, o);
            if (code == 255) {
                return true;
            }
            o += code == 0 ? 1 : has(p, i, o + 1, 1) ? 2 + u8(p, i, o + 1) : 2;
        }
        return false;
    }

    /** Registers a field of {@code dhcp}, shown only when the message is {@link #readable}. */
    private static void field(FieldRegistrar r, String name, FieldType type, String description, FieldExtractor e) {
        r.field(name, "dhcp", type, description, (p, i, s) -> {
            if (readable(p, i)) {
                e.extract(p, i, s);
            }
        });
    }

    /** Registers the fields of {@code dhcp}. */
    public static void dhcp(FieldRegistrar r) {
        field(r, "dhcp.type", UINT, "Message type (op)", byteAt(0));
        field(r, "dhcp.hw.type", HEX8, "Hardware type", byteAt(1));
        field(r, "dhcp.hw.len", UINT, "Hardware address length", byteAt(2));
        field(r, "dhcp.hops", UINT, "Hops", byteAt(3));
        field(r, "dhcp.id", HEX32, "Transaction ID", intAt(4));
        field(r, "dhcp.secs", UINT, "Seconds elapsed", shortAt(8));
        field(r, "dhcp.flags", HEX16, "Flags", shortAt(10));
        field(r, "dhcp.ip.client", IPV4, "Client IP address", bytesAt(12, 4));
        field(r, "dhcp.ip.your", IPV4, "Your IP address", bytesAt(16, 4));
        field(r, "dhcp.ip.server", IPV4, "Next server IP address", bytesAt(20, 4));
        field(r, "dhcp.ip.relay", IPV4, "Relay agent IP address", bytesAt(24, 4));
        field(r, "dhcp.hw.mac_addr", MAC, "Client MAC address", (p, i, s) -> {
            if (has(p, i, 1, 2) && u8(p, i, 1) == 1 && u8(p, i, 2) == 6) {
                emitBytes(p, i, 28, 6, s);
            }
        });
        field(r, "dhcp.option.type", UINT, "Option", dhcpOptions((p, i, code, o, len, s) -> s.integer(code)));
        field(r, "dhcp.option.dhcp", UINT, "DHCP message type", dhcpOptions((p, i, code, o, len, s) -> {
            if (code == 53 && len == 1) {
                s.integer(u8(p, i, o));
            }
        }));
        field(r, "dhcp.option.hostname", STRING, "Host name", dhcpOptions((p, i, code, o, len, s) -> {
            if (code == 12) {
                s.text(ascii(p, i, o, len));
            }
        }));
        field(r, "dhcp.option.requested_ip_address", IPV4, "Requested IP address",
                dhcpOptions((p, i, code, o, len, s) -> {
                    if (code == 50 && len == 4) {
                        s.bytes(p.buffer(), p.offset(i) + o, 4);
                    }
                }));
    }

    /** Registers the fields of {@code ntp}. */
    public static void ntp(FieldRegistrar r) {
        r.field("ntp.flags", "ntp", HEX8, "Flags", byteAt(0));
        r.field("ntp.flags.li", "ntp", UINT, "Leap indicator", bits(0, 1, 0xC0, 6));
        r.field("ntp.flags.vn", "ntp", UINT, "Version", bits(0, 1, 0x38, 3));
        r.field("ntp.flags.mode", "ntp", UINT, "Mode", bits(0, 1, 0x07, 0));
        r.field("ntp.stratum", "ntp", UINT, "Peer clock stratum", byteAt(1));
        r.field("ntp.ppoll", "ntp", UINT, "Peer polling interval", byteAt(2));
        r.field("ntp.precision", "ntp", INT, "Peer clock precision", (p, i, s) -> {
            if (has(p, i, 3, 1)) {
                s.integer((byte) u8(p, i, 3));
            }
        });
        r.field("ntp.refid", "ntp", HEX32, "Reference ID", intAt(12));
    }
}
