package dev.trawl.pcap.file;

/**
 * The header of one pcap record or pcapng block as {@link CaptureCursor#peek} found it, without reading the
 * record: where it is, how long it is, and the raw header fields. A reusable holder that {@code peek}
 * overwrites; not thread-safe.
 *
 * <p>Fields that the record's kind does not have are 0: a pcap record has no {@link #blockType()} or interface;
 * a pcapng block other than an Enhanced Packet Block or (obsolete) Packet Block has no timestamp or lengths, and
 * a Simple Packet Block has only its {@link #originalLength()}.
 */
public final class RecordHeader {
    int status;
    long offset;
    long length;
    int blockType;
    long seconds;
    long fraction;
    long timestamp;
    int interfaceId;
    int capturedLength;
    int originalLength;
    boolean fractionInRange;

    /** A holder with nothing peeked yet ({@link #status()} is {@link CaptureCursor#END}). */
    public RecordHeader() {
        status = CaptureCursor.END;
    }

    /**
     * {@link CaptureCursor#RECORD} when the header frames a record that {@link CaptureCursor#next()} would read
     * there; else {@link CaptureCursor#END} (no byte at the offset), {@link CaptureCursor#TRUNCATED} (the input
     * ends inside it) or {@link CaptureCursor#MALFORMED} (a length no reader accepts, a block whose trailer
     * disagrees with its header, a section header with a bad byte-order magic).
     */
    public int status() {
        return status;
    }

    /** The file offset peeked at. */
    public long offset() {
        return offset;
    }

    /** The record's or block's length in the file, header and trailer included; where the next one starts. */
    public long length() {
        return length;
    }

    /** The pcapng block type (see {@link CaptureCursor#blockType()}); 0 for a pcap record. */
    public int blockType() {
        return blockType;
    }

    /** pcap: the seconds field, unsigned. */
    public long seconds() {
        return seconds;
    }

    /** pcap: the sub-second field, unsigned, in the file's units (micro- or nanoseconds). */
    public long fraction() {
        return fraction;
    }

    /**
     * pcap: whether the sub-second field is below one second in the file's units. libpcap reads a record either
     * way (the excess carries into the seconds), but a writer never makes one, so a reader looking for a record
     * boundary may take it as a sign of misalignment.
     */
    public boolean fractionInRange() {
        return fractionInRange;
    }

    /** pcapng packet blocks: the 64-bit timestamp in units of the interface's {@code if_tsresol}. */
    public long timestamp() {
        return timestamp;
    }

    /** pcapng packet blocks: the interface id. */
    public int interfaceId() {
        return interfaceId;
    }

    /** The captured length as stored (pcap: after undoing the length swap of old versions). */
    public int capturedLength() {
        return capturedLength;
    }

    /** The original length as stored. */
    public int originalLength() {
        return originalLength;
    }

    @Override
    public String toString() {
        return "RecordHeader[status=" + status + ", offset=" + offset + ", length=" + length + ", type=" + blockType
                + ", caplen=" + capturedLength + ", len=" + originalLength + "]";
    }
}
