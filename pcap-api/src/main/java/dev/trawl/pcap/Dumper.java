package dev.trawl.pcap;

import java.nio.ByteBuffer;

/**
 * Writes packets to a capture file, as {@code pcap_dump} does. Packets are buffered; {@link #flush()} pushes
 * them to the file, and {@link #close()} flushes and closes (idempotently). Not thread-safe.
 */
public interface Dumper extends AutoCloseable {
    /**
     * Writes a packet: its header and captured bytes (and its pcapng metadata where the format has it), with
     * the lengths it states, as {@code pcap_dump} does: a packet read from a damaged file whose captured length
     * exceeds its wire length is written as it was read.
     */
    void write(Packet packet) throws PcapException;

    /**
     * Writes a packet from its parts: the bytes between the buffer's position and limit.
     *
     * @param originalLength the length on the wire, at least the number of bytes
     */
    void write(long timestampSeconds, int timestampNanos, int originalLength, ByteBuffer data) throws PcapException;

    /** Writes the buffered packets to the file. */
    void flush() throws PcapException;

    /** Flushes and closes. Idempotent. */
    @Override
    void close() throws PcapException;
}
