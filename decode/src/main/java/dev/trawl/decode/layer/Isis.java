package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An IS-IS PDU (ISO 10589): the 8-byte common header, then the header of its PDU type and TLVs of a type byte
 * and a length byte, which a printer reads with the {@link TlvMessage} accessors.
 *
 * <pre>
 * +-------+-----------+---------+-----------+----------+-------------+----------+----------+
 * | nlpid | fixed len | version | id length | pdu type | pdu version | reserved | max area |
 * +-------+-----------+---------+-----------+----------+-------------+----------+----------+
 * | PDU type's header (hello: circuit type, source id, holding time, PDU length, ...)       |
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Isis extends TlvMessage {
    /** The length of the common header. */
    public static final int HEADER_LENGTH = 8;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Isis() {
    }

    /** Points this view at an IS-IS PDU. */
    public Isis wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code isis.len}: the length of the common and PDU-specific headers. */
    public int fixedLength() {
        return u8(1);
    }

    /** {@code isis.version}. */
    public int version() {
        return u8(2);
    }

    /** {@code isis.sysid_len}: 0 stands for 6. */
    public int idLength() {
        return u8(3);
    }

    /** The PDU type byte, its three reserved high bits included ({@code isis.type} is the low five). */
    public int pduTypeByte() {
        return u8(4);
    }

    /** {@code isis.version2}. */
    public int pduVersion() {
        return u8(5);
    }

    /** {@code isis.max_area_adr}: 0 stands for 3. */
    public int maxAreas() {
        return u8(7);
    }
}
