package dev.trawl.pcap.file;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;

/** Input from bytes already in memory: the whole capture is the window. */
final class BufferInput extends Input {
    BufferInput(ByteBuffer bytes, String name) {
        super(name);
        setBuffer(bytes.slice());
        end = buf.limit();
    }

    @Override
    boolean fill(int n) {
        return false; // everything there is, is already there
    }

    @Override
    void seek(long offset) {
        pos = (int) Math.max(0, Math.min(offset, end));
    }

    @Override
    long length() {
        return end;
    }

    @Override
    InputStream rawStream() {
        byte[] all = new byte[end];
        buf.get(0, all);
        return new ByteArrayInputStream(all);
    }

    @Override
    public void close() {
    }
}
