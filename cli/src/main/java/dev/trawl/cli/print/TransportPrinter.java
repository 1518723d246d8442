package dev.trawl.cli.print;

/**
 * UDP and what runs over it that tcpdump names on one line: DNS and mDNS, VXLAN (with the inner frame),
 * BOOTP/DHCP, NTP; other payloads as {@code UDP, length N}. Not thread-safe.
 */
final class TransportPrinter {
    private final Printers p;
    private final Out out;
    private final Bytes b;

    TransportPrinter(Printers printers) {
        this.p = printers;
        this.out = printers.out;
        this.b = printers.b;
    }

    /** Appends {@code src.port > dst.port: }. */
    void endpoints(int src, int dst, boolean v6, int sport, int dport, boolean tcp) {
        if (v6) {
            b.ipv6(out, src);
        } else {
            b.ipv4(out, src);
        }
        out.ch('.');
        p.names.port(out, sport, tcp);
        out.ascii(" > ");
        if (v6) {
            b.ipv6(out, dst);
        } else {
            b.ipv4(out, dst);
        }
        out.ch('.');
        p.names.port(out, dport, tcp);
        out.ascii(": ");
    }

    void udp(int src, int dst, boolean v6, int off, int length) {
        try {
            if (length < 8 || !b.has(off, 8)) {
                if (v6) {
                    b.ipv6(out, src);
                } else {
                    b.ipv4(out, src);
                }
                out.ascii(" > ");
                if (v6) {
                    b.ipv6(out, dst);
                } else {
                    b.ipv4(out, dst);
                }
                out.ascii(": ");
                if (length < 8) {
                    out.ascii("truncated-udp ").num(length);
                } else {
                    out.ascii("[|udp]");
                }
                return;
            }
            int sport = b.u16(off);
            int dport = b.u16(off + 2);
            int ulen = b.u16(off + 4);
            endpoints(src, dst, v6, sport, dport, false);
            if (ulen < 8) {
                out.ascii("truncated-udplength ").num(ulen);
                return;
            }
            int payload = off + 8;
            // tcpdump prints the UDP length field (a first fragment holds only part of it) but parses no further
            // than the IP payload
            int udpLength = ulen - 8;
            int payloadLength = Math.min(udpLength, length - 8);
            if (p.opt.quiet()) {
                out.ascii("UDP, length ").num(udpLength);
                return;
            }
            if (sport == 53 || dport == 53) {
                p.dns.print(payload, payloadLength, false);
            } else if (sport == 5353 || dport == 5353) {
                p.dns.print(payload, payloadLength, true);
            } else if (dport == 4789) {
                vxlan(payload, payloadLength);
            } else if ((sport == 67 || sport == 68) && (dport == 67 || dport == 68)) {
                bootp(payload, payloadLength);
            } else if (sport == 123 || dport == 123) {
                ntp(payload, payloadLength);
            } else {
                out.ascii("UDP, length ").num(udpLength);
            }
        } catch (Truncated e) {
            p.truncated("udp");
        }
    }

    private void vxlan(int off, int length) {
        int flags = b.u8(off);
        out.ascii("VXLAN, flags [").ch((flags & 0x08) != 0 ? 'I' : '.').ascii("] (0x").hex2(flags).ascii("), vni ")
                .num(b.u32(off + 4) >>> 8).nl();
        p.link.ethernet(off + 8, length - 8, true);
    }

    private void bootp(int off, int length) {
        int op = b.u8(off);
        out.ascii("BOOTP/DHCP, ").ascii(op == 1 ? "Request" : op == 2 ? "Reply" : "op #" + op);
        if (op == 1 && b.u8(off + 1) == 1 && b.u8(off + 2) == 6) {
            out.ascii(" from ");
            b.mac(out, off + 28);
        }
        out.ascii(", length ").num(length);
    }

    private void ntp(int off, int length) {
        int first = b.u8(off);
        int version = (first >>> 3) & 7;
        String mode = switch (first & 7) {
            case 0 -> "unspecified";
            case 1 -> "symmetric active";
            case 2 -> "symmetric passive";
            case 3 -> "Client";
            case 4 -> "Server";
            case 5 -> "Broadcast";
            case 6 -> "Control Message";
            default -> "Reserved";
        };
        out.ascii("NTPv").num(version).ascii(", ").ascii(mode).ascii(", length ").num(length);
    }
}
