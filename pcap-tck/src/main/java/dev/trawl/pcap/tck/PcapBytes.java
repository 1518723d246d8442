package dev.trawl.pcap.tck;

import dev.trawl.pcap.PacketRecord;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal pcap file reader of the kit's own, independent of every backend: it checks what a dumper wrote
 * and parses what {@code tcpdump -w -} printed. Only what the kit needs: both byte orders, both precisions.
 */
final class PcapBytes {
    /** The parsed file: header fields and packets. */
    record File(boolean nanos, ByteOrder order, int major, int minor, int snaplen, int linkType,
            List<PacketRecord> packets) {
    }

    private PcapBytes() {
    }

    static File parse(byte[] bytes) {
        if (bytes.length < 24) {
            throw new IllegalArgumentException("not a pcap file: " + bytes.length + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt(0);
        boolean nanos;
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        switch (magic) {
            case 0xa1b2c3d4 -> nanos = false;
            case 0xa1b23c4d -> nanos = true;
            case 0xd4c3b2a1 -> {
                nanos = false;
                order = ByteOrder.BIG_ENDIAN;
            }
            case 0x4d3cb2a1 -> {
                nanos = true;
                order = ByteOrder.BIG_ENDIAN;
            }
            default -> throw new IllegalArgumentException(String.format("not a pcap file: magic %08x", magic));
        }
        b.order(order);
        int major = b.getShort(4) & 0xffff;
        int minor = b.getShort(6) & 0xffff;
        int snaplen = b.getInt(16);
        int linkType = b.getInt(20) & 0x0fffffff;
        List<PacketRecord> packets = new ArrayList<>();
        int at = 24;
        while (at + 16 <= bytes.length) {
            long sec = b.getInt(at) & 0xffffffffL;
            // libpcap reads the fraction as signed from a file in this machine's byte order, as unsigned otherwise
            long frac = order == ByteOrder.nativeOrder() ? b.getInt(at + 4) : b.getInt(at + 4) & 0xffffffffL;
            int caplen = b.getInt(at + 8);
            int len = b.getInt(at + 12);
            if (caplen < 0 || at + 16L + caplen > bytes.length) {
                throw new IllegalArgumentException("truncated record at offset " + at);
            }
            byte[] data = new byte[caplen];
            System.arraycopy(bytes, at + 16, data, 0, caplen);
            long nanosOfFrac = nanos ? frac : frac * 1000;
            sec += Math.floorDiv(nanosOfFrac, 1_000_000_000L);
            packets.add(new PacketRecord(sec, (int) Math.floorMod(nanosOfFrac, 1_000_000_000L), len, data));
            at += 16 + caplen;
        }
        if (at != bytes.length) {
            throw new IllegalArgumentException("trailing " + (bytes.length - at) + " bytes after the last record");
        }
        return new File(nanos, order, major, minor, snaplen, linkType, List.copyOf(packets));
    }
}
