package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An MPLS echo request or reply (LSP ping, RFC 8029): a 32-byte header, then TLVs of a 16-bit type and a
 * 16-bit length, which a printer walks with the {@link TlvMessage} accessors.
 *
 * <pre>
 * +----------------+-----------------+----------+------------+-------------+----------------+
 * | version (2)    | global flags (2)| msg type | reply mode | return code | return subcode |
 * +----------------+-----------------+----------+------------+-------------+----------------+
 * | sender's handle (4) | sequence number (4) | timestamps sent and received (4 x 4)        |
 * +---------------------+---------------------+---------------------------------------------+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class MplsEcho extends TlvMessage {
    /** The length of the header before the first TLV. */
    public static final int HEADER_LENGTH = 32;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public MplsEcho() {
    }

    /** Points this view at an MPLS echo message. */
    public MplsEcho wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code mpls_echo.version}. */
    public int version() {
        return u16(0);
    }

    /** {@code mpls_echo.msg_type}: 1 request, 2 reply. */
    public int messageType() {
        return u8(4);
    }

    /** {@code mpls_echo.reply_mode}. */
    public int replyMode() {
        return u8(5);
    }

    /** {@code mpls_echo.sequence}. */
    public long sequence() {
        return u32(12);
    }
}
