package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Slarp;

/**
 * Cisco SLARP as tcpdump prints it: {@code SLARP (length: 20), keepalive: mineseen=0x00000005,
 * yourseen=0x00000002, reliability=0xffff, link uptime=0d2h12m5s}, {@code reply 10.0.0.1/255.255.255.0}.
 * Not thread-safe.
 */
final class SlarpPrinter implements LayerPrinter {
    private final Slarp view = new Slarp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Slarp s = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        int length = c.wireLength(layer);
        out.ascii("SLARP (length: ").num(length).ascii("), ");
        if (length < Slarp.MIN_LENGTH || !s.has(0, Slarp.MIN_LENGTH)) {
            c.truncated("chdlc_slarp");
            return;
        }
        long code = s.code();
        if (code == 0) {
            out.ascii("request");
        } else if (code == 1) {
            out.ascii("reply ");
            c.ipv4(s.address());
            out.ch('/');
            c.ipv4(s.mask());
        } else if (code == 2) {
            out.ascii("keepalive: mineseen=0x").hex(s.mySequence(), 8).ascii(", yourseen=0x")
                    .hex(s.yourSequence(), 8).ascii(", reliability=0x").hex(s.reliability(), 4);
            if (length >= Slarp.MAX_LENGTH) {
                if (!s.has(Slarp.MIN_LENGTH, 4)) {
                    c.truncated("chdlc_slarp");
                    return;
                }
                long sec = s.uptimeMillis() / 1000;
                long min = sec / 60;
                sec -= min * 60;
                long hrs = min / 60;
                min -= hrs * 60;
                long days = hrs / 24;
                hrs -= days * 24;
                out.ascii(", link uptime=").num(days).ch('d').num(hrs).ch('h').num(min).ch('m').num(sec).ch('s');
            }
        } else {
            out.ascii("0x").hex(code, 2).ascii(" unknown");
            if (c.verbose() <= 1) {
                TlvText.dump(out, s, 4, length - 4, "\n\t");
            }
        }
        if (length > Slarp.MAX_LENGTH && c.verbose() > 0) {
            out.ascii(", (trailing junk: ").num(length - Slarp.MAX_LENGTH).ascii(" bytes)");
        }
        if (c.verbose() > 1) {
            TlvText.dump(out, s, 4, length - 4, "\n\t");
        }
    }
}
