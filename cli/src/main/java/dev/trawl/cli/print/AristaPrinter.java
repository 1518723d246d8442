package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.AristaTimestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Arista's timestamp header as tcpdump prints it, which names the Ethernet type even without {@code -e}:
 * {@code ethertype Arista Vendor Specific Protocol (0xd28b), length 110: SubType Timestamp (0x0001), Timescale
 * TAI (0), Format 64-bit (1), HwInfo R/R2 (0), Timestamp 2019-05-29 20:36:39.944724424: }, then the payload
 * (with {@code -e} after its own EtherType and the frame's length). Not thread-safe.
 */
final class AristaPrinter implements LayerPrinter {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int ARISTA = 0xd28b;

    private final AristaTimestamp view = new AristaTimestamp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        AristaTimestamp h = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        int frame = c.below(layer);
        int length = c.wireLength(frame >= 0 ? frame : layer);
        if (!c.linkHeader()) {
            EthernetPrinter.etherType(out, ARISTA);
            out.ascii(", length ").num(length).ascii(": ");
        }
        if (!h.has(0, 4)) {
            c.truncated("arista");
            return;
        }
        int subtype = h.subtype();
        out.ascii("SubType ").ascii(subtype == AristaTimestamp.SUBTYPE_TIMESTAMP ? "Timestamp" : "Unknown")
                .ascii(" (0x").hex(subtype, 4).ascii("), ");
        if (subtype != AristaTimestamp.SUBTYPE_TIMESTAMP) {
            return;
        }
        int scale = h.timescale();
        int format = h.format();
        int hardware = h.hardware();
        out.ascii("Timescale ").ascii(scale == 0 ? "TAI" : scale == 1 ? "UTC" : "Unknown").ascii(" (").num(scale)
                .ascii("), Format ")
                .ascii(format == AristaTimestamp.FORMAT_64 ? "64-bit"
                        : format == AristaTimestamp.FORMAT_48 ? "48-bit" : "Unknown")
                .ascii(" (").num(format).ascii("), HwInfo ")
                .ascii(hardware == 0 ? "R/R2" : hardware == 1 ? "R3" : "Unknown").ascii(" (").num(hardware)
                .ascii("), Timestamp ");
        if (h.headerLength() == 4) {
            return;
        }
        if (!h.has(0, h.headerLength())) {
            c.truncated("arista");
            return;
        }
        long nanos = h.nanoseconds();
        if (format == AristaTimestamp.FORMAT_64) {
            out.ascii(DATE.format(Instant.ofEpochSecond(h.seconds())));
        } else {
            out.num(h.seconds());
        }
        out.ch('.').num(nanos, 9);
        if (nanos > 999_999_999L) {
            out.ascii(" (invalid ns)");
        }
        out.ascii(": ");
        if (c.linkHeader()) {
            EthernetPrinter.etherType(out, h.payloadType());
            out.ascii(", length ").num(length).ascii(": ");
        }
        c.next(layer);
    }
}
