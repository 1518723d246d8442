package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Dhcp;
import dev.trawl.decode.layer.Ntp;

/** One-line summaries of BOOTP/DHCP and NTP, as tcpdump prints them without {@code -v}. */
final class ApplicationPrinters {
    private ApplicationPrinters() {
    }

    /** The UDP payload's length from layer {@code layer} on, as the UDP header states it. */
    static int udpPayload(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        int below = c.below(layer);
        int wire = c.wireLength(layer);
        if (below >= 0 && p.protocol(below) == Protocols.UDP) {
            return Math.min(wire, Math.max(0, p.udp(below).totalLength() - 8));
        }
        return wire;
    }

    /** {@code BOOTP/DHCP, Request from 5a:4f:34:b1:af:66, length 300}. Not thread-safe. */
    static final class DhcpPrinter implements LayerPrinter {
        private final Dhcp view = new Dhcp();

        @Override
        public void print(PrintContext c, int layer) {
            DecodedPacket p = c.packet();
            Dhcp d = view.wrap(p.buffer(), p.offset(layer), p.layerLength(layer));
            Out out = c.out();
            out.ascii("BOOTP/DHCP, ");
            if (!d.has(0, 1)) {
                c.truncated("bootp");
                return;
            }
            int op = d.op();
            if (op == 1) {
                out.ascii("Request");
            } else if (op == 2) {
                out.ascii("Reply");
            } else {
                out.ascii("op #").num(op);
            }
            if (op == 1 && d.hardwareType() == 1 && d.hardwareLength() == 6) {
                out.ascii(" from ");
                if (!d.has(28, 6)) {
                    c.truncated("bootp");
                    return;
                }
                c.mac(d.clientMac());
            }
            out.ascii(", length ").num(udpPayload(c, layer));
        }
    }

    /** {@code NTPv4, Client, length 48}. Not thread-safe. */
    static final class NtpPrinter implements LayerPrinter {
        private final Ntp view = new Ntp();

        @Override
        public void print(PrintContext c, int layer) {
            DecodedPacket p = c.packet();
            Ntp n = view.wrap(p.buffer(), p.offset(layer), p.layerLength(layer));
            Out out = c.out();
            if (!n.has(0, 1)) {
                out.ascii("NTP");
                c.truncated("ntp");
                return;
            }
            String mode = switch (n.mode()) {
                case 0 -> "unspecified";
                case 1 -> "symmetric active";
                case 2 -> "symmetric passive";
                case 3 -> "Client";
                case 4 -> "Server";
                case 5 -> "Broadcast";
                case 6 -> "Control Message";
                default -> "Reserved";
            };
            out.ascii("NTPv").num(n.version()).ascii(", ").ascii(mode).ascii(", length ").num(udpPayload(c, layer));
        }
    }
}
