package dev.trawl.decode.field;

import java.io.IOException;

/**
 * An output that also takes text as ASCII bytes: a writer that knows its line is ASCII (numbers, addresses) makes it
 * as bytes and hands it over in one call, where an {@link Appendable} would take it a character at a time. A byte
 * sink behind an {@code Appendable} (a buffered stream of UTF-8 or ASCII) implements both; the writers of this
 * package use this one when their output has it.
 *
 * <p>Ownership: the bytes are the caller's and valid during the call only; the sink copies what it keeps.
 */
public interface AsciiSink {
    /**
     * Appends the bytes {@code from} (inclusive) to {@code to} (exclusive) of {@code bytes}, each an ASCII
     * character.
     *
     * @throws IOException if the output fails
     */
    void ascii(byte[] bytes, int from, int to) throws IOException;
}
