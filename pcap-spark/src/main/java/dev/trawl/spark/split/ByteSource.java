package dev.trawl.spark.split;

import java.io.Closeable;
import java.io.IOException;

/**
 * Random-access bytes of one capture file: a local file, a Hadoop file, or a decompressed stream (which
 * only reads forward). Not thread-safe.
 */
public interface ByteSource extends Closeable {
    /**
     * Reads up to {@code length} bytes at {@code position}.
     *
     * @return the number read; fewer than asked only at the end of the data
     * @throws IOException if reading fails, or a forward-only source is asked to go back
     */
    int read(long position, byte[] target, int offset, int length) throws IOException;

    /** The total length in bytes, or -1 when it is not known before the end (compressed input). */
    long length();

    /** The file's name, for messages. */
    String name();
}
