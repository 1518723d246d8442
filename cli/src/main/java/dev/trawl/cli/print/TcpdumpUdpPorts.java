package dev.trawl.cli.print;

import java.util.List;

/**
 * Which printer tcpdump 4.99 hands a UDP payload to, from the two ports alone: its fixed list of well-known
 * ports, tried in its order, source or destination alike except where it looks at one side only. decode names
 * the payload as Wireshark does (more ports, conversations, heuristics such as DNS on any port), so the UDP
 * printer asks this table first: a payload on ports tcpdump does not know prints as {@code UDP, length N}
 * whatever decode found in it. Immutable; thread-safe.
 */
final class TcpdumpUdpPorts {
    /** No port of tcpdump's list: it prints the datagram's length only. */
    static final String NONE = "";
    static final String TFTP = "tftp";
    static final String SYSLOG = "syslog";
    static final String RX = "rx";
    static final String LWRES = "lwres";
    /** AppleTalk's ports, which tcpdump takes for DDP in UDP only when the payload starts as a DDP frame. */
    static final String ATALK = "atalk";

    /** Which of the two ports a rule looks at. */
    private enum Side { EITHER, SOURCE, DESTINATION }

    /** One entry of the list: a printer and its ports, or the ports from {@code low} to {@code high}. */
    private record Rule(String printer, Side side, int low, int high) {
        boolean matches(int sport, int dport) {
            boolean s = sport >= low && sport <= high;
            boolean d = dport >= low && dport <= high;
            return switch (side) {
                case EITHER -> s || d;
                case SOURCE -> s;
                case DESTINATION -> d;
            };
        }
    }

    /** tcpdump's list in its order (NFS comes first, when the payload is an RPC call to or reply from it). */
    private static final List<Rule> RULES = List.of(
            either("nfs", 2049), either("domain", 53), either("mdns", 5353), either("timed", 525),
            either(TFTP, 69), either("bootp", 67), either("bootp", 68), either("rip", 520), either("aodv", 654),
            either("isakmp", 500), either("isakmp-natt", 4500), either("isakmp", 7500), either("isakmp", 8500),
            either("snmp", 161), either("snmp", 162), either("ntp", 123), either("krb", 88), either("krb", 750),
            either("l2tp", 1701), either("nbns", 137), either("nbdgm", 138),
            new Rule("vat", Side.DESTINATION, 3456, 3456), either("zephyr", 2103), either("zephyr", 2104),
            new Rule(RX, Side.EITHER, 7000, 7009), either("ripng", 521), either("dhcp6", 546),
            either("dhcp6", 547), either("ahcp", 5359), either("babel", 6696), either("babel", 6697),
            either("hncp", 8231), new Rule("wb", Side.DESTINATION, 4567, 4567), either("autorp", 496),
            either("radius", 1645), either("radius", 1812), either("radius", 1646), either("radius", 1813),
            either("radius", 1700), either("radius", 3799), new Rule("hsrp", Side.DESTINATION, 1985, 1985),
            either(LWRES, 921), either("ldp", 646), either("olsr", 698), either("lspping", 3503),
            new Rule("bcm-li", Side.SOURCE, 49152, 49152), new Rule("bfd", Side.DESTINATION, 3784, 3785),
            new Rule("bfd", Side.DESTINATION, 4784, 4784), new Rule("bfd", Side.DESTINATION, 6784, 6784),
            either("lmp", 701), either("vqp", 1589), either("sflow", 6343), either("lwapp-control", 12223),
            either("lwapp-data", 12222), either("sip", 5060), either(SYSLOG, 514), either("otv", 8472),
            either("vxlan", 4789), either("geneve", 6081), either("lisp", 4342), either("vxlan-gpe", 4790),
            either("zep", 17754), either("mpls", 6635),
            // DDP in UDP: server sockets 200-327, those before April 1988 768-895, client sockets 16512-16639
            new Rule(ATALK, Side.EITHER, 200, 327), new Rule(ATALK, Side.EITHER, 768, 895),
            new Rule(ATALK, Side.EITHER, 16512, 16639), either("ptp", 319), either("ptp", 320),
            either("someip", 30490));

    private TcpdumpUdpPorts() {
    }

    private static Rule either(String printer, int port) {
        return new Rule(printer, Side.EITHER, port, port);
    }

    /**
     * tcpdump's printer for a datagram between these ports, by its own name ({@code "domain"}, {@code "tftp"},
     * ...), {@link #ATALK} where it would look at the payload, or {@link #NONE}.
     */
    static String choose(int sport, int dport) {
        for (Rule r : RULES) {
            if (r.matches(sport, dport)) {
                return r.printer();
            }
        }
        return NONE;
    }
}
