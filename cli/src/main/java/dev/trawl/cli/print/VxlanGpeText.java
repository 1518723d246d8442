package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.VxlanGpe;

/**
 * The VXLAN-GPE header as tcpdump prints it before the protocol it carries: {@code VXLAN-GPE, flags [IP],
 * vni 16777215: } (with {@code -v} the carried protocol on the next line). decode, as tshark, lists no layer
 * of its own for it: the header is read where it lies, just before the carried layer. Not thread-safe.
 */
final class VxlanGpeText {
    private final VxlanGpe view = new VxlanGpe();

    /**
     * Prints the header at {@code offset}, of a datagram whose payload is {@code len} bytes; false, having
     * printed tcpdump's complaint, when the carried protocol is not to be printed.
     */
    boolean header(PrintContext c, int offset, int len) {
        DecodedPacket p = c.packet();
        VxlanGpe v = view.wrap(p.buffer(), offset, p.end() - offset);
        Out out = c.out();
        out.ascii("VXLAN-GPE, ");
        if (len < VxlanGpe.HEADER_LENGTH) {
            out.ascii(" (len ").num(len).ascii(" < 8) (invalid)");
            return false;
        }
        if (!v.has(0, VxlanGpe.HEADER_LENGTH)) {
            c.truncated("vxlan_gpe");
            return false;
        }
        int flags = v.flags();
        out.ascii("flags [");
        if ((flags & 0x0f) == 0) {
            out.ascii("none");
        }
        out.ascii((flags & 0x08) != 0 ? "I" : "").ascii((flags & 0x04) != 0 ? "P" : "")
                .ascii((flags & 0x02) != 0 ? "B" : "").ascii((flags & 0x01) != 0 ? "O" : "");
        out.ascii("], vni ").num(v.vni()).ascii(c.verbose() > 0 ? "\n    " : ": ");
        int next = v.nextProtocol();
        if (next < 1 || next > 4) {
            out.ascii("ERROR: unknown-next-protocol (invalid)");
            return false;
        }
        return true;
    }
}
