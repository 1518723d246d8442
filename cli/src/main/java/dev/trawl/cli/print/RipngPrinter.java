package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Rip;

/**
 * RIPng as tcpdump prints it: {@code  ripng-resp 2: 2001:db8::/64 (1) 2001:db8:1::/64 [5] (2)}, a request for
 * the whole table as {@code  ripng-req dump}; with {@code -vv} one entry per line. Not thread-safe.
 */
final class RipngPrinter implements LayerPrinter {
    private static final int INFINITY = 16;

    private final Rip view = new Rip();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Rip r = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        int length = ApplicationPrinters.udpPayload(c, layer);
        if (!r.has(0, 2)) {
            c.truncated("ripng");
            return;
        }
        int version = r.version();
        if (version != 1) {
            out.ascii(" [vers ").num(version).ascii("] (invalid)");
            return;
        }
        int cmd = r.command();
        if (cmd != 1 && cmd != 2) {
            out.ascii(" ripng-").num(cmd).ascii(" ?? ").num(length).ascii(" (invalid)");
            return;
        }
        if (length < Rip.HEADER_LENGTH) {
            out.ascii(" (invalid)");
            return;
        }
        int left = length - Rip.HEADER_LENGTH;
        int entries = left / Rip.ENTRY_LENGTH;
        int at = Rip.HEADER_LENGTH;
        if (cmd == 1 && entries == 1) {
            if (!r.has(at, Rip.ENTRY_LENGTH)) {
                c.truncated("ripng");
                return;
            }
            if (r.byteAt(at + 19) == INFINITY && unspecified(r, at)) {
                out.ascii(" ripng-req dump");
                return;
            }
        }
        out.ascii(cmd == 1 ? " ripng-req " : " ripng-resp ").num(entries);
        if (entries * Rip.ENTRY_LENGTH != left) {
            out.ch('[').num(length).ch(']');
        }
        out.ch(':');
        for (; left >= Rip.ENTRY_LENGTH; left -= Rip.ENTRY_LENGTH, at += Rip.ENTRY_LENGTH) {
            out.ascii(c.verbose() > 1 ? "\n\t" : " ");
            if (!r.has(at, Rip.ENTRY_LENGTH)) {
                c.truncated("ripng");
                return;
            }
            byte[] a = c.addressScratch();
            for (int i = 0; i < 16; i++) {
                a[i] = (byte) r.byteAt(at + i);
            }
            c.ipv6(a);
            out.ch('/').num(r.byteAt(at + 18));
            int tag = r.shortAt(at + 16);
            if (tag != 0) {
                out.ascii(" [").num(tag).ch(']');
            }
            int metric = r.byteAt(at + 19);
            if (metric != 0 && cmd == 2) {
                out.ascii(" (").num(metric).ch(')');
            }
        }
        if (left != 0) {
            out.ascii(" (invalid)");
        }
    }

    private static boolean unspecified(Rip r, int at) {
        for (int i = 0; i < 16; i++) {
            if (r.byteAt(at + i) != 0) {
                return false;
            }
        }
        return true;
    }
}
