package dev.trawl.pcap.pcap4j;

import dev.trawl.pcap.PacketRecord;
import dev.trawl.pcap.spi.ReusedPacket;

import java.nio.ByteBuffer;
import java.sql.Timestamp;

/**
 * The reusable {@link dev.trawl.pcap.Packet} a handle hands out. pcap4j already copies every packet into a fresh
 * {@code byte[]}; this view points at that array and wraps it in a read-only buffer only when
 * {@link #data()} is asked for. Valid until the handle's next read; not thread-safe.
 */
final class PacketView extends ReusedPacket {
    private final boolean unsignedSeconds;
    private byte[] bytes;

    /**
     * @param unsignedSeconds whether the seconds are a pcap file's unsigned 32-bit field, which libpcap
     *     sign-extends
     */
    PacketView(boolean unsignedSeconds) {
        this.unsignedSeconds = unsignedSeconds;
    }

    /** Points the view at a packet pcap4j delivered, with the header pcap4j keeps for this thread. */
    void set(byte[] bytes, Timestamp timestamp, Integer originalLength) {
        this.bytes = bytes;
        this.data = null;
        this.capturedLength = bytes.length;
        // java.sql.Timestamp keeps whole seconds in getTime() (as milliseconds) and the fraction in getNanos().
        long sec = Math.floorDiv(timestamp.getTime(), 1000L);
        this.seconds = unsignedSeconds ? sec & 0xffffffffL : sec;
        this.nanos = timestamp.getNanos();
        this.originalLength = originalLength != null ? originalLength : bytes.length;
    }

    /** Points the view at a record rebuilt outside pcap4j. */
    void set(Recovered packet) {
        this.bytes = packet.bytes();
        this.data = null;
        this.capturedLength = bytes.length;
        this.seconds = packet.seconds();
        this.nanos = packet.nanos();
        this.originalLength = packet.originalLength();
    }

    boolean isEmpty() {
        return bytes == null;
    }

    void clear() {
        bytes = null;
        data = null;
        capturedLength = 0;
    }

    /** Wraps pcap4j's array the first time it is asked for. */
    @Override
    public ByteBuffer data() {
        ByteBuffer view = data;
        if (view == null) {
            view = ByteBuffer.wrap(bytes).asReadOnlyBuffer();
            data = view;
        }
        view.clear(); // a caller may have moved the position of the view it was given before
        return view;
    }

    @Override
    public PacketRecord copy() {
        return new PacketRecord(seconds, nanos, originalLength, bytes.clone());
    }
}
