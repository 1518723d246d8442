package dev.trawl.decode.spi;

/**
 * What a {@link ProtocolDecoder} sees of the packet being decoded and of the decoder decoding it: the id of the
 * protocol it was called for, the layers found so far, the dispatch tables, the options, and the state the
 * decoder keeps across packets when asked to (conversations followed, streams and fragments put back together).
 * Everything a built-in decoder uses is here, so a plugin's decoder can do what a built-in one does.
 *
 * <p>One context belongs to one {@link dev.trawl.decode.PacketDecoder} and is only valid during a
 * {@link ProtocolDecoder#decode} call; it is not thread-safe. The default methods describe a decoder that keeps
 * no state across packets.
 */
public interface DecodeContext {
    /**
     * The id of the protocol the decoder is being called for: the id its decoder was registered under. A decoder
     * records its own layers with it, so that it needs no other way of learning its id, and one decoder can serve
     * several names.
     */
    int protocol();

    /**
     * Records a layer. {@code headerLength} may exceed {@code end - offset} when the header is truncated
     * (flag it {@link dev.trawl.decode.LayerFlags#TRUNCATED}); fields read it only as far as the bytes go.
     *
     * @param protocol the layer's protocol id
     * @param offset where its header starts
     * @param headerLength the length of its header
     * @param end the index just past its last byte (header and payload)
     * @return the new layer's index, or -1 when the packet already holds the maximum number of layers
     */
    int addLayer(int protocol, int offset, int headerLength, int end);

    /** Adds flags ({@link dev.trawl.decode.LayerFlags}) to a layer; ignores an index of -1. */
    void flag(int layer, int flags);

    /**
     * Sets the region of the next protocol; by default it follows the last layer added. A decoder that
     * records no layer of its own (a header Wireshark does not list) may still pass on a region, as long as
     * it starts after its own.
     */
    void next(int offset, int end);

    /**
     * Lets the next protocol be decoded even when its region is empty, as Wireshark hands an IP payload to
     * the next dissector even when the capture (or the datagram) ends with the IP header; the next decoder
     * then records a truncated layer. Applies to the current step only.
     */
    void nextEvenIfEmpty();

    /** The protocol bound to {@code key} in dispatch table {@code table} ({@link Dispatch}), or NONE. */
    int lookup(int table, int key);

    /**
     * The protocol bound to one of two ports in {@code table}, trying the lower port first (as Wireshark
     * does), or NONE.
     */
    int lookupPorts(int table, int port1, int port2);

    /** Whether the caller asked for checksums to be verified. */
    boolean verifyChecksums();

    /**
     * Whether the payload of a first fragment (offset 0, more to come) is decoded as far as its bytes go, as
     * tcpdump prints it, rather than kept opaque as Wireshark keeps it. False unless the caller asked for it.
     */
    default boolean decodeFirstFragments() {
        return false;
    }

    /** The number of layers recorded so far. */
    int layerCount();

    /** The protocol id of layer {@code index}. */
    int protocolAt(int index);

    /** The flags of layer {@code index}. */
    int flagsAt(int index);

    /** The header offset of layer {@code index}. */
    int offsetAt(int index);

    /** The original (on-the-wire) length of the frame; may exceed the captured bytes. */
    int originalLength();

    /**
     * The conversations the decoder follows ({@link dev.trawl.decode.PacketDecoder#followConversations}); never
     * null: when it follows none, expecting one does nothing and looking one up finds nothing.
     */
    default Conversations conversations() {
        return Stateless.CONVERSATIONS;
    }

    /**
     * The decoder's reassembly of messages that span TCP segments
     * ({@link dev.trawl.decode.PacketDecoder#reassembleStreams}); never null: when it does not reassemble them,
     * nothing is kept.
     */
    default StreamReassembly streams() {
        return Stateless.STREAMS;
    }

    /**
     * What the decoder's reassembly of IP fragments put behind the header being decoded
     * ({@link dev.trawl.decode.PacketDecoder#reassembleFragments}); never null: when it does not reassemble them,
     * there is never a reassembled payload.
     */
    default FragmentReassembly fragments() {
        return Stateless.FRAGMENTS;
    }
}
