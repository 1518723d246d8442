package dev.trawl.decode;

import dev.trawl.decode.field.Formats;
import dev.trawl.decode.layer.Arp;
import dev.trawl.decode.layer.Icmp;
import dev.trawl.decode.layer.Tcp;
import java.nio.ByteBuffer;

/**
 * One-line, tcpdump-style descriptions of decoded packets, for a packet list:
 *
 * <pre>
 * IP 10.0.0.1.43210 &gt; 10.0.0.2.80: Flags [S], seq 1000, win 64240, length 0
 * IP6 fe80::1 &gt; ff02::1: ICMP6, type 135, code 0, length 32
 * ARP, Request who-has 10.0.0.1 tell 10.0.0.2, length 28
 * </pre>
 *
 * The line describes the innermost network layer and what it carries (for a tunnel, the inner packet).
 * It follows tcpdump's shape but is not byte-for-byte tcpdump output. Stateless and thread-safe; it reads
 * the packet through its flyweights, so use it on the thread that owns the packet.
 */
public final class Summary {
    private Summary() {
    }

    /** Returns the summary line of {@code p}. */
    public static String line(DecodedPacket p) {
        return line(p, new StringBuilder(96)).toString();
    }

    /** Appends the summary line of {@code p} to {@code out}. */
    public static StringBuilder line(DecodedPacket p, StringBuilder out) {
        int net = innermostNetwork(p);
        if (net < 0) {
            return linkOnly(p, out);
        }
        int proto = p.protocol(net);
        if (proto == Protocols.ARP) {
            return arp(p, net, out);
        }
        boolean v6 = proto == Protocols.IPV6;
        out.append(v6 ? "IP6 " : "IP ");
        int transport = transportAfter(p, net);
        int tproto = transport < 0 ? -1 : p.protocol(transport);
        boolean ports = (tproto == Protocols.TCP || tproto == Protocols.UDP)
                && p.layerEnd(transport) - p.offset(transport) >= 4;
        appendAddress(p, net, v6, true, out);
        if (ports) {
            out.append('.').append(port(p, transport, 0));
        }
        out.append(" > ");
        appendAddress(p, net, v6, false, out);
        if (ports) {
            out.append('.').append(port(p, transport, 2));
        }
        out.append(": ");
        if (tproto == Protocols.TCP) {
            tcp(p, transport, out);
        } else if (tproto == Protocols.UDP) {
            out.append("UDP, length ").append(Math.max(0, p.udp(transport).totalLength() - 8));
        } else if (tproto == Protocols.ICMP || tproto == Protocols.ICMPV6) {
            icmp(p, transport, tproto == Protocols.ICMPV6, out);
        } else if (transport >= 0) {
            out.append(p.protocolName(transport)).append(", length ").append(p.layerEnd(transport) - p.offset(transport));
        } else {
            out.append("ip-proto-").append(v6 ? p.ipv6(net).nextHeader() : p.ipv4(net).protocol())
                    .append(", length ").append(p.payloadLength(net));
        }
        if (p.isMalformed()) {
            out.append(" [malformed]");
        }
        return out;
    }

    private static int innermostNetwork(DecodedPacket p) {
        for (int i = p.layerCount() - 1; i >= 0; i--) {
            int proto = p.protocol(i);
            if ((proto == Protocols.IP || proto == Protocols.IPV6) && (p.flags(i) & LayerFlags.QUOTED) == 0) {
                return i;
            }
            if (proto == Protocols.ARP && i == p.layerCount() - 1) {
                return i;
            }
        }
        return -1;
    }

    private static int transportAfter(DecodedPacket p, int net) {
        for (int i = net + 1; i < p.layerCount(); i++) {
            int proto = p.protocol(i);
            if (proto >= Protocols.IPV6_HOPOPTS && proto <= Protocols.IPV6_DSTOPTS || proto == Protocols.AH) {
                continue;
            }
            return i;
        }
        return -1;
    }

    private static int port(DecodedPacket p, int i, int rel) {
        ByteBuffer b = p.buffer();
        int at = p.offset(i) + rel;
        return (b.get(at) & 0xFF) << 8 | (b.get(at + 1) & 0xFF);
    }

    private static void appendAddress(DecodedPacket p, int i, boolean v6, boolean source, StringBuilder out) {
        int rel = v6 ? (source ? 8 : 24) : (source ? 12 : 16);
        int len = v6 ? 16 : 4;
        if (p.offset(i) + rel + len > p.end()) {
            out.append('?');
            return;
        }
        Formats.appendBytes(out, v6 ? dev.trawl.decode.field.FieldType.IPV6 : dev.trawl.decode.field.FieldType.IPV4,
                p.buffer(), p.offset(i) + rel, len);
    }

    private static void tcp(DecodedPacket p, int i, StringBuilder out) {
        Tcp t = p.tcp(i);
        int f = t.flags();
        out.append("Flags [");
        if ((f & Tcp.SYN) != 0) {
            out.append('S');
        }
        if ((f & Tcp.FIN) != 0) {
            out.append('F');
        }
        if ((f & Tcp.RST) != 0) {
            out.append('R');
        }
        if ((f & Tcp.PSH) != 0) {
            out.append('P');
        }
        if ((f & Tcp.URG) != 0) {
            out.append('U');
        }
        if ((f & Tcp.ECE) != 0) {
            out.append('E');
        }
        if ((f & Tcp.CWR) != 0) {
            out.append('W');
        }
        if ((f & Tcp.ACK) != 0) {
            out.append('.');
        }
        out.append("], seq ").append(t.sequenceNumber());
        if ((f & Tcp.ACK) != 0) {
            out.append(", ack ").append(t.acknowledgmentNumber());
        }
        out.append(", win ").append(t.window()).append(", length ").append(p.payloadLength(i));
    }

    private static void icmp(DecodedPacket p, int i, boolean v6, StringBuilder out) {
        Icmp m = p.icmp(i);
        int len = p.layerEnd(i) - p.offset(i);
        if (!v6 && (m.type() == 8 || m.type() == 0)) {
            out.append("ICMP echo ").append(m.type() == 8 ? "request" : "reply").append(", id ")
                    .append(m.identifier()).append(", seq ").append(m.sequenceNumber());
        } else if (v6 && (m.type() == 128 || m.type() == 129)) {
            out.append("ICMP6, echo ").append(m.type() == 128 ? "request" : "reply").append(", id ")
                    .append(m.identifier()).append(", seq ").append(m.sequenceNumber());
        } else {
            out.append(v6 ? "ICMP6, type " : "ICMP type ").append(m.type()).append(", code ").append(m.code());
        }
        out.append(", length ").append(len);
    }

    private static StringBuilder arp(DecodedPacket p, int i, StringBuilder out) {
        Arp a = p.arp(i);
        int len = p.layerEnd(i) - p.offset(i);
        if (!a.isEthernetIpv4() || !a.has(0, a.declaredLength())) {
            return out.append("ARP, length ").append(len);
        }
        out.append("ARP, ");
        if (a.opcode() == 1) {
            out.append("Request who-has ");
            Formats.appendIpv4(out, a.targetIpv4()).append(" tell ");
            Formats.appendIpv4(out, a.senderIpv4());
        } else if (a.opcode() == 2) {
            out.append("Reply ");
            Formats.appendIpv4(out, a.senderIpv4()).append(" is-at ");
            Formats.appendMac(out, a.senderMac());
        } else {
            out.append("opcode ").append(a.opcode());
        }
        return out.append(", length ").append(len);
    }

    private static StringBuilder linkOnly(DecodedPacket p, StringBuilder out) {
        if (p.layerCount() == 0) {
            return out.append("empty frame");
        }
        p.appendProtocols(out);
        return out.append(", length ").append(p.originalLength());
    }
}
