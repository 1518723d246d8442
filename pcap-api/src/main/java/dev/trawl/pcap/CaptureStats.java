package dev.trawl.pcap;

/**
 * Packet counts of a live capture since it was opened, as {@code pcap_stats} reports them. The counters
 * are unsigned 32-bit values in libpcap and may wrap; they are widened to {@code long} here.
 *
 * @param received packets received by the filter (those that passed it, whether or not buffered)
 * @param dropped packets dropped because the buffer was full
 * @param interfaceDropped packets dropped by the interface or its driver, where the platform reports it
 */
public record CaptureStats(long received, long dropped, long interfaceDropped) {
}
