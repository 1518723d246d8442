package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.EthernetLoopback;

/**
 * Ethernet's configuration testing protocol (ethertype 0x9000) as tcpdump prints it:
 * {@code Loopback, skipCount 0, Reply, receipt number 1, data (40 octets)}. Not thread-safe.
 */
final class EthernetLoopbackPrinter implements LayerPrinter {
    private final EthernetLoopback view = new EthernetLoopback();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        EthernetLoopback m = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        int len = c.wireLength(layer);
        out.ascii("Loopback");
        if (len < 2) {
            invalid(c, m, 0, len);
            return;
        }
        if (!m.has(0, 2)) {
            c.truncated("loopback");
            return;
        }
        int skip = m.skipCount();
        out.ascii(", skipCount ").num(skip);
        if (skip % 8 != 0) {
            out.ascii(" (bogus)");
        }
        len -= 2;
        if (skip > len) {
            invalid(c, m, 2, len);
            return;
        }
        if (!m.has(2, skip)) {
            c.truncated("loopback");
            return;
        }
        message(c, m, 2 + skip, len - skip);
    }

    private static void message(PrintContext c, EthernetLoopback m, int at, int len) {
        Out out = c.out();
        if (len < 2) {
            invalid(c, m, at, len);
            return;
        }
        if (!m.has(at, 2)) {
            c.truncated("loopback");
            return;
        }
        int function = m.littleEndianShortAt(at);
        at += 2;
        len -= 2;
        out.ascii(", ");
        switch (function) {
            case 1 -> {
                out.ascii("Reply");
                if (len < 2) {
                    invalid(c, m, at, len);
                    return;
                }
                if (!m.has(at, 2)) {
                    c.truncated("loopback");
                    return;
                }
                out.ascii(", receipt number ").num(m.littleEndianShortAt(at));
                at += 2;
                len -= 2;
            }
            case 2 -> {
                out.ascii("Forward Data");
                if (len < 6) {
                    invalid(c, m, at, len);
                    return;
                }
                if (!m.has(at, 6)) {
                    c.truncated("loopback");
                    return;
                }
                out.ascii(", forwarding address ");
                c.mac(m.macAt(at));
                at += 6;
                len -= 6;
            }
            default -> {
                out.ascii(" invalid (").num(function).ch(')');
                if (!m.has(at, len)) {
                    c.truncated("loopback");
                }
                return;
            }
        }
        out.ascii(", data (").num(len).ascii(" octets)");
        if (!m.has(at, len)) {
            c.truncated("loopback");
        }
    }

    /** tcpdump's {@code (invalid)} mark, then its check that the rest was captured. */
    private static void invalid(PrintContext c, EthernetLoopback m, int at, int len) {
        c.out().ascii(" (invalid)");
        if (!m.has(at, len)) {
            c.truncated("loopback");
        }
    }
}
