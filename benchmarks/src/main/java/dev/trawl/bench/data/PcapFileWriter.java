package dev.trawl.bench.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a classic pcap file (version 2.4, microsecond timestamps, Ethernet, little-endian). The benchmark
 * data must not depend on the code under test, so the files are written by this small independent writer
 * rather than by a trawl {@code Dumper}.
 *
 * <p>Not thread-safe. Close it to flush the last records.
 */
final class PcapFileWriter extends BufferedFileWriter {
    static final int SNAPLEN = 262_144;
    private static final int LINKTYPE_ETHERNET = 1;

    PcapFileWriter(Path file) throws IOException {
        super(file);
        buffer.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(SNAPLEN).putInt(LINKTYPE_ETHERNET);
    }

    /** Appends one record whose bytes are {@code frame[0, length)}. */
    void write(long micros, byte[] frame, int length) throws IOException {
        reserve(16 + length);
        buffer.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000))
                .putInt(length).putInt(length).put(frame, 0, length);
    }
}
