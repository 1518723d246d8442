package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Geneve;
import dev.trawl.decode.layer.Gre;
import dev.trawl.decode.layer.Vxlan;

/** The tunnel headers tcpdump prints before the frame or packet they carry: VXLAN, Geneve and GRE. */
final class TunnelPrinters {
    private TunnelPrinters() {
    }

    /** VXLAN: {@code VXLAN, flags [I] (0x08), vni 100} and the inner frame on the next line. Not thread-safe. */
    static final class VxlanPrinter implements LayerPrinter {
        private final Vxlan view = new Vxlan();

        @Override
        public void print(PrintContext c, int layer) {
            DecodedPacket p = c.packet();
            Vxlan v = view.wrap(p.buffer(), p.offset(layer), p.layerLength(layer));
            Out out = c.out();
            out.ascii("VXLAN, ");
            if (!v.has(0, Vxlan.HEADER_LENGTH)) {
                c.truncated("vxlan");
                return;
            }
            int flags = v.flags();
            out.ascii("flags [").ch(v.vniValid() ? 'I' : '.').ascii("] (0x").hex2(flags).ascii("), vni ").num(v.vni())
                    .nl();
            c.next(layer);
        }
    }

    /**
     * Geneve: {@code Geneve, Flags [C], vni 0xa, options [8 bytes]: } and the inner packet on the same line. Not
     * thread-safe.
     */
    static final class GenevePrinter implements LayerPrinter {
        private final Geneve view = new Geneve();

        @Override
        public void print(PrintContext c, int layer) {
            DecodedPacket p = c.packet();
            Geneve g = view.wrap(p.buffer(), p.offset(layer), p.layerLength(layer));
            Out out = c.out();
            out.ascii("Geneve");
            if (!g.has(0, 8)) {
                c.truncated("geneve");
                return;
            }
            if (g.version() != 0) {
                out.ascii(" ERROR: unknown-version ").num(g.version());
                return;
            }
            out.ascii(", Flags [");
            if (g.controlPacket()) {
                out.ch('O');
            }
            if (g.criticalOptions()) {
                out.ch('C');
            }
            if (!g.controlPacket() && !g.criticalOptions()) {
                out.ascii("none");
            }
            out.ascii("], vni 0x").hex(g.vni());
            if (g.protocolType() != 0x6558) {
                out.ascii(", proto ").ascii(Names.etherType(g.protocolType())).ascii(" (0x").hex(g.protocolType(), 4)
                        .ch(')');
            }
            if (g.optionsLength() > 0) {
                out.ascii(", options [").num(g.optionsLength()).ascii(" bytes]");
            }
            out.ascii(": ");
            if (!c.next(layer)) {
                out.ascii("ethertype ").ascii(Names.etherType(g.protocolType()));
            }
        }
    }

    /** Whether tcpdump's GRE printer goes on into a payload of this protocol type. */
    static boolean carriesKnown(int type) {
        return type == 0x0800 || type == 0x86dd || type == 0x6558 || type == 0x8847 || type == 0x8848
                || type == 0x880b || type == 0x0806;
    }

    /** GRE: {@code GREv0, key=0x28, length 44: } and the packet it carries. Not thread-safe. */
    static final class GrePrinter implements LayerPrinter {
        private final Gre view = new Gre();

        @Override
        public void print(PrintContext c, int layer) {
            DecodedPacket p = c.packet();
            Gre g = view.wrap(p.buffer(), p.offset(layer), p.layerLength(layer));
            Out out = c.out();
            if (!g.has(0, 4)) {
                c.truncated("gre");
                return;
            }
            out.ascii("GREv").num(g.version()).ascii(", ");
            if (g.key() >= 0) {
                out.ascii("key=0x").hex(g.key()).ascii(", ");
            }
            if (g.sequenceNumber() >= 0) {
                out.ascii("seq ").num(g.sequenceNumber()).ascii(", ");
            }
            if (g.acknowledgmentNumber() >= 0) {
                out.ascii("ack ").num(g.acknowledgmentNumber()).ascii(", ");
            }
            out.ascii("length ").num(c.wireLength(layer)).ascii(": ");
            if (!carriesKnown(g.protocolType()) || !c.next(layer)) {
                out.ascii("gre-proto-0x").hex(g.protocolType());
            }
        }
    }
}
