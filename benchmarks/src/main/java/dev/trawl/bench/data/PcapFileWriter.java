package dev.trawl.bench.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a classic pcap file (version 2.4, microsecond timestamps, Ethernet, little-endian). The benchmark
 * data must not depend on the code under test, so the files are written by this small independent writer
 * rather than by a trawl {@code Dumper}.
 *
 * <p>Not thread-safe. Close it to flush the last records.
 */
final class PcapFileWriter implements AutoCloseable {
    static final int SNAPLEN = 262_144;
    private static final int LINKTYPE_ETHERNET = 1;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);

    PcapFileWriter(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        buffer.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(SNAPLEN).putInt(LINKTYPE_ETHERNET);
    }

    /** Appends one record whose bytes are {@code frame[0, length)}. */
    void write(long micros, byte[] frame, int length) throws IOException {
        if (buffer.remaining() < 16 + length) {
            flush();
        }
        buffer.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000))
                .putInt(length).putInt(length).put(frame, 0, length);
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            try {
                flush();
            } finally {
                channel.close();
            }
        }
    }
}
