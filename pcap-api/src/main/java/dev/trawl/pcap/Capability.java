package dev.trawl.pcap;

/**
 * An optional feature a {@link Backend} may support. A call that needs a capability the backend lacks
 * throws {@link UnsupportedCapabilityException}; the conformance kit checks that each backend declares
 * exactly what it does.
 */
public enum Capability {
    /** Listing capture devices. */
    DEVICE_LIST,
    /** Opening live handles on devices. */
    LIVE_CAPTURE,
    /** Sending raw frames on a live handle. */
    SEND,
    /** Capture statistics on a live handle. */
    STATS,
    /** Non-blocking mode on a live handle. */
    NON_BLOCKING,
    /** Choosing the capture direction on a live handle. */
    DIRECTION,
    /** Listing and changing a live handle's link type. */
    SET_LINK_TYPE,
    /** Choosing a live capture's timestamp source. */
    TIMESTAMP_TYPE,
    /** Immediate mode on a live handle. */
    IMMEDIATE_MODE,
    /** Monitor mode on wireless devices. */
    MONITOR_MODE,
    /** Reading capture files from a path. */
    OFFLINE_FILE,
    /** Reading captures from an {@link java.io.InputStream}. */
    OFFLINE_STREAM,
    /** Reading pcapng files. */
    READ_PCAPNG,
    /** Reading gzip-compressed capture files transparently. */
    READ_GZIP,
    /** Nanosecond timestamp precision. */
    NANOSECOND_TIMESTAMPS,
    /** Compiling and setting BPF filters. */
    FILTER,
    /** Writing pcap files. */
    DUMP,
    /** Appending to an existing pcap file. */
    DUMP_APPEND,
    /** Writing pcapng files. */
    DUMP_PCAPNG,
    /** Writing captures to an {@link java.io.OutputStream}. */
    DUMP_STREAM,
    /** Interrupting a blocked read or loop from another thread. */
    BREAK_LOOP,
    /** Sharing one device's traffic over several live handles in a {@link Fanout} group. */
    FANOUT
}
