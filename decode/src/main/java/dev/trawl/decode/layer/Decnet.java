package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A DECnet Phase IV routing-layer packet on Ethernet ({@code dec_dna}): a little-endian length of what follows it,
 * then optional padding (a first byte with its high bit set counts the pad bytes, itself included), then the
 * routing flags. A control message (flags bit 0) is a hello, routing or initialisation message; a data packet has
 * a short (6-byte) or long (21-byte) routing header, then an NSP message.
 *
 * <pre>
 * | length (2, LE) | [pad] | flags | ...
 * short data header: | flags | dst node (2, LE) | src node (2, LE) | visits |
 * long data header:  | flags | d-area | d-subarea | dst id (6) | s-area | s-subarea | src id (6) | nl2 | visits |
 *                    | class | protocol type |
 * NSP: | msgflag | dst link (2, LE) | src link (2, LE) | ...
 * </pre>
 *
 * Multi-byte fields are little-endian: {@link #le16At(int)} reads them. A node address is a 6-bit area and a
 * 10-bit node ({@link #area(int)}, {@link #node(int)}). See {@link Flyweight}; not thread-safe.
 */
public final class Decnet extends TlvMessage {
    /** The length of the short data header, and the least a packet's length may say. */
    public static final int SHORT_HEADER = 6;
    /** The length of the long data header. */
    public static final int LONG_HEADER = 21;
    /** The length of the NSP header common to every message: flags and two link addresses. */
    public static final int NSP_HEADER = 5;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Decnet() {
    }

    /** Points this view at a routing-layer packet, from its length field. */
    public Decnet wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The length field: how many bytes follow it. */
    public int packetLength() {
        return u16le(0);
    }

    /** The unsigned little-endian 16-bit value at {@code rel}, or 0 outside the region. */
    public int le16At(int rel) {
        return u16le(rel);
    }

    /** The area of a node address (its top 6 bits). */
    public static int area(int address) {
        return (address >>> 10) & 0x3F;
    }

    /** The node number within its area of a node address (its low 10 bits). */
    public static int node(int address) {
        return address & 0x3FF;
    }
}
