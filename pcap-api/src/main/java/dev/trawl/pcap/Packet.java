package dev.trawl.pcap;

import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * One captured packet: its header (timestamp, captured and original length) and its bytes.
 *
 * <p>A packet handed out by a {@link Handle} is a <em>view</em>: the object and its {@link #data()} buffer
 * are reused and point into the backend's own buffer, so reading them allocates nothing. They are valid only
 * until the next read from the handle, or until the handle is closed. Keep a packet beyond that with
 * {@link #copy()}, which returns an owned {@link PacketRecord}.
 *
 * <p>Views are not thread-safe; use them on the thread that read them.
 */
public interface Packet {
    /** The timestamp's whole seconds since the epoch (UTC). */
    long timestampSeconds();

    /**
     * The timestamp's fraction of a second, in nanoseconds (0 to 999,999,999). With microsecond precision
     * it is a multiple of 1000.
     */
    int timestampNanos();

    /** The number of bytes captured, which is {@code data().remaining()}. */
    int capturedLength();

    /**
     * The length of the packet on the wire, as the capture states it: usually at least the captured length
     * (more when the snapshot length cut the packet), but caplen may exceed len in damaged files, and the
     * length is then reported as the file states it, as libpcap and tshark report it. Read it as unsigned.
     */
    int originalLength();

    /**
     * The captured bytes: a read-only big-endian buffer whose packet bytes lie between its position and its
     * limit. The position is not necessarily zero; index from it ({@code data.get(data.position() + 12)}) or
     * take {@code data.slice()} for a zero-based buffer, which allocates. Valid as long as this packet is.
     */
    ByteBuffer data();

    /** The pcapng interface the packet arrived on; 0 for pcap files and live captures. */
    default int interfaceId() {
        return 0;
    }

    /** The pcapng packet comment ({@code opt_comment}), or {@code null} when there is none. */
    default String comment() {
        return null;
    }

    /** The pcapng {@code epb_flags} word (direction, reception type, FCS length, errors), or -1 when absent. */
    default long flags() {
        return -1;
    }

    /** The timestamp as nanoseconds since the epoch; exact until the year 2262. */
    default long timestampEpochNanos() {
        return timestampSeconds() * 1_000_000_000L + timestampNanos();
    }

    /** The timestamp as an {@link Instant} (allocates). */
    default Instant timestamp() {
        return Instant.ofEpochSecond(timestampSeconds(), timestampNanos());
    }

    /** Returns an owned copy of this packet that stays valid after the next read, with the lengths it states. */
    default PacketRecord copy() {
        ByteBuffer data = data();
        byte[] bytes = new byte[data.remaining()];
        data.get(data.position(), bytes);
        return new PacketRecord(timestampSeconds(), timestampNanos(), originalLength(), bytes, interfaceId(),
                comment(), flags());
    }
}
