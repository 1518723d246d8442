package dev.trawl.pcap.file;

import dev.trawl.pcap.Packet;
import dev.trawl.pcap.PacketRecord;

import java.nio.ByteBuffer;

/**
 * The reused packet view of a file handle: plain fields that the reader overwrites for every record, and the
 * input's shared read-only {@code view} buffer positioned on the packet's bytes.
 */
final class FilePacket implements Packet {
    long seconds;
    int nanos;
    int capturedLength;
    int originalLength;
    int interfaceId;
    String comment;
    long flags = -1;
    ByteBuffer data;

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
        return capturedLength;
    }

    @Override
    public int originalLength() {
        return originalLength;
    }

    @Override
    public ByteBuffer data() {
        return data;
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

    /**
     * {@inheritDoc}
     *
     * <p>Damaged files can record an original length smaller than the captured length (libpcap delivers such
     * packets as they are); a {@link PacketRecord} cannot hold that, so its original length is raised to the
     * captured length in the copy.
     */
    @Override
    public PacketRecord copy() {
        byte[] bytes = new byte[capturedLength];
        data.get(data.position(), bytes);
        return new PacketRecord(seconds, nanos, Math.max(originalLength, capturedLength), bytes, interfaceId,
                comment, flags);
    }

    @Override
    public String toString() {
        return "Packet[" + seconds + "." + String.format("%09d", nanos) + ", caplen=" + capturedLength
                + ", len=" + originalLength + ", interface=" + interfaceId + "]";
    }
}
