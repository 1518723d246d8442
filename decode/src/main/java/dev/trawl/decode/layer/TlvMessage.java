package dev.trawl.decode.layer;

/**
 * Base of the flyweights of messages made of type-length-value records (CDP, LLDP, UDLD, the slow protocols)
 * or of records past a fixed header (spanning tree's MSTI records, VTP's VLAN records), which a printer walks:
 * it reads each record's header and value at offsets it computes from the lengths, through these
 * bounds-checked accessors. See {@link Flyweight}; not thread-safe.
 */
public abstract class TlvMessage extends Flyweight {
    /** Creates an unwrapped view. */
    protected TlvMessage() {
    }

    /** The unsigned byte at {@code rel}, or 0 outside the region. */
    public final int byteAt(int rel) {
        return u8(rel);
    }

    /** The unsigned big-endian 16-bit value at {@code rel}, or 0. */
    public final int shortAt(int rel) {
        return u16(rel);
    }

    /** The unsigned big-endian 32-bit value at {@code rel}, or 0. */
    public final long intAt(int rel) {
        return u32(rel);
    }

    /** The 48-bit value at {@code rel} (a MAC address), or 0. */
    public final long macAt(int rel) {
        return u48(rel);
    }

    /** The number of bytes of the region from {@code rel} on (0 past its end). */
    public final int remaining(int rel) {
        return Math.max(0, regionLength() - rel);
    }
}
