package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Vxlan;
import dev.trawl.pcap.LinkType;

/**
 * Cisco's Overlay Transport Virtualization on UDP port 8472, as tcpdump prints it: {@code OTV, flags [I] (0x08),
 * overlay 0, instance 100} and the Ethernet frame it carries on the next line. Its header is VXLAN's with the
 * 24 bits after the flags read as an overlay id; Wireshark binds no dissector to the port, so decode leaves the
 * datagram as data and the frame is decoded afresh ({@link PrintContext#printFrame}). Not thread-safe.
 */
final class OtvPrinter implements LayerPrinter {
    /** The UDP port tcpdump reads as OTV's. */
    static final int PORT = 8472;

    private final Vxlan view = new Vxlan();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Out out = c.out();
        int length = ApplicationPrinters.udpPayload(c, layer);
        int captured = UdpPortPrinters.captured(c, layer);
        Vxlan v = view.wrap(p.buffer(), p.offset(layer), captured);
        out.ascii("OTV, ");
        if (length < Vxlan.HEADER_LENGTH) {
            out.ascii("[length ").num(length).ascii(" < 8] (invalid)");
            if (!v.has(0, length)) {
                c.truncatedRead("otv");
            }
            return;
        }
        if (!v.has(0, 1)) {
            c.truncatedRead("otv");
            return;
        }
        out.ascii("flags [").ch(v.vniValid() ? 'I' : '.').ascii("] (0x").hex2(v.flags()).ascii("), ");
        if (!v.has(1, 3)) {
            c.truncatedRead("otv");
            return;
        }
        out.ascii("overlay ").num(v.u24At(1)).ascii(", ");
        if (!v.has(4, 3)) {
            c.truncatedRead("otv");
            return;
        }
        out.ascii("instance ").num(v.vni()).nl();
        if (!v.has(7, 1)) {
            c.truncatedRead("otv");
            return;
        }
        int from = v.offset() + Vxlan.HEADER_LENGTH;
        if (!c.printFrame(LinkType.ETHERNET.value(), from, v.offset() + v.regionLength(),
                length - Vxlan.HEADER_LENGTH)) {
            c.truncated("ether");
        }
    }
}
