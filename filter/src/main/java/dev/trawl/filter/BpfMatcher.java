package dev.trawl.filter;

import java.nio.ByteBuffer;

/**
 * A compiled packet filter, as {@link BpfJit#compile} returns it. Implementations are immutable and
 * thread-safe, and allocate nothing per call.
 */
@FunctionalInterface
public interface BpfMatcher {
    /**
     * Runs the filter on one packet with {@code bpf_filter} semantics: a load past the captured bytes or a
     * division by zero rejects the packet.
     *
     * @param buf a big-endian buffer holding the packet; read by index (from its array when it has an
     *     accessible one), its position and limit are not used and not changed; the caller keeps ownership
     * @param offset where the packet starts in the buffer
     * @param caplen how many bytes were captured (offset + caplen must not exceed the buffer's limit)
     * @param wirelen the packet's length on the wire (what {@code len} compares)
     * @return the number of bytes to keep; zero means the packet is rejected
     * @throws IllegalArgumentException if the buffer is not big-endian or the range lies outside it
     */
    int run(ByteBuffer buf, int offset, int caplen, int wirelen);

    /** Whether the filter accepts the packet. */
    default boolean matches(ByteBuffer buf, int offset, int caplen, int wirelen) {
        return run(buf, offset, caplen, wirelen) != 0;
    }
}
