package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An LDP PDU (RFC 5036): a version, the PDU's length after the first four bytes, and the LDP identifier
 * (an LSR id and a label space); then messages of a 16-bit type, a 16-bit length and a 32-bit id, which a
 * printer walks with the {@link TlvMessage} accessors.
 *
 * <pre>
 * +---------+------------+------------+-------------+-------------------+
 * | version | pdu length | LSR id (4) | label space | messages ...      |
 * +---------+------------+------------+-------------+-------------------+
 *      2          2                         2
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Ldp extends TlvMessage {
    /** The length of the PDU header before the first message. */
    public static final int HEADER_LENGTH = 10;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Ldp() {
    }

    /** Points this view at an LDP PDU. */
    public Ldp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code ldp.hdr.version}. */
    public int version() {
        return u16(0);
    }

    /** {@code ldp.hdr.pdu_len}: the length of the PDU after the version and this field. */
    public int pduLength() {
        return u16(2);
    }

    /** {@code ldp.hdr.ldpid.lsr}, an IPv4 address. */
    public int lsrId() {
        return (int) u32(4);
    }

    /** {@code ldp.hdr.ldpid.lsid}. */
    public int labelSpace() {
        return u16(8);
    }
}
