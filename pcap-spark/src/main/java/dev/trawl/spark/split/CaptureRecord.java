package dev.trawl.spark.split;

/**
 * One packet record as a split reader delivers it: a mutable holder reused for every record, so reading
 * allocates nothing per packet once the data array has grown to the largest packet. Not thread-safe.
 */
public final class CaptureRecord {
    /** Byte offset of the record (pcap) or block (pcapng) in the file. */
    public long offset;
    /** Seconds since the epoch. */
    public long seconds;
    /** Nanoseconds within the second. */
    public int nanos;
    /** Captured length: the valid bytes of {@link #data}. */
    public int capturedLength;
    /** Length on the wire. */
    public int originalLength;
    /** The {@code LINKTYPE_} value of the packet's interface. */
    public int linkType;
    /** The pcapng interface id; 0 for pcap. */
    public int interfaceId;
    /** The packet bytes; only the first {@link #capturedLength} are valid. */
    public byte[] data = new byte[2048];

    /** Makes sure {@link #data} holds at least {@code length} bytes. */
    void ensureCapacity(int length) {
        if (data.length < length) {
            data = new byte[Math.max(length, data.length * 2)];
        }
    }
}
