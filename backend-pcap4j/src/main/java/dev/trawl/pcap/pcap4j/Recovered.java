package dev.trawl.pcap.pcap4j;

import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.spi.PcapRecordTime;

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
     * Normalises a record's timestamp fields as libpcap delivers them for the precision asked for, carrying an
     * out-of-range fraction into the seconds (see {@link PcapRecordTime}).
     *
     * @param secondsField the file's unsigned 32-bit seconds field
     * @param rawFraction the file's fraction field, in the file's unit
     * @param swapped whether the file's byte order differs from this machine's
     * @param fileNano whether the file holds nanoseconds
     */
    static Recovered of(long secondsField, int rawFraction, boolean swapped, boolean fileNano,
            TimestampPrecision precision, int originalLength, byte[] bytes) {
        long fraction = PcapRecordTime.fractionNanos(rawFraction, swapped, fileNano,
                precision == TimestampPrecision.NANO);
        return new Recovered(PcapRecordTime.seconds(secondsField, fraction), PcapRecordTime.nanos(fraction),
                originalLength, bytes);
    }
}
