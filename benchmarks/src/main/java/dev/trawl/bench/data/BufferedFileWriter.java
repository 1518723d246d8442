package dev.trawl.bench.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What the benchmark's capture file writers share: a file written through one little-endian buffer of 1 MiB.
 * Subclasses put their header in {@link #buffer} when constructed and call {@link #reserve} before each
 * record. Not thread-safe. Close it to flush the last records.
 */
abstract class BufferedFileWriter implements AutoCloseable {
    private final FileChannel channel;
    /** Where records are put; flushed to the file when full and on close. */
    final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);

    BufferedFileWriter(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
    }

    /** Makes room for {@code bytes} more bytes in {@link #buffer}. */
    final void reserve(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            flush();
        }
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    @Override
    public final void close() throws IOException {
        if (channel.isOpen()) {
            try {
                flush();
            } finally {
                channel.close();
            }
        }
    }
}
