package dev.trawl.pcap;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * An owned, immutable copy of a packet, safe to keep and to share between threads. {@link #data()} returns a
 * new read-only view starting at position zero on each call.
 */
public final class PacketRecord implements Packet {
    private final long timestampSeconds;
    private final int timestampNanos;
    private final int originalLength;
    private final byte[] bytes;
    private final int interfaceId;
    private final String comment;
    private final long flags;

    /**
     * Creates a record of a pcap packet.
     *
     * @param timestampSeconds seconds since the epoch
     * @param timestampNanos nanoseconds within the second, 0 to 999,999,999
     * @param originalLength the length on the wire (unsigned); at least {@code bytes.length}, except that caplen
     *     may exceed len in damaged files, whose records keep the lengths they state
     * @param bytes the captured bytes; the record keeps this array, so do not change it afterwards
     */
    public PacketRecord(long timestampSeconds, int timestampNanos, int originalLength, byte[] bytes) {
        this(timestampSeconds, timestampNanos, originalLength, bytes, 0, null, -1);
    }

    /**
     * Creates a record carrying pcapng metadata.
     *
     * @param interfaceId the pcapng interface id, 0 when not applicable
     * @param comment the packet comment, or {@code null}
     * @param flags the {@code epb_flags} word, or -1
     */
    public PacketRecord(long timestampSeconds, int timestampNanos, int originalLength, byte[] bytes,
            int interfaceId, String comment, long flags) {
        if (timestampNanos < 0 || timestampNanos > 999_999_999) {
            throw new IllegalArgumentException("timestampNanos out of range: " + timestampNanos);
        }
        Objects.requireNonNull(bytes, "bytes");
        this.timestampSeconds = timestampSeconds;
        this.timestampNanos = timestampNanos;
        this.originalLength = originalLength;
        this.bytes = bytes;
        this.interfaceId = interfaceId;
        this.comment = comment;
        this.flags = flags;
    }

    @Override
    public long timestampSeconds() {
        return timestampSeconds;
    }

    @Override
    public int timestampNanos() {
        return timestampNanos;
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
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    /** A copy of the captured bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public int interfaceId() {
        return interfaceId;
    }

    @Override
    public String comment() {
        return comment;
    }

    @Override
    public long flags() {
        return flags;
    }

    @Override
    public PacketRecord copy() {
        return this;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PacketRecord that
                && timestampSeconds == that.timestampSeconds
                && timestampNanos == that.timestampNanos
                && originalLength == that.originalLength
                && interfaceId == that.interfaceId
                && flags == that.flags
                && Objects.equals(comment, that.comment)
                && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timestampSeconds, timestampNanos, originalLength, Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "PacketRecord[" + timestampSeconds + "." + String.format("%09d", timestampNanos)
                + ", caplen=" + bytes.length + ", len=" + originalLength + "]";
    }
}
