package dev.trawl.pcap.tck;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Capture files made byte by byte for what the corpus lacks: here, records whose captured length exceeds the
 * length they state for the wire. Little-endian, Ethernet, frames of the local experimental EtherType 0x88b5
 * numbered from 0. For the kit and for any module's tests. Stateless and thread-safe.
 */
public final class CraftedCaptures {
    private static final int ETHERNET = 1;
    private static final long FIRST_SECOND = 1_700_000_000L;

    private CraftedCaptures() {
    }

    /**
     * A pcap file (version 2.4, microseconds) or a pcapng file (one section, one interface, Enhanced Packet
     * Blocks) with one record per element of {@code lengths}: {wire length, captured length}, either of which
     * may be the larger.
     */
    public static byte[] withLengths(boolean pcapng, List<int[]> lengths) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (pcapng) {
            out.writeBytes(block(0x0A0D0D0A, le(16).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0)
                    .putLong(-1)));
            out.writeBytes(block(1, le(8).putShort((short) ETHERNET).putShort((short) 0).putInt(65535)));
        } else {
            out.writeBytes(le(24).putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                    .putInt(65535).putInt(ETHERNET).array());
        }
        for (int i = 0; i < lengths.size(); i++) {
            int wire = lengths.get(i)[0];
            byte[] frame = frame(i, lengths.get(i)[1]);
            long micros = (FIRST_SECOND + i) * 1_000_000L + 1000L * i;
            if (pcapng) {
                ByteBuffer body = le(20 + padded(frame.length)).putInt(0).putInt((int) (micros >>> 32))
                        .putInt((int) micros).putInt(frame.length).putInt(wire).put(frame);
                out.writeBytes(block(6, body));
            } else {
                out.writeBytes(le(16).putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000))
                        .putInt(frame.length).putInt(wire).array());
                out.writeBytes(frame);
            }
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
