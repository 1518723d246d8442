package dev.trawl.spark.split;

import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.file.CaptureCursor;
import java.nio.ByteBuffer;

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
    /** Length on the wire; a stated length of 2^31 or more is 2^31 - 1, the most the int column holds. */
    public int originalLength;
    /** The {@code LINKTYPE_} value of the packet's interface. */
    public int linkType;
    /** The snapshot length libpcap applies to the packet's interface. */
    public int snapshotLength;
    /** The pcapng interface id; 0 for pcap. */
    public int interfaceId;
    /** Whether the record comes from a pcapng file (whose packets have interfaces). */
    public boolean pcapng;
    /** The packet bytes; only the first {@link #capturedLength} are valid. */
    public byte[] data = new byte[2048];

    /** Copies the packet the cursor is on. */
    void fill(CaptureCursor cursor) {
        offset = cursor.offset();
        seconds = cursor.seconds();
        nanos = cursor.nanos();
        capturedLength = cursor.capturedLength();
        originalLength = (int) Math.min(Integer.toUnsignedLong(cursor.originalLength()), Integer.MAX_VALUE);
        linkType = cursor.linkType();
        snapshotLength = cursor.snapshotLength();
        interfaceId = cursor.interfaceId();
        pcapng = cursor.format() == CaptureFormat.PCAPNG;
        if (data.length < capturedLength) {
            data = new byte[Math.max(capturedLength, data.length * 2)];
        }
        ByteBuffer bytes = cursor.data();
        bytes.get(bytes.position(), data, 0, capturedLength);
    }
}
