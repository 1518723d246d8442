package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An HSRP version 0 message (RFC 2281).
 *
 * <pre>
 * +---------+---------+-------+-----------+----------+----------+-------+----------+
 * | version | op code | state | hellotime | holdtime | priority | group | reserved |
 * +---------+---------+-------+-----------+----------+----------+-------+----------+
 * |                    authentication data (8)                                     |
 * |                    virtual IP address (4)                                      |
 * +--------------------------------------------------------------------------------+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Hsrp extends TlvMessage {
    /** The length of a version 0 message. */
    public static final int LENGTH = 20;
    /** Where the authentication data starts. */
    public static final int AUTH_OFFSET = 8;
    /** The length of the authentication data. */
    public static final int AUTH_LENGTH = 8;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Hsrp() {
    }

    /** Points this view at an HSRP message. */
    public Hsrp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code hsrp.version}. */
    public int version() {
        return u8(0);
    }

    /** {@code hsrp.opcode}: 0 hello, 1 coup, 2 resign. */
    public int opcode() {
        return u8(1);
    }

    /** {@code hsrp.state}. */
    public int state() {
        return u8(2);
    }

    /** {@code hsrp.hellotime}, in seconds. */
    public int helloTime() {
        return u8(3);
    }

    /** {@code hsrp.holdtime}, in seconds. */
    public int holdTime() {
        return u8(4);
    }

    /** {@code hsrp.priority}. */
    public int priority() {
        return u8(5);
    }

    /** {@code hsrp.group}. */
    public int group() {
        return u8(6);
    }

    /** {@code hsrp.reserved}. */
    public int reserved() {
        return u8(7);
    }

    /** {@code hsrp.virt_ip}. */
    public int virtualAddress() {
        return (int) u32(16);
    }
}
