package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An IEEE 802.1X (EAPOL) frame: version, packet type and body length, then the body; an EAP packet's body is
 * an EAP message (RFC 3748) of code, identifier, length and, for requests and responses, a type and its data,
 * which a printer reads with the {@link TlvMessage} accessors.
 *
 * <pre>
 * +---------+------+-------------+------+----+--------+------+-----------+
 * | version | type | body length | code | id | length | type | data ...  |
 * +---------+------+-------------+------+----+--------+------+-----------+
 *      1       1          2        1     1       2       1
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Eapol extends TlvMessage {
    /** The length of the EAPOL header before the body. */
    public static final int HEADER_LENGTH = 4;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Eapol() {
    }

    /** Points this view at an EAPOL frame. */
    public Eapol wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code eapol.version}. */
    public int version() {
        return u8(0);
    }

    /** {@code eapol.type}: 0 EAP packet, 1 start, 2 logoff, 3 key, 4 ASF alert. */
    public int type() {
        return u8(1);
    }

    /** {@code eapol.len}. */
    public int bodyLength() {
        return u16(2);
    }
}
