package dev.trawl.cli.print;

import static dev.trawl.cli.print.CheckedReads.u16;
import static dev.trawl.cli.print.CheckedReads.u24;
import static dev.trawl.cli.print.CheckedReads.u8;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Igrp;

/**
 * IGRP as tcpdump prints it, on one line: {@code igrp: update V1 edit=3 AS=100 (1/2/0)}, with {@code -v} the
 * checksum, then each route entry, interior ones as {@code *.1.2.3}, system ones as {@code 10.1.0.0} and exterior
 * ones as {@code X10.2.0.0}, with its delay, bandwidth, reliability, load, composite metric, MTU and hop count;
 * {@code (invalid)} when the entries and the counts disagree, {@code [|igrp]} where the capture ends. Not
 * thread-safe.
 */
final class IgrpPrinter implements LayerPrinter {
    private final Igrp view = new Igrp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Igrp g = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        c.out().ascii("igrp:");
        try {
            entries(c, g, UdpPrinter.ipPayloadLength(c, layer, c.network(layer)));
        } catch (Truncated t) {
            c.truncated("igrp");
        }
    }

    private static void entries(PrintContext c, Igrp g, int length) {
        Out out = c.out();
        int interior = u16(g, 4);
        int system = u16(g, 6);
        int exterior = u16(g, 8);
        int command = u8(g, 0) & 0x0F;
        int version = g.version();
        int edition = u8(g, 1);
        int as = u16(g, 2);
        out.ch(' ').ascii(command == 1 ? "update" : command == 2 ? "request" : "op-#" + command)
                .ascii(" V").num(version).ascii(" edit=").num(edition).ascii(" AS=").num(as)
                .ascii(" (").num(interior).ch('/').num(system).ch('/').num(exterior).ch(')');
        int checksum = u16(g, 10);
        if (c.verbose() > 0) {
            out.ascii(" checksum=0x").hex(checksum, 4);
        }
        // tcpdump's count is unsigned: a payload shorter than the header leaves it huge, so it reads on to the end
        long left = (length - Igrp.HEADER_LENGTH) & 0xFFFFFFFFL;
        int at = Igrp.HEADER_LENGTH;
        for (; left >= Igrp.ENTRY_LENGTH; at += Igrp.ENTRY_LENGTH, left -= Igrp.ENTRY_LENGTH) {
            int net0 = u8(g, at);
            int net1 = u8(g, at + 1);
            int net2 = u8(g, at + 2);
            if (interior > 0) {
                out.ascii(" *.").num(net0).ch('.').num(net1).ch('.').num(net2);
                interior--;
            } else if (system > 0) {
                out.ch(' ').num(net0).ch('.').num(net1).ch('.').num(net2).ascii(".0");
                system--;
            } else if (exterior > 0) {
                out.ascii(" X").num(net0).ch('.').num(net1).ch('.').num(net2).ascii(".0");
                exterior--;
            } else {
                out.ascii(" [extra bytes ").num(left).ch(']');
                break;
            }
            entry(out, g, at);
        }
        if (interior != 0 || system != 0 || exterior != 0 || left != 0) {
            out.ascii(" (invalid)");
        }
    }

    private static void entry(Out out, Igrp g, int at) {
        long delay = u24(g, at + 3);
        long bandwidth = u24(g, at + 6);
        int mtu = u16(g, at + 9);
        int reliability = u8(g, at + 11);
        int load = u8(g, at + 12);
        int hops = u8(g, at + 13);
        out.ascii(" d=").num(10 * delay).ascii(" b=").num(bandwidth == 0 ? 0 : 10_000_000 / bandwidth)
                .ascii(" r=").num(reliability).ascii(" l=").num(load).ascii(" M=")
                .num(Math.min(bandwidth + delay, 0xFFFFFF)).ascii(" mtu=").num(mtu).ascii(" in ").num(hops)
                .ascii(" hops");
    }
}
