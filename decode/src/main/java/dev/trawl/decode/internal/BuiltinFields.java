package dev.trawl.decode.internal;

import static dev.trawl.decode.field.FieldType.BOOLEAN;
import static dev.trawl.decode.field.FieldType.PLAIN_BYTES;
import static dev.trawl.decode.field.FieldType.EPOCH_NANOS;
import static dev.trawl.decode.field.FieldType.RELATIVE_NANOS;
import static dev.trawl.decode.field.FieldType.STRING;
import static dev.trawl.decode.field.FieldType.UINT;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.field.FieldRegistrar;
import dev.trawl.pcap.LinkType;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import dev.trawl.decode.internal.application.DhcpNtpFields;
import dev.trawl.decode.internal.application.DnsFields;
import dev.trawl.decode.internal.application.HttpFields;
import dev.trawl.decode.internal.application.TlsFields;
import dev.trawl.decode.internal.lan.BridgeFields;
import dev.trawl.decode.internal.lan.LanFields;
import dev.trawl.decode.internal.link.LinkFields;
import dev.trawl.decode.internal.network.IcmpFields;
import dev.trawl.decode.internal.network.IpFields;
import dev.trawl.decode.internal.routing.RoutingFields;
import dev.trawl.decode.internal.transport.DatagramFields;
import dev.trawl.decode.internal.transport.TcpFields;
import dev.trawl.decode.internal.tunnel.TunnelFields;
import dev.trawl.decode.internal.wireless.WirelessFields;

/**
 * The fields of the built-in protocols, in the order they are listed ({@link dev.trawl.decode.field.FieldRegistry}
 * keeps it): the frame's, then each family's from the link layer up. The fields themselves live beside their
 * protocols' decoders. Stateless.
 */
final class BuiltinFields {
    private BuiltinFields() {
    }

    static void register(FieldRegistrar r) {
        frame(r);
        belowIp(r);
        IpFields.ipv4(r);
        IpFields.ipv6(r);
        IcmpFields.register(r);
        TcpFields.register(r);
        DatagramFields.udp(r);
        DatagramFields.sctp(r);
        TunnelFields.register(r);
        DnsFields.register(r);
        DhcpNtpFields.dhcp(r);
        DhcpNtpFields.ntp(r);
        HttpFields.register(r);
        TlsFields.register(r);
        RoutingFields.vrrp(r);
        data(r);
    }

    /** The bytes no decoder claims, as Wireshark's {@code data} protocol shows them. */
    private static void data(FieldRegistrar r) {
        r.field("data.data", "data", PLAIN_BYTES, "Data", (p, i, s) -> {
            int skip = echoTimestamp(p, i);
            if (p.layerLength(i) > skip) {
                s.bytes(p.buffer(), p.offset(i) + skip, p.layerLength(i) - skip);
            }
        });
        r.field("data.len", "data", UINT, "Length", (p, i, s) -> {
            int skip = echoTimestamp(p, i);
            if (p.layerLength(i) > skip) {
                s.integer(p.layerLength(i) - skip);
            }
        });
    }

    /**
     * 8 when the data is an ICMP echo's and starts with what Wireshark takes for the sender's clock (seconds and
     * microseconds, big- or else little-endian, from less than a day before the frame's time), which it shows
     * as the ICMP layer's and not as data; 0 otherwise.
     */
    private static int echoTimestamp(DecodedPacket p, int i) {
        if (i == 0 || p.protocol(i - 1) != Protocols.ICMP || p.layerLength(i) < 8 || !p.hasTimestamp()) {
            return 0;
        }
        int icmp = p.offset(i - 1);
        int type = p.buffer().get(icmp) & 0xFF;
        if (type != 0 && type != 8 || p.offset(i) != icmp + 8) {
            return 0;
        }
        ByteBuffer b = p.buffer();
        int at = p.offset(i);
        long frame = p.timestampSeconds();
        long seconds = b.getInt(at) & 0xFFFF_FFFFL;
        long micros = b.getInt(at + 4) & 0xFFFF_FFFFL;
        if (!clock(frame, seconds, micros)) {
            seconds = Integer.reverseBytes(b.getInt(at)) & 0xFFFF_FFFFL;
            micros = Integer.reverseBytes(b.getInt(at + 4)) & 0xFFFF_FFFFL;
        }
        return clock(frame, seconds, micros) ? 8 : 0;
    }

    private static boolean clock(long frameSeconds, long seconds, long micros) {
        return ((frameSeconds - seconds) & 0xFFFF_FFFFL) < 24 * 3600 && micros < 1_000_000;
    }

    private static void frame(FieldRegistrar r) {
        r.field("frame.number", "frame", UINT, "Frame number", (p, i, s) -> s.integer(p.frameNumber()));
        r.field("frame.time_relative", "frame", RELATIVE_NANOS, "Time since reference or first frame", (p, i, s) -> {
            if (p.hasTimestamp()) {
                s.integer(p.nanosSinceFirstFrame());
            }
        });
        r.field("frame.time_delta", "frame", RELATIVE_NANOS, "Time delta from previous captured frame", (p, i, s) -> {
            if (p.hasTimestamp()) {
                s.integer(p.nanosSincePreviousFrame());
            }
        });
        r.field("frame.time_epoch", "frame", EPOCH_NANOS, "Epoch time",
                (p, i, s) -> {
                    if (p.hasTimestamp()) {
                        // Printed from the two parts, so that an out-of-range fraction in a damaged file
                        // shows as it was recorded (as Wireshark shows it), not carried into the seconds.
                        StringBuilder sb = new StringBuilder(24).append(p.timestampSeconds()).append('.');
                        String nanos = Integer.toUnsignedString(p.timestampNanos());
                        for (int k = nanos.length(); k < 9; k++) {
                            sb.append('0');
                        }
                        s.text(sb.append(nanos));
                    }
                });
        r.field("frame.time", "frame", STRING, "Arrival time", (p, i, s) -> {
            if (p.hasTimestamp()) {
                s.text(arrivalTime(p.timestampSeconds(), p.timestampNanos()));
            }
        });
        r.field("frame.interface_id", "frame", UINT, "Interface id", (p, i, s) -> {
            if (p.interfaceId() >= 0) {
                s.integer(p.interfaceId());
            }
        });
        r.field("frame.ignored", "frame", BOOLEAN, "Frame is ignored", (p, i, s) -> s.integer(0));
        // The lengths a record states, unsigned; tshark 4.0 shows a wire length of 2^31 or more as 2^31 - 1.
        r.field("frame.len", "frame", UINT, "Frame length on the wire", (p, i, s) -> s.integer(
                Math.max(0, Math.min(Integer.toUnsignedLong(p.originalLength()), Integer.MAX_VALUE) - pseudoHeader(p))));
        r.field("frame.cap_len", "frame", UINT, "Captured length",
                (p, i, s) -> s.integer(Math.max(0, Integer.toUnsignedLong(p.capturedLength()) - pseudoHeader(p))));
        r.field("frame.protocols", "frame", STRING, "Protocols in frame", (p, i, s) -> {
            if (p.layerCount() > 0) {
                s.text(p.appendProtocols(new StringBuilder()));
            }
        });
        r.field("frame.encap_type", "frame", UINT, "Link type", (p, i, s) -> s.integer(p.linkType()));
        // marked by a user in Wireshark's packet list: never, in a file read by a program
        r.field("frame.marked", "frame", BOOLEAN, "Frame is marked", (p, i, s) -> s.integer(0));
    }

    private static final int SUNATM = LinkType.SUNATM.value();

    /**
     * The bytes of a capture header that Wireshark's file reader takes off a frame before it counts its lengths:
     * SunATM's 4-byte header (direction, VPI, VCI).
     */
    private static int pseudoHeader(DecodedPacket p) {
        return p.linkType() == SUNATM ? Math.min(4, p.capturedLength()) : 0;
    }

    /** How tshark shows an arrival time: {@code Jun 10, 2020 09:19:54.000000000 UTC}, in the local zone. */
    static String arrivalTime(long seconds, int nanos) {
        ZonedDateTime t = Instant.ofEpochSecond(seconds).atZone(ZoneId.systemDefault());
        StringBuilder sb = new StringBuilder(40).append(ARRIVAL.format(t)).append('.');
        String fraction = Integer.toUnsignedString(nanos);
        for (int k = fraction.length(); k < 9; k++) {
            sb.append('0');
        }
        return sb.append(fraction).append(' ').append(ZONE.format(t)).toString();
    }

    private static final DateTimeFormatter ARRIVAL = DateTimeFormatter.ofPattern("MMM ppd, yyyy HH:mm:ss", Locale.US);
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.US);

    private static void belowIp(FieldRegistrar r) {
        LinkFields.ethernet(r);
        LinkFields.llc(r);
        LanFields.vlanTags(r);
        TunnelFields.mpls(r);
        LanFields.arp(r);
        LinkFields.linuxCooked(r);
        LinkFields.vsock(r);
        LanFields.pppoe(r);
        BridgeFields.stp(r);
        BridgeFields.discovery(r);
        WirelessFields.register(r);
    }
}
