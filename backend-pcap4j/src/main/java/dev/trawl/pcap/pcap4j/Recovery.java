package dev.trawl.pcap.pcap4j;

import java.io.IOException;

/**
 * Rebuilds the one record libpcap read but pcap4j could not turn into a packet: pcap4j builds a
 * {@code java.sql.Timestamp} for every packet and throws when a damaged file's sub-second field is out of
 * range, after libpcap has consumed the record. Used only on that error path, never per packet.
 */
interface Recovery {
    /**
     * The record libpcap read last.
     *
     * @param index its zero-based index among the records libpcap has handed to pcap4j
     * @throws IOException if it cannot be rebuilt
     */
    Recovered lastRecord(long index) throws IOException;
}
