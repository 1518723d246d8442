package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A VLAN Query Protocol message (Cisco's VMPS queries, UDP port 1589): an 8-byte header, then {@code items}
 * objects, each a 32-bit type and a 16-bit length before its value.
 *
 * <pre>
 * +---------+----------+------------+-------+------------------+
 * | version | msg type | error code | items | sequence (32)    |
 * +---------+----------+------------+-------+------------------+
 * | object type (32)            | object length (16) | value ... |
 * +-----------------------------+--------------------+-----------+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Vqp extends TlvMessage {
    /** The length of the header. */
    public static final int HEADER_LENGTH = 8;
    /** The length of an object's type and length. */
    public static final int OBJECT_HEADER_LENGTH = 6;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Vqp() {
    }

    /** Points this view at a VQP message. */
    public Vqp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code vqp.version}. */
    public int version() {
        return u8(0);
    }

    /** {@code vqp.type}: 1 join request, 2 VLAN response, 3 reconfirm request, 4 reconfirm response. */
    public int messageType() {
        return u8(1);
    }

    /** {@code vqp.error}. */
    public int errorCode() {
        return u8(2);
    }

    /** The number of objects that follow the header. */
    public int items() {
        return u8(3);
    }

    /** {@code vqp.seq_num}. */
    public long sequence() {
        return u32(4);
    }
}
