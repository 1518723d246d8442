package dev.trawl.pcap.tck;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An output stream whose every write fails with an {@link IOException} of a given message, as a full disk or
 * a closed pipe does: for tests of what a dumper reports when its stream breaks. Thread-safe (it keeps no
 * state).
 */
public final class FailingOutputStream extends OutputStream {
    private final String message;

    /** A stream whose writes throw {@code new IOException(message)}. */
    public FailingOutputStream(String message) {
        this.message = message;
    }

    @Override
    public void write(int b) throws IOException {
        throw new IOException(message);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        throw new IOException(message);
    }
}
