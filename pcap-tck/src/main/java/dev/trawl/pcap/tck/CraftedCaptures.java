package dev.trawl.pcap.tck;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Capture files made byte by byte for what the corpus lacks: records whose header fields a damaged or hand-made
 * file may hold, which libpcap delivers as they are (a captured length above the wire length, no length at
 * all, a fraction of a second of one second or more). Ethernet, frames of the local experimental EtherType
 * 0x88b5 carrying their number after it. For the kit and for any module's tests. Stateless and thread-safe.
 */
public final class CraftedCaptures {
    /** The seconds field of the first record of {@link #damagedRecords()}: a time in November 2023. */
    public static final long FIRST_SECOND = 1_700_000_000L;
    private static final int ETHERNET = 1;
    private static final int SNAPLEN = 65535;

    private CraftedCaptures() {
    }

    /**
     * One record's header fields, as a pcap file holds them.
     *
     * @param secondsField the seconds field (unsigned 32 bits)
     * @param fractionField the fraction field (32 bits), in the file's unit; may be a second or more
     * @param capturedLength the captured length, and the number of bytes the record holds
     * @param originalLength the wire length the record states (unsigned 32 bits); may be below the captured one
     */
    public record Record(long secondsField, long fractionField, int capturedLength, int originalLength) {
    }

    /**
     * Records a damaged or hand-made file may hold, one second apart: first an ordinary one (the reference for
     * times), then lengths that tcpdump refuses to print (more captured than on the wire, nothing on the wire,
     * nothing captured, a wire length of 2^32 - 1), then fractions of a second out of range (one second, the
     * all-ones field, a field that 32-bit arithmetic on nanoseconds wraps, a thousand seconds in microseconds).
     * Every fraction lies in [0, 2^32), and each record's time, as libpcap delivers it, lies after the first's.
     */
    public static List<Record> damagedRecords() {
        long t = FIRST_SECOND;
        return List.of(
                new Record(t, 0, 42, 60),
                new Record(t + 1, 1000, 60, 40),
                new Record(t + 2, 2000, 64, 1),
                new Record(t + 3, 999_999, 14, 0),
                new Record(t + 4, 0, 0, 0),
                new Record(t + 5, 0, 0, 10),
                new Record(t + 6, 0, 20, -1),
                new Record(t + 7, 1_000_000, 60, 60),
                new Record(t + 8, 0xFFFF_FFFFL, 60, 60),
                new Record(t + 9, 4_294_968, 60, 60),
                new Record(t + 10, 1_000_000_000, 60, 60));
    }

    /**
     * The 24-byte header of a pcap file, version 2.4, in the byte order given: what a test that writes its own
     * records (a large file streamed to disk, a damaged record) puts first.
     *
     * @param nanos whether the file holds nanoseconds (else microseconds)
     * @param linkType the file's link type (its DLT number), 1 for Ethernet
     */
    public static byte[] pcapHeader(ByteOrder order, boolean nanos, int snaplen, int linkType) {
        return ByteBuffer.allocate(24).order(order).putInt(nanos ? 0xa1b23c4d : 0xa1b2c3d4).putShort((short) 2)
                .putShort((short) 4).putInt(0).putInt(0).putInt(snaplen).putInt(linkType).array();
    }

    /**
     * A pcap file (version 2.4, snapshot length 65535) of the records, in the byte order and unit given.
     *
     * @param nanos whether the file holds nanoseconds (else microseconds)
     */
    public static byte[] pcap(List<Record> records, ByteOrder order, boolean nanos) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(pcapHeader(order, nanos, SNAPLEN, ETHERNET));
        for (int i = 0; i < records.size(); i++) {
            Record r = records.get(i);
            out.writeBytes(ByteBuffer.allocate(16).order(order).putInt((int) r.secondsField())
                    .putInt((int) r.fractionField()).putInt(r.capturedLength()).putInt(r.originalLength()).array());
            out.writeBytes(frame(i, r.capturedLength()));
        }
        return out.toByteArray();
    }

    /**
     * A pcapng file (one little-endian section, one interface with microsecond timestamps, Enhanced Packet
     * Blocks) of the records, each at its seconds and fraction counted in microseconds.
     */
    public static byte[] pcapng(List<Record> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(block(0x0A0D0D0A, le(16).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0)
                .putLong(-1)));
        out.writeBytes(block(1, le(8).putShort((short) ETHERNET).putShort((short) 0).putInt(SNAPLEN)));
        for (int i = 0; i < records.size(); i++) {
            Record r = records.get(i);
            byte[] frame = frame(i, r.capturedLength());
            long micros = r.secondsField() * 1_000_000L + r.fractionField();
            ByteBuffer body = le(20 + padded(frame.length)).putInt(0).putInt((int) (micros >>> 32))
                    .putInt((int) micros).putInt(frame.length).putInt(r.originalLength()).put(frame);
            out.writeBytes(block(6, body));
        }
        return out.toByteArray();
    }

    /** An Ethernet broadcast frame of {@code length} bytes carrying its number after the EtherType. */
    private static byte[] frame(int number, int length) {
        ByteBuffer frame = ByteBuffer.allocate(length);
        byte[] head = new byte[18];
        ByteBuffer.wrap(head).put(new byte[] {-1, -1, -1, -1, -1, -1, 2, 0, 0, 0, 0, 1})
                .putShort((short) 0x88b5).putInt(number);
        frame.put(head, 0, Math.min(head.length, length));
        return frame.array();
    }

    private static byte[] block(int type, ByteBuffer body) {
        byte[] bytes = body.array();
        int length = 12 + bytes.length;
        return le(length).putInt(type).putInt(length).put(bytes).putInt(length).array();
    }

    private static int padded(int length) {
        return (length + 3) & ~3;
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
