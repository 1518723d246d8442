package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A TIPC message header (Transparent Inter-Process Communication, version 2): 32-bit words, the first holding the
 * version, user, header size (in words) and message size, the second the message type; what the others hold
 * depends on the user (a data message's ports and nodes, a link protocol message's sequence numbers, a neighbour
 * detection message's domain and network id).
 *
 * <pre>
 * w0: | ver (3) | user (4) | hsize (4) | ... | msize (17) |
 * w1: | mtype (3) | ...                 | broadcast ack (16) |
 * w2 ... : per user
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Tipc extends TlvMessage {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Tipc() {
    }

    /** Points this view at a TIPC message. */
    public Tipc wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** Word {@code index} of the header (from 0), or 0 when it was not captured. */
    public long word(int index) {
        return u32(4 * index);
    }

    /** {@code tipc.usr}: the user, or 0. */
    public int user() {
        return (int) (word(0) >>> 25) & 0x0f;
    }

    /** The header size in bytes, or 0. */
    public int headerSize() {
        return ((int) (word(0) >>> 21) & 0x0f) * 4;
    }

    /** {@code tipc.msg_size}, or 0. */
    public int messageSize() {
        return (int) word(0) & 0x1ffff;
    }

    /** The version, or 0. */
    public int version() {
        return (int) (word(0) >>> 29) & 0x07;
    }

    /** The message type, or 0. */
    public int messageType() {
        return (int) (word(1) >>> 29) & 0x07;
    }
}
