package dev.trawl.pcap.spi;

import dev.trawl.pcap.Packet;

import java.nio.ByteBuffer;

/**
 * Base of the reused {@link Packet} view a backend's handle hands out: the header's four numbers and the
 * data buffer as plain fields that the handle overwrites for every packet, read back by final getters. A
 * backend whose view computes a value on demand (a timestamp it scales, a buffer it makes lazily) implements
 * {@link Packet} itself instead, or overrides {@link #data()}.
 *
 * <p>Buffer ownership: {@link #data()} is the backend's buffer, valid until the handle's next read. Not
 * thread-safe, like every packet view.
 */
public abstract class ReusedPacket implements Packet {
    /** The timestamp's whole seconds since the epoch. */
    protected long seconds;
    /** The timestamp's fraction of a second, in nanoseconds. */
    protected int nanos;
    /** The number of bytes captured. */
    protected int capturedLength;
    /** The length on the wire, as the capture states it. */
    protected int originalLength;
    /** The captured bytes, between the buffer's position and limit; {@code null} when there is no packet. */
    protected ByteBuffer data;

    /** Creates a view with no packet. */
    protected ReusedPacket() {
    }

    @Override
    public final long timestampSeconds() {
        return seconds;
    }

    @Override
    public final int timestampNanos() {
        return nanos;
    }

    @Override
    public final int capturedLength() {
        return capturedLength;
    }

    @Override
    public final int originalLength() {
        return originalLength;
    }

    @Override
    public ByteBuffer data() {
        return data;
    }

    @Override
    public String toString() {
        return "Packet[" + seconds + "." + String.format("%09d", nanos) + ", caplen=" + capturedLength
                + ", len=" + originalLength + (interfaceId() != 0 ? ", interface=" + interfaceId() : "") + "]";
    }
}
