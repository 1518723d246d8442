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

    /**
     * Whether the nanoseconds pcap4j built for a record cannot be the record's: pcap4j scales the fraction in
     * 32-bit {@code int} arithmetic, so a microsecond field far out of range can wrap into range without an
     * error. A microsecond file's true fraction is always a multiple of 1000 nanoseconds; a wrapped one is not,
     * unless the field lies within one second above a non-zero multiple of 2^29 microseconds, which stays
     * unseen.
     */
    boolean wrapped(int nanos);

    /** The error that stands for a wrapped fraction where pcap4j raised none. */
    static IllegalArgumentException wrappedFraction(int nanos) {
        return new IllegalArgumentException("pcap4j wrapped it to " + nanos + " nanoseconds");
    }

    /** {@link #wrapped} for a file or stream whose records hold microseconds ({@code fileNano} false). */
    static boolean wrapped(boolean fileNano, int nanos) {
        return !fileNano && nanos % 1000 != 0;
    }
}
