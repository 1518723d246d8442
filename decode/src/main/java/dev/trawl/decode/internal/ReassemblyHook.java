package dev.trawl.decode.internal;

import dev.trawl.decode.spi.DecodeContext;

/**
 * What the IP decoders ask of a decoder that puts fragmented datagrams back together: when a frame
 * completes a datagram, the decoder decodes the frame again with the whole payload behind the header of the
 * completing fragment, and says so here.
 */
public interface ReassemblyHook {
    /**
     * The length of the reassembled payload behind the IPv4 header, or the IPv6 fragment header, at
     * {@code headerOffset}; -1 when none was put there.
     */
    int reassembledPayload(int headerOffset);

    /** The next header the first fragment of the reassembled IPv6 datagram named. */
    int reassembledProtocol();

    /**
     * Whether the frame being decoded carries, behind its TCP header, a whole message put back together from
     * several segments (so IP's length field, which counts the frame's own segment only, does not end it).
     */
    default boolean streamAssembled() {
        return false;
    }

    /** {@link #streamAssembled} of a context that reassembles, else false. */
    static boolean streamAssembled(DecodeContext ctx) {
        return ctx instanceof ReassemblyHook hook && hook.streamAssembled();
    }

    /** {@link #reassembledPayload} of a context that reassembles, else -1. */
    static int payloadAt(DecodeContext ctx, int headerOffset) {
        return ctx instanceof ReassemblyHook hook ? hook.reassembledPayload(headerOffset) : -1;
    }

    /** {@link #reassembledProtocol} of a context that reassembles. */
    static int protocol(DecodeContext ctx) {
        return ctx instanceof ReassemblyHook hook ? hook.reassembledProtocol() : -1;
    }
}
