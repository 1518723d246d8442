package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Pktap;
import dev.trawl.pcap.LinkType;

/**
 * Apple's PKTAP header as tcpdump prints it: with {@code -e} {@code DLT EN10MB (1) len 108, length 182: } (with
 * {@code -q} the link type's name alone), then the frame as its own link type prints it; a header whose lengths
 * do not fit prints tcpdump's complaint and {@code (invalid)}. Not thread-safe.
 */
final class PktapPrinter implements LayerPrinter {
    private final Pktap view = new Pktap();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Pktap h = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        int length = c.wireLength(layer);
        if (length < Pktap.HEADER_LENGTH) {
            out.ascii(" (packet too short, ").num(length).ascii(" < ").num(Pktap.HEADER_LENGTH).ascii(") (invalid)");
            return;
        }
        if (!h.has(0, Pktap.FIXED_LENGTH)) {
            c.truncated("pktap");
            return;
        }
        long headerLength = h.headerLength();
        if (headerLength < Pktap.HEADER_LENGTH) {
            out.ascii(" (pkt_len too small, ").num(headerLength).ascii(" < ").num(Pktap.HEADER_LENGTH)
                    .ascii(") (invalid)");
            return;
        }
        if (headerLength > length) {
            out.ascii(" (pkt_len too big, ").num(headerLength).ascii(" > ").num(length).ascii(") (invalid)");
            return;
        }
        if (!h.has(0, (int) headerLength)) {
            c.truncated("pktap");
            return;
        }
        if (c.linkHeader()) {
            header(c, h, length);
        }
        c.linkHeaderEnd(h.offset() + (int) headerLength);
        long record = h.recordType();
        if (record == Pktap.RECORD_NONE) {
            out.ascii("no data");
        } else if (record == Pktap.RECORD_PACKET) {
            int data = p.next(layer); // the zero-length pcap_pktdata, then the frame
            String emptyFrame = TcpdumpLinkTypes.emptyFrameMarker((int) h.linkType());
            if (emptyFrame != null && h.offset() + headerLength >= p.end()) {
                c.truncated(emptyFrame); // tcpdump hands even an empty frame to its link type's printer
            } else if (data < 0 || !c.next(data)) {
                if (!c.linkHeader()) {
                    header(c, h, length);
                }
                c.rawDump(h.offset() + (int) headerLength);
            }
        }
    }

    private static void header(PrintContext c, Pktap h, int length) {
        long dlt = h.linkType();
        LinkType type = LinkType.fromDlt((int) dlt);
        String name = type.isKnown() ? type.name() : "UNKNOWN";
        Out out = c.out();
        if (c.quiet()) {
            out.ascii(name);
        } else {
            out.ascii("DLT ").ascii(name).ascii(" (").num(dlt).ascii(") len ").num(h.headerLength());
        }
        out.ascii(", length ").num(length).ascii(": ");
    }
}
