package dev.trawl.cli;

import dev.trawl.pcap.Packet;

import java.io.IOException;

/**
 * Where the capture loop sends each packet that passed the filters: a printer, a field writer, a dumper.
 * The packet is a view valid only during the call. Not thread-safe.
 */
interface PacketSink extends AutoCloseable {
    /**
     * Takes one packet.
     *
     * @param frameNumber the packet's 1-based number in the input (before display filtering)
     * @return whether the packet was output; false when a display filter dropped it (it then does not count
     *     towards {@code -c})
     */
    boolean accept(Packet packet, long frameNumber) throws IOException;

    /**
     * Called once when the input ended because it had no more packets, and only then: not after a read error,
     * a {@code -c} count or a stop request. What follows the last packet of a file is written here, so that
     * output cut short by damage never shows what lies beyond it.
     */
    default void endOfInput() throws IOException {
    }

    /** Pushes buffered output to its destination. */
    void flush() throws IOException;

    /** Called on a live timeout with no packet: a chance to rotate files by time. */
    default void idle() throws IOException {
    }

    /** Whether the sink wants no more packets (a -G/-W file limit was reached). */
    default boolean finished() {
        return false;
    }

    /** Ends the output, however the input ended, and releases what the sink holds. */
    @Override
    void close() throws IOException;
}
