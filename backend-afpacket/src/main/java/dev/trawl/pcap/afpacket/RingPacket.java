package dev.trawl.pcap.afpacket;

import dev.trawl.pcap.Packet;
import dev.trawl.pcap.PacketRecord;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The reused {@link Packet} of a handle: a view of a packet in place in the kernel's ring. One read-only
 * buffer covers the whole ring mapping; each packet is a position/limit range in it, so reading a packet
 * allocates nothing. The buffer belongs to the handle's arena: once the handle is closed, touching it throws
 * {@link IllegalStateException} instead of reading unmapped memory.
 *
 * <p>Valid until the next read from the handle: the ring block the packet lies in is handed back to the
 * kernel then, not before. Not thread-safe: used by the handle's reading thread.
 */
final class RingPacket implements Packet {
    private final ByteBuffer ring;
    private final boolean micro;
    private long seconds;
    private int nanos;
    private int caplen;
    private int wireLength;
    private boolean valid;

    /**
     * @param ring a read-only buffer over the ring mapping
     * @param micro whether to deliver microsecond timestamps (the nanoseconds truncated, as libpcap does)
     */
    RingPacket(ByteBuffer ring, boolean micro) {
        this.ring = ring;
        this.micro = micro;
    }

    /** Points the view at a packet that starts at {@code start} in the ring. */
    void set(int start, int caplen, int wireLength, int seconds, int nanos) {
        ByteBuffer w = ring;
        if (w.order() != ByteOrder.BIG_ENDIAN) {
            w.order(ByteOrder.BIG_ENDIAN); // the caller changed it for the last packet
        }
        w.limit(start + caplen); // the limit first: the new start may lie past the old limit
        w.position(start);
        this.caplen = caplen;
        this.wireLength = wireLength;
        this.seconds = seconds & 0xffffffffL;
        this.nanos = nanos;
        valid = true;
    }

    void invalidate() {
        valid = false;
    }

    boolean isValid() {
        return valid;
    }

    @Override
    public long timestampSeconds() {
        return seconds;
    }

    @Override
    public int timestampNanos() {
        return micro ? nanos - nanos % 1000 : nanos;
    }

    @Override
    public int capturedLength() {
        return caplen;
    }

    @Override
    public int originalLength() {
        return wireLength;
    }

    @Override
    public ByteBuffer data() {
        return ring;
    }

    @Override
    public PacketRecord copy() {
        byte[] bytes = new byte[caplen];
        ring.get(ring.position(), bytes);
        return new PacketRecord(seconds, timestampNanos(), Math.max(wireLength, caplen), bytes);
    }

    @Override
    public String toString() {
        return "Packet[" + seconds + "." + String.format("%09d", timestampNanos()) + ", caplen=" + caplen + ", len="
                + wireLength + "]";
    }
}
