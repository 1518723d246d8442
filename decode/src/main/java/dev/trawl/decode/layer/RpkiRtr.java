package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * The PDUs of the RPKI to router protocol (RFC 6810) over TCP port 323, one after another, each with this header:
 *
 * <pre>
 * +---------+----------+-------------------------------+
 * | version | PDU type | session ID / error code (16)  |
 * +---------+----------+-------------------------------+
 * |                  length (32)                       |
 * +----------------------------------------------------+
 * </pre>
 *
 * Offsets are relative to the view's start, so that a printer walks the PDUs with one view. See {@link Flyweight};
 * not thread-safe.
 */
public final class RpkiRtr extends TlvMessage {
    /** The length of a PDU's header. */
    public static final int HEADER_LENGTH = 8;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public RpkiRtr() {
    }

    /** Points this view at a TCP payload. */
    public RpkiRtr wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code rpkirtr.version} of the PDU at {@code rel}. */
    public int version(int rel) {
        return u8(rel);
    }

    /** {@code rpkirtr.pdu_type} of the PDU at {@code rel}. */
    public int pduType(int rel) {
        return u8(rel + 1);
    }

    /** {@code rpkirtr.session_id} (or an error report's {@code rpkirtr.error_code}) of the PDU at {@code rel}. */
    public int sessionId(int rel) {
        return u16(rel + 2);
    }

    /** {@code rpkirtr.length} of the PDU at {@code rel}. */
    public long length(int rel) {
        return u32(rel + 4);
    }
}
