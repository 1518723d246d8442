package dev.trawl.bench.data;

import java.nio.file.Path;

/**
 * A generated capture file and what is known of it.
 *
 * @param name {@code small} or {@code mix}, or {@code small-pcapng} or {@code mix-pcapng} for their pcapng twins
 * @param file the capture file: pcap, or pcapng for a twin
 * @param packets the number of packets in it
 * @param bytes the captured bytes of all its packets
 * @param matched how many of its packets {@link DataSets#FILTER} matches
 * @param head the same data set's first packets in a file of their own (see {@link Scale#headPackets()}),
 *     or {@code null} for a head itself
 */
public record DataSet(String name, Path file, long packets, long bytes, long matched, DataSet head) {
    /** The head of this data set, or this data set when it has none. */
    public DataSet headOrSelf() {
        return head == null ? this : head;
    }

    /** The mean captured length of a packet. */
    public double meanLength() {
        return packets == 0 ? 0 : (double) bytes / packets;
    }
}
