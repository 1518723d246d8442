package dev.trawl.pcap;

/** A {@link Handle} reading a capture file or stream. Thread safety as for {@link Handle}. */
public interface OfflineHandle extends Handle {
    /** The format of the file. */
    CaptureFormat format();

    /** The file's major version (2 for pcap; 1 for pcapng's section header). */
    int majorVersion();

    /** The file's minor version. */
    int minorVersion();

    /** Whether the file's byte order is the opposite of this machine's. */
    boolean isSwapped();
}
