package dev.trawl.pcap;

/**
 * The outcome of {@link Handle#next()}. End of file, a timeout and an interruption are ordinary results;
 * errors are exceptions.
 */
public enum ReadStatus {
    /** A packet was read; {@link Handle#packet()} returns it. */
    PACKET,
    /** A live capture's timeout expired, or a non-blocking handle had no packet ready. */
    TIMEOUT,
    /** An offline handle reached the end of its file or stream. */
    END_OF_FILE,
    /** {@link Handle#breakLoop()} was called; the next read proceeds normally. */
    INTERRUPTED
}
