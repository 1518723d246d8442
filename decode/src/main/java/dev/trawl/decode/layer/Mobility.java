package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An IPv6 mobility header (RFC 6275): a payload protocol, a length in 8-byte units not counting the first
 * eight bytes, the message type, a checksum and the message's own fields, then mobility options of a type
 * byte and a length byte (Pad1 has no length), which a printer reads with the {@link TlvMessage} accessors.
 *
 * <pre>
 * +---------------+---------------+---------------+---------------+
 * | Payload Proto |  Header Len   |   MH Type     |   Reserved    |
 * +---------------+---------------+---------------+---------------+
 * |           Checksum            |    Message Data ...           |
 * +---------------+---------------+---------------+---------------+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Mobility extends TlvMessage {
    /** The length of the smallest header. */
    public static final int MIN_LENGTH = 8;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Mobility() {
    }

    /** Points this view at a mobility header. */
    public Mobility wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code mip6.hlen}: the header's length in 8-byte units, not counting the first eight bytes. */
    public int headerLengthField() {
        return u8(1);
    }

    /** The header's length in bytes. */
    public int headerLength() {
        return (u8(1) + 1) << 3;
    }

    /** {@code mip6.mhtype}. */
    public int type() {
        return u8(2);
    }

    /** {@code mip6.csum}. */
    public int checksum() {
        return u16(4);
    }

    /** Copies the 16 bytes at {@code rel} (an address) into {@code dst}. */
    public void addressAt(int rel, byte[] dst) {
        copy(rel, dst);
    }
}
