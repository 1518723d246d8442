package dev.trawl.decode.internal;

import static dev.trawl.decode.field.FieldType.BOOLEAN;
import static dev.trawl.decode.field.FieldType.EPOCH_NANOS;
import static dev.trawl.decode.field.FieldType.RELATIVE_NANOS;
import static dev.trawl.decode.field.FieldType.STRING;
import static dev.trawl.decode.field.FieldType.UINT;

import dev.trawl.decode.field.FieldRegistrar;
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
        // The lengths a record states, unsigned; tshark 4.0 shows a wire length of 2^31 or more as 2^31 - 1.
        r.field("frame.len", "frame", UINT, "Frame length on the wire",
                (p, i, s) -> s.integer(Math.min(Integer.toUnsignedLong(p.originalLength()), Integer.MAX_VALUE)));
        r.field("frame.cap_len", "frame", UINT, "Captured length",
                (p, i, s) -> s.integer(Integer.toUnsignedLong(p.capturedLength())));
        r.field("frame.protocols", "frame", STRING, "Protocols in frame", (p, i, s) -> {
            if (p.layerCount() > 0) {
                s.text(p.appendProtocols(new StringBuilder()));
            }
        });
        r.field("frame.encap_type", "frame", UINT, "Link type", (p, i, s) -> s.integer(p.linkType()));
        r.field("frame.marked", "frame", BOOLEAN, "Malformed or truncated",
                (p, i, s) -> s.integer(p.isMalformed() ? 1 : 0));
    }

    private static void belowIp(FieldRegistrar r) {
        LinkFields.ethernet(r);
        LanFields.vlanTags(r);
        TunnelFields.mpls(r);
        LanFields.arp(r);
        LinkFields.linuxCooked(r);
        LanFields.pppoe(r);
        BridgeFields.stp(r);
        BridgeFields.discovery(r);
        WirelessFields.register(r);
    }
}
