package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import java.util.List;

/**
 * The UDP protocols tcpdump decodes by port where decode's choice differs: Zephyr (ports 2103 and 2104), AHCP
 * (5359), HNCP (8231), LBL's whiteboard (destination port 4567), OTV (8472) and SOME/IP (30490), which decode
 * leaves undissected because Wireshark has no dissector for them, and Kerberos (88 and 750), which decode also finds on port 4444
 * where tcpdump does not. tcpdump tries the ports in a fixed order, so one of these also wins over a protocol
 * decode found on the other port when tcpdump tries that protocol later. Not thread-safe (the printers keep
 * scratch state).
 */
final class UdpPortPrinters {
    /** decode's names of the protocols tcpdump tries after Zephyr, in tcpdump's order. */
    private static final List<String> AFTER_ZEPHYR = List.of("ripng", "dhcpv6", "babel", "hncp", "auto_rp",
        "radius", "hsrp", "ldp", "olsr", "mpls-echo", "bfd", "bfd_echo", "lmp", "sflow", "lwapp", "sip", "syslog",
        "vxlan", "geneve", "lisp", "vxlan-gpe", "mpls", "ptp");
    /** Where AHCP and the whiteboard come in that order. */
    private static final int AHCP_AT = AFTER_ZEPHYR.indexOf("babel");
    private static final int HNCP_AT = AFTER_ZEPHYR.indexOf("hncp");
    private static final int WB_AT = AFTER_ZEPHYR.indexOf("auto_rp");
    private static final int OTV_AT = AFTER_ZEPHYR.indexOf("vxlan");

    private final ZephyrPrinter zephyr = new ZephyrPrinter();
    private final AhcpPrinter ahcp = new AhcpPrinter();
    private final HncpPrinter hncp = new HncpPrinter();
    private final WbPrinter wb = new WbPrinter();
    private final KrbPrinter krb = new KrbPrinter();
    private final OtvPrinter otv = new OtvPrinter();
    private final SomeIpPrinter someIp = new SomeIpPrinter();

    /**
     * The printer tcpdump would pick for UDP payload layer {@code next} between these ports, or null when decode's
     * choice stands.
     */
    LayerPrinter pick(PrintContext c, int next, int source, int destination) {
        boolean isZephyr = either(2103, source, destination) || either(2104, source, destination);
        boolean isAhcp = either(5359, source, destination);
        boolean isHncp = either(8231, source, destination);
        boolean isWb = destination == 4567;
        boolean isKrb = either(88, source, destination) || either(750, source, destination);
        boolean isOtv = either(OtvPrinter.PORT, source, destination);
        boolean isSomeIp = either(SomeIpPrinter.PORT, source, destination);
        if (!isZephyr && !isAhcp && !isHncp && !isWb && !isKrb && !isOtv && !isSomeIp) {
            return null; // the common case, decided without looking up names
        }
        DecodedPacket p = c.packet();
        if (isKrb) {
            int protocol = p.protocol(next); // tcpdump tries Kerberos before the others, on these two ports only
            return protocol == Protocols.DATA || protocol == Protocols.KERBEROS ? krb : null;
        }
        int later = p.protocol(next) == Protocols.DATA ? Integer.MAX_VALUE
                : AFTER_ZEPHYR.indexOf(p.protocolName(next));
        if (later < 0) {
            return null;
        }
        if (isZephyr) {
            return zephyr;
        }
        if (isAhcp && later >= AHCP_AT) {
            return ahcp;
        }
        if (isHncp && later >= HNCP_AT) {
            return hncp;
        }
        if (isWb && later >= WB_AT) {
            return wb;
        }
        if (isOtv && later >= OTV_AT) {
            return otv;
        }
        return isSomeIp ? someIp : null; // tcpdump tries it last
    }

    /**
     * The number of captured bytes a printer of the UDP payload at layer {@code layer} may read: tcpdump bounds
     * them by the IP datagram's end, not by the UDP header's length.
     */
    static int captured(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        int ip = c.innermostIp(layer);
        int end = ip >= 0 ? Math.max(p.layerEnd(ip), p.layerEnd(layer)) : p.end();
        return Math.max(0, end - p.offset(layer));
    }

    private static boolean either(int port, int source, int destination) {
        return source == port || destination == port;
    }
}
