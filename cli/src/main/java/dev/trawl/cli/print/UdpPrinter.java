package dev.trawl.cli.print;

import dev.trawl.decode.Checksums;
import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Udp;

/**
 * UDP as tcpdump prints it: {@code src.port > dst.port: } and what the datagram holds, when a printer knows it
 * (DNS, DHCP, NTP, VXLAN, ...), else {@code UDP, length 12}. Not thread-safe.
 */
final class UdpPrinter implements LayerPrinter {
    private final BabelPrinter babel = new BabelPrinter();
    private final BcmLiText bcmLi = new BcmLiText();
    private final UdpPortPrinters ports = new UdpPortPrinters();
    private final TftpPrinter tftp = new TftpPrinter();
    private final SyslogPrinter syslog = new SyslogPrinter();
    private final SnmpPrinter snmp = new SnmpPrinter();
    private final RxPrinter rx = new RxPrinter();
    private final NfsPrinter nfs = new NfsPrinter();
    private final LwresPrinter lwres = new LwresPrinter();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Udp udp = p.udp(layer);
        Out out = c.out();
        int ip = c.network(layer);
        boolean overIp = ip >= 0;
        int length = ipPayloadLength(c, layer, ip);
        // tcpdump prints the ports once they are captured, then the stated length's verdict, then the rest
        boolean portsCaptured = udp.has(0, 4);
        if (!portsCaptured || length < Udp.HEADER_LENGTH || !udp.has(0, Udp.HEADER_LENGTH)) {
            if (portsCaptured) {
                TcpPrinter.endpoints(c, ip, overIp, udp.sourcePort(), udp.destinationPort(), false);
            } else if (overIp) {
                c.source(ip);
                out.ascii(" > ");
                c.destination(ip);
                out.ascii(": ");
            }
            if (portsCaptured && length < Udp.HEADER_LENGTH) {
                out.ascii("truncated-udp ").num(length);
            } else {
                out.ascii(" [|udp]");
            }
            return;
        }
        TcpPrinter.endpoints(c, ip, overIp, udp.sourcePort(), udp.destinationPort(), false);
        int ulen = udp.totalLength();
        int stated = statedLength(c, layer, ip);
        if (ulen == 0 && stated > 0xFFFF) {
            ulen = stated; // a jumbo datagram (RFC 2675)
        }
        if (ulen < Udp.HEADER_LENGTH) {
            out.ascii("truncated-udplength ").num(ulen);
            return;
        }
        if (!c.quiet() && nfs(c, layer, ip, ulen - Udp.HEADER_LENGTH, stated - Udp.HEADER_LENGTH)) {
            return; // tcpdump looks for NFS before it checks the checksum
        }
        boolean v4 = overIp && p.protocol(ip) == Protocols.IP;
        // tcpdump checks the UDP checksum with -vv over IPv4 (where it is optional) and -v over IPv6, over the
        // shorter of the UDP length and the IP payload
        if (overIp && c.verbose() > (v4 ? 1 : 0) && !fragment(c, ip)) {
            int stored = udp.checksum();
            if (stored == 0 && v4) {
                out.ascii("[no cksum] ");
            } else {
                int expected = Checksums.transport(p, layer, 17, Math.min(ulen, length));
                if (expected != Checksums.UNKNOWN && expected != stored && !(expected == 0 && stored == 0xffff)) {
                    out.ascii("[bad udp cksum 0x").hex(stored, 4).ascii(" -> 0x").hex(expected, 4).ascii("!] ");
                } else if (expected != Checksums.UNKNOWN) {
                    out.ascii("[udp sum ok] ");
                }
            }
        }
        // tcpdump prints the UDP length field (a first fragment holds only part of it)
        int udpLength = ulen - Udp.HEADER_LENGTH;
        int statedPayload = stated - Udp.HEADER_LENGTH;
        String choice = c.quiet() ? TcpdumpUdpPorts.NONE : TcpdumpUdpPorts.choose(udp.sourcePort(), udp.destinationPort());
        int next = c.after(layer);
        if (choice.equals(TcpdumpUdpPorts.NONE)) {
            lengthOnly(c, ip, overIp, udpLength, statedPayload); // whatever decode found, tcpdump goes by port
            return;
        }
        if (byPayload(c, layer, ip, next, choice, Math.min(udpLength, statedPayload))) {
            return;
        }
        if (next < 0 && udpLength == 0 && (udp.sourcePort() == 53 || udp.destinationPort() == 53)) {
            DnsPrinter.tooShort(out, 0); // decode gives an empty datagram no layer; tcpdump goes by the port
            return;
        }
        if (next < 0 && IsakmpPrinter.uncaptured(c, udp.sourcePort(), udp.destinationPort())) {
            return;
        }
        if (next < 0 && udp.sourcePort() == BcmLiText.PORT) {
            c.truncated("bcm_li"); // tcpdump takes the shim by source port before any port below
            return;
        }
        int payload = Math.min(udpLength, stated - Udp.HEADER_LENGTH);
        if (next < 0 && BfdPrinter.uncaptured(c, udp.destinationPort(), payload)) {
            return;
        }
        if (next >= 0 && p.protocol(next) == Protocols.DATA
            && (udp.sourcePort() == BabelPrinter.OLD_PORT || udp.destinationPort() == BabelPrinter.OLD_PORT)) {
            babel.print(c, next);
            return;
        }
        LayerPrinter byPort = next >= 0 ? ports.pick(c, next, udp.sourcePort(), udp.destinationPort()) : null;
        if (byPort != null) {
            byPort.print(c, next);
            return;
        }
        if (BcmLiText.claims(c, layer, next)) {
            bcmLi.print(c, layer, Math.min(udpLength, stated - Udp.HEADER_LENGTH));
            return;
        }
        if (next >= 0 && p.protocol(next) == Protocols.SNMP && snmp.claims(c, next)) {
            snmp.print(c, next);
            return;
        }
        if (next < 0 && (isSnmpPort(udp.sourcePort()) || isSnmpPort(udp.destinationPort()))) {
            c.out().ascii(" [nothing to parse]"); // tcpdump's SNMP printer on an empty datagram
            return;
        }
        if (next < 0 || p.protocol(next) == Protocols.DATA || !c.print(next)) {
            lengthOnly(c, ip, overIp, udpLength, statedPayload);
        }
    }

    /** SNMP's ports: requests and traps. */
    private static boolean isSnmpPort(int port) {
        return port == 161 || port == 162;
    }

    /** Prints an NFS call to port 2049 or reply from it, as tcpdump takes them before any other printer. */
    private boolean nfs(PrintContext c, int layer, int ip, int udpLength, int statedPayload) {
        DecodedPacket p = c.packet();
        Udp udp = p.udp(layer);
        int from = p.offset(layer) + Udp.HEADER_LENGTH;
        int to = Math.max(p.layerEnd(layer), ip >= 0 ? p.layerEnd(ip) : p.end());
        int captured = Math.max(0, to - from);
        if (!nfs.claims(c, from, captured, udp.sourcePort(), udp.destinationPort())) {
            return false;
        }
        nfs.print(c, from, captured, Math.min(udpLength, statedPayload), ip, "");
        return true;
    }

    /** tcpdump's line for a datagram it has no printer for: its UDP length, and whether the IP packet holds it. */
    private static void lengthOnly(PrintContext c, int ip, boolean overIp, int udpLength, int statedPayload) {
        if (udpLength > statedPayload && !(overIp && fragment(c, ip))) {
            c.out().ascii("UDP, bad length ").num(udpLength).ascii(" > ").num(statedPayload);
        } else {
            c.out().ascii("UDP, length ").num(udpLength);
        }
    }

    /**
     * Prints the payload with tcpdump's printer for {@code choice} from the datagram's bytes, for the protocols
     * tcpdump prints where decode names another protocol or none (a UDP length past the IP packet's end, or an
     * empty datagram with bytes after it); false, having printed nothing, otherwise.
     */
    private boolean byPayload(PrintContext c, int layer, int ip, int next, String choice, int length) {
        DecodedPacket p = c.packet();
        int from = p.offset(layer) + Udp.HEADER_LENGTH;
        // tcpdump's printers may read up to the IP packet's end, past a shorter UDP length
        int to = Math.max(p.layerEnd(layer), ip >= 0 ? p.layerEnd(ip) : p.end());
        if (choice.equals(TcpdumpUdpPorts.TFTP)) {
            tftp.print(c, from, to, length);
            return true;
        }
        if (choice.equals(TcpdumpUdpPorts.RX)) {
            Udp udp = p.udp(layer);
            rx.print(c, from, Math.max(0, to - from), length, udp.sourcePort(), udp.destinationPort(), ip);
            return true;
        }
        if (choice.equals(TcpdumpUdpPorts.LWRES)) {
            lwres.print(c, from, Math.max(0, to - from), length);
            return true;
        }
        if (choice.equals(TcpdumpUdpPorts.SYSLOG) && (next < 0 || p.protocol(next) != Protocols.SYSLOG)) {
            syslog.print(c, from, to, length);
            return true;
        }
        return false;
    }

    /**
     * The length of the IP payload from this layer on as the IP header states it, however short the frame (what
     * tcpdump hands the transport printers); the wire's when there is no IP header or it states none.
     */
    static int statedLength(PrintContext c, int layer, int ip) {
        DecodedPacket p = c.packet();
        if (ip >= 0 && p.protocol(ip) == Protocols.IP && p.ipv4(ip).totalLength() != 0) {
            return p.offset(ip) + p.ipv4(ip).totalLength() - p.offset(layer);
        }
        if (ip >= 0 && p.protocol(ip) == Protocols.IPV6 && p.ipv6(ip).payloadLength() != 0) {
            return p.offset(ip) + 40 + p.ipv6(ip).payloadLength() - p.offset(layer);
        }
        if (ip >= 0 && p.protocol(ip) == Protocols.IPV6 && Ipv6ExtensionPrinter.jumboLength(c, ip) >= 0) {
            return Ipv6Printer.payloadEnd(c, ip) - p.offset(layer);
        }
        return c.wireLength(layer);
    }

    /** Whether IP layer {@code ip} is a fragment (tcpdump checks no checksum then). */
    static boolean fragment(PrintContext c, int ip) {
        DecodedPacket p = c.packet();
        if (p.protocol(ip) == Protocols.IP) {
            return p.ipv4(ip).moreFragments() || p.ipv4(ip).fragmentOffset() != 0;
        }
        return p.findNext(Protocols.IPV6_FRAGHDR, ip) >= 0;
    }

    /** The length of the IP payload from this layer on, as the IP header states it, or the wire's. */
    static int ipPayloadLength(PrintContext c, int layer, int ip) {
        DecodedPacket p = c.packet();
        int wire = c.wireLength(layer);
        if (ip < 0) {
            return wire;
        }
        int end;
        if (p.protocol(ip) == Protocols.IP) {
            int total = p.ipv4(ip).totalLength();
            if (total != 0 && total >= p.ipv4(ip).headerLength()) {
                // tcpdump takes the payload's length from the header even past the frame's end
                return Math.max(0, p.offset(ip) + total - p.offset(layer));
            }
            end = total == 0 ? Integer.MAX_VALUE : p.offset(ip) + total;
        } else {
            end = Ipv6Printer.payloadEnd(c, ip);
        }
        return Math.max(0, Math.min(wire, end - p.offset(layer)));
    }
}
