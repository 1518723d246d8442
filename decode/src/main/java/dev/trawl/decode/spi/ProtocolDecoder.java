package dev.trawl.decode.spi;

/**
 * Decodes one protocol header and names the protocol that follows it. Implementations are registered once
 * through a {@link DecoderPlugin} and shared by every decoder on every thread, so they must be stateless
 * (or immutable) and must not allocate per packet.
 *
 * <p>Contract: read only bytes in {@code [offset, end)} of {@code buf}, using absolute indexes; never write
 * to the array; never throw. The array is the packet's backing array (or the decoder's copy of the packet):
 * decoding works on arrays because their reads compile to plain loads, where a {@code ByteBuffer}'s
 * {@code get(int)} becomes a virtual call as soon as heap, read-only and direct buffers are all in use. Record
 * the header with {@link DecodeContext#addLayer} (under {@link DecodeContext#protocol()}, the id the decoder
 * was called for), flag what is wrong with {@link DecodeContext#flag}, and return the next protocol's id
 * (usually found with {@link DecodeContext#lookup}) or {@link dev.trawl.decode.Protocols#NONE}. By default the
 * next protocol starts right after the last layer added and ends where that layer ends; call
 * {@link DecodeContext#next(int, int)} to say otherwise.
 */
@FunctionalInterface
public interface ProtocolDecoder {
    /** Returned by {@link #decode} when the bytes are not this protocol (a heuristic said no). */
    int REJECT = -2;

    /**
     * Returned by {@link #decode} when the bytes are this protocol but only the start (or a middle part) of a
     * message that continues in later segments. Nothing is recorded for them, as Wireshark shows nothing above
     * the transport for a segment it holds back for reassembly; the bytes stay the transport's payload.
     */
    int INCOMPLETE = -3;

    /**
     * Decodes the header at {@code offset}.
     *
     * @param buf the array holding the packet, read-only in effect; absolute indexes
     * @param offset where this protocol's header starts
     * @param end the index just past the last byte that belongs to this protocol and its payload
     * @param ctx where the layer is recorded and the next protocol looked up
     * @return the id of the next protocol, {@link dev.trawl.decode.Protocols#NONE}, or {@link #REJECT}
     */
    int decode(byte[] buf, int offset, int end, DecodeContext ctx);
}
