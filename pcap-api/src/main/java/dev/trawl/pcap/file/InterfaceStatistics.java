package dev.trawl.pcap.file;

import java.time.Instant;
import java.util.List;

/**
 * A pcapng Interface Statistics Block: counters of one interface at one moment. Counters the block does not
 * carry are -1. Immutable; also what {@link PcapngDumper#writeStatistics} writes.
 *
 * @param interfaceId the interface, within its section
 * @param timestamp when the counters were taken
 * @param received {@code isb_ifrecv}: packets received by the interface
 * @param dropped {@code isb_ifdrop}: packets dropped by the interface for lack of resources
 * @param filterAccepted {@code isb_filteraccept}: packets accepted by the filter
 * @param osDropped {@code isb_osdrop}: packets dropped by the operating system
 * @param delivered {@code isb_usrdeliv}: packets delivered to the user
 * @param comments the block's comments
 */
public record InterfaceStatistics(int interfaceId, Instant timestamp, long received, long dropped,
        long filterAccepted, long osDropped, long delivered, List<String> comments) {

    public InterfaceStatistics {
        comments = List.copyOf(comments);
    }

    /** Statistics with received and dropped counts only. */
    public static InterfaceStatistics of(int interfaceId, Instant timestamp, long received, long dropped) {
        return new InterfaceStatistics(interfaceId, timestamp, received, dropped, -1, -1, -1, List.of());
    }
}
