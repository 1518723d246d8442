package dev.trawl.pcap.file;

import dev.trawl.pcap.spi.ReusedPacket;

import java.nio.ByteBuffer;

/**
 * The reused packet view of a file handle: plain fields that the reader overwrites for every record, and the
 * input's shared read-only {@code view} buffer positioned on the packet's bytes.
 */
final class FilePacket extends ReusedPacket {
    int interfaceId;
    String comment;
    long flags = -1;

    /** Sets the timestamp. */
    void time(long seconds, int nanos) {
        this.seconds = seconds;
        this.nanos = nanos;
    }

    /** Points the view at a record's bytes, {@code data} positioned on them. */
    void bytes(ByteBuffer data, int capturedLength, int originalLength) {
        this.data = data;
        this.capturedLength = capturedLength;
        this.originalLength = originalLength;
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
}
