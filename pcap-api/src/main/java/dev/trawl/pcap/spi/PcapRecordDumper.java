package dev.trawl.pcap.spi;

import dev.trawl.pcap.Dumper;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.PcapException;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The part every dumper of pcap files shares: both {@code write} methods check their arguments in the words of
 * {@link DumperChecks} (a pcap record's seconds must fit its 32-bit field; a record given by its parts must not
 * claim fewer bytes on the wire than it holds) and then hand one record to {@link #append}. A subclass says only
 * how a record reaches its file.
 *
 * <p>Thread-safety and buffer ownership are the subclass's, as {@link Dumper} states them.
 */
public abstract class PcapRecordDumper implements Dumper {
    /** For subclasses. */
    protected PcapRecordDumper() {
    }

    @Override
    public final void write(Packet packet) throws PcapException {
        Objects.requireNonNull(packet, "packet");
        DumperChecks.pcapTimestamp(packet.timestampSeconds(), packet.timestampNanos());
        append(packet.timestampSeconds(), packet.timestampNanos(), packet.originalLength(), packet.data());
    }

    @Override
    public final void write(long timestampSeconds, int timestampNanos, int originalLength, ByteBuffer data)
            throws PcapException {
        Objects.requireNonNull(data, "data");
        DumperChecks.pcapRecord(timestampSeconds, timestampNanos, originalLength, data.remaining());
        append(timestampSeconds, timestampNanos, originalLength, data);
    }

    /**
     * Writes one record whose arguments were checked: the bytes between {@code data}'s position and limit,
     * which the call must leave where they are.
     *
     * @param timestampNanos the fraction of the second, in nanoseconds (the subclass scales it to its precision)
     * @param originalLength the length on the wire, read as unsigned
     * @throws PcapException if the record cannot be written, or the dumper is closed
     */
    protected abstract void append(long timestampSeconds, int timestampNanos, int originalLength, ByteBuffer data)
            throws PcapException;
}
