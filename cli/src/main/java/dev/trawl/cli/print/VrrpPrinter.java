package dev.trawl.cli.print;

import dev.trawl.decode.Checksums;
import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Vrrp;

/**
 * VRRP advertisements as tcpdump prints them: {@code VRRPv2, Advertisement, vrid 42, prio 191, authtype simple,
 * intvl 10s, length 28}, and with {@code -v} the checksum when it is wrong, the virtual addresses and a simple
 * password. Not thread-safe.
 */
final class VrrpPrinter implements LayerPrinter {
    private final Vrrp vrrp = new Vrrp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Vrrp v = vrrp.wrap(p.buffer(), p.offset(layer), p.layerEnd(layer) - p.offset(layer));
        Out out = c.out();
        int ip = c.network(layer);
        int length = UdpPrinter.ipPayloadLength(c, layer, ip);
        out.ascii("VRRP");
        if (!v.has(0, 1)) {
            c.truncatedRead("vrrp");
            return;
        }
        int version = v.version();
        int type = v.type();
        out.ch('v').num(version).ascii(", ");
        if (type == 1) {
            out.ascii("Advertisement");
        } else {
            out.ascii("unknown type (").num(type).ch(')');
        }
        boolean v6 = ip >= 0 && p.protocol(ip) == Protocols.IPV6;
        int ttl = ip < 0 ? 255 : v6 ? p.ipv6(ip).hopLimit() : p.ipv4(ip).timeToLive();
        if (ttl != 255) {
            out.ascii(", (ttl ").num(ttl).ch(')');
        }
        if (version < 2 || version > 3 || type != 1) {
            return;
        }
        if (!v.has(0, 3)) {
            c.truncatedRead("vrrp");
            return;
        }
        out.ascii(", vrid ").num(v.virtualRouterId()).ascii(", prio ").num(v.priority());
        if (!v.has(0, 6)) {
            c.truncatedRead("vrrp");
            return;
        }
        int auth = v.authType();
        if (version == 2) {
            out.ascii(", authtype ").ascii(switch (auth) {
                case 0 -> "none";
                case 1 -> "simple";
                case 2 -> "ah";
                default -> "#" + auth;
            });
            out.ascii(", intvl ").num(v.interval()).ascii("s, length ").num(length);
        } else {
            out.ascii(", intvl ").num(v.interval()).ascii("cs, length ").num(length);
        }
        if (c.verbose() == 0) {
            return;
        }
        if (v.has(0, length)) {
            // Checksums computes the 16-bit word at offset 2 that would make the message's sum right; it
            // equals the word there (priority and address count) exactly when the stored checksum is right.
            int expected = version == 2 ? Checksums.icmp(p, layer, length)
                    : Checksums.transport(p, layer, 112, length);
            int word = v.priority() << 8 | v.addressCount();
            if (expected != Checksums.UNKNOWN && expected != word && !(expected == 0 && word == 0xFFFF)) {
                if (!v.has(6, 2)) { // a message too short to hold the checksum it fails
                    c.truncatedRead("vrrp");
                    return;
                }
                out.ascii(", (bad vrrp cksum ").hex(v.checksum()).ch(')');
            }
        }
        int count = v.addressCount();
        out.ascii(", addrs");
        if (count > 1) {
            out.ch('(').num(count).ch(')');
        }
        out.ch(':');
        char sep = ' ';
        int size = v6 ? 16 : 4;
        for (int i = 0; i < count; i++) {
            if (!v.has(Vrrp.HEADER_LENGTH + size * i, size)) {
                c.truncatedRead("vrrp");
                return;
            }
            out.ch(sep);
            if (v6) {
                byte[] a = c.addressScratch();
                v.ipv6Address(i, a);
                c.ipv6(a);
            } else {
                c.ipv4(v.ipv4Address(i));
            }
            sep = ',';
        }
        if (version == 2 && auth == 1) {
            int at = Vrrp.HEADER_LENGTH + size * count;
            out.ascii(" auth \"");
            for (int i = 0; i < 8; i++) {
                if (!v.has(at + i, 1)) {
                    out.ch('"');
                    c.truncatedRead("vrrp");
                    return;
                }
                int b = v.byteAt(at + i);
                if (b == 0) {
                    break;
                }
                printable(out, b);
            }
            out.ch('"');
        }
    }

    /** A byte as tcpdump's {@code nd_printjnp} shows it: printable ASCII as is, the rest escaped. */
    static void printable(Out out, int b) {
        if (b >= 0x80) {
            out.ascii("M-");
            b &= 0x7F;
        }
        if (b < 0x20 || b == 0x7F) {
            out.ch('^').ch((char) (b ^ 0x40));
        } else {
            out.ch((char) b);
        }
    }
}
