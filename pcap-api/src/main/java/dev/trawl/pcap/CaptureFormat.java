package dev.trawl.pcap;

/** A capture file format. */
public enum CaptureFormat {
    /** The classic libpcap format. */
    PCAP,
    /** The pcap Next Generation format. */
    PCAPNG
}
