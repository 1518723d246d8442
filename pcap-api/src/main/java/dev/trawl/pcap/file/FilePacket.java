package dev.trawl.pcap.file;

import dev.trawl.pcap.Packet;

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

    @Override
    public String toString() {
        return "Packet[" + seconds + "." + String.format("%09d", nanos) + ", caplen=" + capturedLength
                + ", len=" + originalLength + ", interface=" + interfaceId + "]";
    }
}
