package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A ForCES message (RFC 5810), carried in SCTP DATA chunks on ports 6704-6706: a 24-byte header, then
 * top-level TLVs (16-bit type and length, padded to 4 bytes), which hold LFB selectors, operation TLVs,
 * path data and ILVs (32-bit type and length) that a printer walks through {@link TlvMessage}'s accessors.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-------+-------+---------------+-------------------------------+
 * |version| rsvd  | message type  |   length (32-bit words)       |
 * +-------+-------+---------------+-------------------------------+
 * |                         source ID                             |
 * |                       destination ID                          |
 * |                     correlator (64 bits)                      |
 * +---+-----+-----+---+-+---+-------------------------------------+
 * |ACK|prio |rsvd |EM |A|TP |           reserved                  |
 * +---+-----+-----+---+-+---+-------------------------------------+
 * </pre>
 *
 * Wireshark's protocol is {@code forces} ({@code forces.flags}, {@code forces.tlv.type}, ...); decode leaves the
 * payload as data, as Wireshark does on these ports by default, and this view reads it on request. See
 * {@link Flyweight}; not thread-safe.
 */
public final class Forces extends TlvMessage {
    /** The length of the common header. */
    public static final int HEADER_LENGTH = 24;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Forces() {
    }

    /** Points this view at a ForCES message of {@code length} bytes. */
    public Forces wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The version nibble. */
    public int version() {
        return u8(0) >> 4;
    }

    /** The message type ({@code forces.messagetype}). */
    public int messageType() {
        return u8(1);
    }

    /** The message length in bytes (the header states it in 32-bit words). */
    public int messageLength() {
        return u16(2) << 2;
    }

    /** The source ID. */
    public long sourceId() {
        return u32(4);
    }

    /** The destination ID. */
    public long destinationId() {
        return u32(8);
    }

    /** The 64-bit correlator. */
    public long correlator() {
        return u32(12) << 32 | u32(16);
    }

    /** The 32-bit flags word. */
    public long flags() {
        return u32(20);
    }
}
