package dev.trawl.decode.spi;

/**
 * What the IP decoders learn of fragmented datagrams put back together: when a frame completes a datagram, the
 * decoder decodes the frame again with the whole payload right behind the header of the completing fragment
 * (the IPv4 header, or the IPv6 fragment header), and this view says where it put it and how long it is.
 *
 * <p>Reached through {@link DecodeContext#fragments()} during a {@link ProtocolDecoder#decode} call. When the
 * decoder does not reassemble fragments (the default; see
 * {@link dev.trawl.decode.PacketDecoder#reassembleFragments}) there is never a reassembled payload.
 *
 * <p>Implemented by trawl's decoder, not by plugins; not thread-safe (one per decoder).
 */
public interface FragmentReassembly {
    /**
     * The length of the reassembled payload behind the IPv4 header, or the IPv6 fragment header, at
     * {@code headerOffset}; -1 when none was put there.
     */
    int payloadLength(int headerOffset);

    /** The next header that the first fragment of the reassembled IPv6 datagram named. */
    int nextHeader();
}
