package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.AristaTimestamp;
import dev.trawl.pcap.LinkType;
import java.nio.ByteBuffer;
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

    /** The stand-in Ethernet header's addresses, before the payload's EtherType. */
    private static final int ETHER_ADDRESSES = 12;

    private final AristaTimestamp view = new AristaTimestamp();
    /** The rebuilt frame of {@link #payload}; grows to the largest such frame. */
    private byte[] scratch = new byte[256];

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        AristaTimestamp h = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        int frame = c.below(layer);
        int length = c.wireLength(frame >= 0 ? frame : layer);
        if (!c.linkHeader()) {
            EthernetPrinter.etherType(out, ARISTA, c.quiet());
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
            unknown(c, frame, h);
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
            unknown(c, frame, h);
            return;
        }
        if (!h.has(0, h.headerLength())) {
            c.truncatedRead("arista");
            return;
        }
        // tcpdump carries whole seconds out of the nanoseconds field
        long nanos = h.nanoseconds();
        long seconds = h.seconds() + nanos / 1_000_000_000L;
        nanos %= 1_000_000_000L;
        if (format == AristaTimestamp.FORMAT_64) {
            out.ascii(DATE.format(Instant.ofEpochSecond(seconds)));
        } else {
            out.num(seconds);
        }
        out.ch('.').num(nanos, 9);
        out.ascii(": ");
        if (c.linkHeader()) {
            EthernetPrinter.etherType(out, h.payloadType(), c.quiet());
            out.ascii(", length ").num(length).ascii(": ");
        }
        c.linkHeaderEnd(h.offset() + h.headerLength()); // -x dumps from the payload, or its VLAN tags' end
        if (!c.next(layer)) {
            payload(c, h, frame, length);
        }
    }

    /**
     * A subtype or timestamp format tcpdump does not know: it prints the frame's addresses and type again (without
     * {@code -e}) and dumps the rest.
     */
    private static void unknown(PrintContext c, int frame, AristaTimestamp h) {
        DecodedPacket p = c.packet();
        Out out = c.out();
        if (!c.linkHeader() && frame >= 0 && p.protocol(frame) == Protocols.ETH) {
            c.mac(p.ethernet(frame).source());
            out.ascii(" > ");
            c.mac(p.ethernet(frame).destination());
            out.ascii(", ");
            EthernetPrinter.etherType(out, ARISTA, c.quiet());
            out.ascii(", length ").num(c.wireLength(frame)).ascii(": ");
        }
        if (c.options().hex() == 0) {
            c.rawDump(h.offset());
        }
    }

    /**
     * The payload of a header version decode, as Wireshark, does not follow (R3's): behind a stand-in Ethernet
     * header, decoded afresh from its EtherType on.
     */
    private void payload(PrintContext c, AristaTimestamp h, int frame, int frameLength) {
        DecodedPacket p = c.packet();
        int from = h.offset() + h.headerLength() - 2;
        int n = p.end() - from;
        if (n < 2) {
            return;
        }
        int size = ETHER_ADDRESSES + n;
        if (scratch.length < size) {
            scratch = new byte[Math.max(size, 2 * scratch.length)];
        }
        ByteBuffer src = p.buffer();
        for (int i = 0; i < n; i++) {
            scratch[ETHER_ADDRESSES + i] = src.get(from + i);
        }
        int frameStart = frame >= 0 ? p.offset(frame) : p.start();
        int wire = ETHER_ADDRESSES + frameLength - (from - frameStart);
        int tags = c.printPayload(LinkType.ETHERNET.value(), ByteBuffer.wrap(scratch, 0, size), 0, size, wire);
        if (tags > 0 && !c.jumped()) {
            c.linkHeaderEnd(from + 2 + tags);
        }
    }
}
