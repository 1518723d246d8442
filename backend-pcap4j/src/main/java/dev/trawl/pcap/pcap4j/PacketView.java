package dev.trawl.pcap.pcap4j;

import dev.trawl.pcap.Packet;

import java.nio.ByteBuffer;
import java.sql.Timestamp;

/**
 * The reusable {@link Packet} a handle hands out. pcap4j already copies every packet into a fresh
 * {@code byte[]}; this view points at that array and wraps it in a read-only buffer only when
 * {@link #data()} is asked for. Valid until the handle's next read; not thread-safe.
 */
final class PacketView implements Packet {
    private long seconds;
    private int nanos;
    private int originalLength;
    private byte[] bytes;
    private ByteBuffer data;

    /** Points the view at a packet pcap4j delivered, with the header pcap4j keeps for this thread. */
    void set(byte[] bytes, Timestamp timestamp, Integer originalLength) {
        this.bytes = bytes;
        this.data = null;
        // java.sql.Timestamp keeps whole seconds in getTime() (as milliseconds) and the fraction in getNanos().
        this.seconds = Math.floorDiv(timestamp.getTime(), 1000L);
        this.nanos = timestamp.getNanos();
        this.originalLength = originalLength != null ? originalLength : bytes.length;
    }

    boolean isEmpty() {
        return bytes == null;
    }

    void clear() {
        bytes = null;
        data = null;
    }

    @Override
    public long timestampSeconds() {
        return seconds;
    }

    @Override
    public int timestampNanos() {
        return nanos;
    }

    @Override
    public int capturedLength() {
        return bytes.length;
    }

    @Override
    public int originalLength() {
        return originalLength;
    }

    @Override
    public ByteBuffer data() {
        ByteBuffer view = data;
        if (view == null) {
            view = ByteBuffer.wrap(bytes).asReadOnlyBuffer();
            data = view;
        }
        return view;
    }

    @Override
    public String toString() {
        return "Packet[" + seconds + "." + String.format("%09d", nanos) + ", caplen=" + bytes.length + ", len="
                + originalLength + "]";
    }
}
