package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Dtp;

/**
 * Cisco's Dynamic Trunking Protocol as tcpdump prints it: {@code DTPv1, length 31}, with {@code -v} a line per
 * record (domain, status, trunk type, neighbour). Not thread-safe.
 */
final class DtpPrinter implements LayerPrinter {
    private final Dtp dtp = new Dtp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Dtp d = dtp.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        int length = LlcPrinter.frameLength(c, layer);
        if (!d.has(0, 1)) {
            c.truncated("dtp");
            return;
        }
        out.ascii("DTPv").num(d.version()).ascii(", length ").num(length);
        if (c.verbose() == 0) {
            return;
        }
        int rel = Dtp.FIRST_TLV;
        while (rel + 4 <= length && d.has(rel, 4)) {
            int type = d.shortAt(rel);
            int n = d.shortAt(rel + 2);
            if (type == 0) {
                return;
            }
            out.ascii("\n\t").ascii(switch (type) {
                case 1 -> "Domain";
                case 2 -> "Status";
                case 3 -> "DTP type";
                case 4 -> "Neighbor";
                default -> "Unknown";
            }).ascii(" (0x").hex(type, 4).ascii(") TLV, length ").num(n);
            if (n < 4 || n > length) {
                out.ascii(" (invalid)");
                return;
            }
            if (!d.has(rel, n)) {
                c.truncated("dtp");
                return;
            }
            switch (type) {
                case 1 -> {
                    out.ascii(", ");
                    TlvText.textToNul(out, d, rel + 4, n - 4);
                }
                case 2, 3 -> {
                    if (n != 5) {
                        out.ascii(" (invalid)");
                        return;
                    }
                    out.ascii(", 0x").hex(d.byteAt(rel + 4));
                }
                case 4 -> {
                    if (n != 10) {
                        out.ascii(" (invalid)");
                        return;
                    }
                    out.ascii(", ");
                    c.mac(d.macAt(rel + 4));
                }
                default -> { }
            }
            rel += n;
        }
    }
}
