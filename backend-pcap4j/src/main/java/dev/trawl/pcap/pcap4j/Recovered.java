package dev.trawl.pcap.pcap4j;

import dev.trawl.pcap.TimestampPrecision;

/**
 * A pcap record rebuilt outside pcap4j (see {@link Recovery}): its timestamp as delivered, lengths, bytes.
 *
 * @param seconds whole seconds
 * @param nanos the fraction, 0 to 999,999,999
 * @param originalLength the wire length the record states
 * @param bytes the captured bytes
 */
record Recovered(long seconds, int nanos, int originalLength, byte[] bytes) {
    /**
     * Normalises a record's timestamp fields as libpcap computes them for the precision asked for, carrying an
     * excess fraction into the seconds as tshark shows it.
     *
     * @param secondsField the file's unsigned 32-bit seconds field
     * @param rawFraction the file's fraction field, in the file's unit
     * @param fileNano whether the file holds nanoseconds
     */
    static Recovered of(long secondsField, int rawFraction, boolean fileNano, TimestampPrecision precision,
            int originalLength, byte[] bytes) {
        boolean wantNano = precision == TimestampPrecision.NANO;
        long fraction;
        if (fileNano == wantNano) {
            fraction = rawFraction & 0xffffffffL;
        } else if (fileNano) {
            fraction = rawFraction / 1000; // libpcap scales down with signed arithmetic
        } else {
            fraction = (long) rawFraction * 1000;
        }
        long unitsPerSecond = wantNano ? 1_000_000_000L : 1_000_000L;
        long seconds = secondsField + Math.floorDiv(fraction, unitsPerSecond);
        fraction = Math.floorMod(fraction, unitsPerSecond);
        return new Recovered(seconds, (int) (wantNano ? fraction : fraction * 1000), originalLength, bytes);
    }
}
