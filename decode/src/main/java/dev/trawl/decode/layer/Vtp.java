package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A Cisco VLAN Trunking Protocol message (SNAP, Cisco OUI, protocol id 0x2003): a 36-byte header with the
 * management domain, then what the message type carries (a summary's revision, updater, timestamp and digest; a
 * subset advertisement's VLAN records; a request's start value).
 *
 * <pre>
 * +---------+------+----------------------+---------------+
 * | version | code | followers / sequence | domain length |
 * +---------+------+----------------------+---------------+
 * | management domain name (32, zero padded)               |
 * +--------------------------------------------------------+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Vtp extends TlvMessage {
    /** The length of the header. */
    public static final int HEADER_LENGTH = 36;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Vtp() {
    }

    /** Points this view at a VTP message. */
    public Vtp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code vtp.version}. */
    public int version() {
        return u8(0);
    }

    /** {@code vtp.code}: 1 summary, 2 subset, 3 request, 4 join. */
    public int code() {
        return u8(1);
    }

    /** The followers of a summary, the sequence number of a subset. */
    public int followers() {
        return u8(2);
    }

    /** {@code vtp.md_len}. */
    public int domainLength() {
        return u8(3);
    }
}
