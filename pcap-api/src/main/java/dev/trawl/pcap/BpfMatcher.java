package dev.trawl.pcap;

import java.nio.ByteBuffer;

/**
 * A compiled filter that runs over one packet at a time, with the semantics of libpcap's {@code bpf_filter}:
 * a load past the captured bytes, or a division by zero, rejects the packet. {@link BpfProgram} is one,
 * interpreting its instructions; the {@code trawl-filter} module's {@code BpfJit} turns a program into
 * another, compiled to JVM bytecode, with the same verdicts.
 *
 * <p>Implementations are immutable and thread-safe, and allocate nothing per call for heap buffers and
 * big-endian direct buffers.
 */
@FunctionalInterface
public interface BpfMatcher {
    /**
     * Runs the filter on a packet held at an offset of a buffer, as {@code pcap_offline_filter} does on a
     * pointer and a header: packets held side by side in one buffer need no view each. The packet is read
     * in network byte order; the buffer's position, limit and byte order are neither used nor changed, and
     * it stays the caller's.
     *
     * @param buffer the buffer holding the packet
     * @param offset where the packet starts in the buffer
     * @param capturedLength how many bytes were captured; loads beyond them reject the packet
     * @param originalLength the packet's length on the wire ({@code len} loads see this)
     * @return the number of bytes to keep; zero means the packet is rejected
     * @throws IndexOutOfBoundsException if the captured bytes do not lie within the buffer's limit
     */
    int run(ByteBuffer buffer, int offset, int capturedLength, int originalLength);

    /** Whether the filter accepts the packet, as {@link #run(ByteBuffer, int, int, int)} decides. */
    default boolean matches(ByteBuffer buffer, int offset, int capturedLength, int originalLength) {
        return run(buffer, offset, capturedLength, originalLength) != 0;
    }
}
