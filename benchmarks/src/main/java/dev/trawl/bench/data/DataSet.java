package dev.trawl.bench.data;

import java.nio.file.Path;

/**
 * A generated capture file and what is known of it.
 *
 * @param name {@code small} or {@code mix}
 * @param file the pcap file
 * @param packets the number of packets in it
 * @param bytes the captured bytes of all its packets
 * @param matched how many of its packets {@link DataSets#FILTER} matches
 */
public record DataSet(String name, Path file, long packets, long bytes, long matched) {
    /** The mean captured length of a packet. */
    public double meanLength() {
        return packets == 0 ? 0 : (double) bytes / packets;
    }
}
