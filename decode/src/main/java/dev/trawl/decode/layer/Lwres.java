package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A BIND 9 lightweight resolver packet (UDP port 921): a 28-byte header, then per opcode a request or response
 * body of counted names and addresses, which a printer walks through the {@link TlvMessage} accessors.
 *
 * <pre>
 * length (32) | version (16) | flags (16) | serial (32) | opcode (32) | result (32) | receive length (32)
 * | auth type (16) | auth length (16)
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Lwres extends TlvMessage {
    public static final int HEADER_LENGTH = 28;
    public static final int RESPONSE = 0x0001;
    public static final long NOOP = 0;
    public static final long GET_ADDRS_BY_NAME = 0x0001_0001L;
    public static final long GET_NAME_BY_ADDR = 0x0001_0002L;
    public static final long GET_RDATA_BY_NAME = 0x0001_0003L;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Lwres() {
    }

    /** Points this view at a packet whose {@code length} bytes were captured. */
    public Lwres wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The packet's stated length. */
    public long length() {
        return u32(0);
    }

    public int version() {
        return u16(4);
    }

    public int flags() {
        return u16(6);
    }

    public long serial() {
        return u32(8);
    }

    public long opcode() {
        return u32(12);
    }

    public long result() {
        return u32(16);
    }

    public long receiveLength() {
        return u32(20);
    }

    public int authType() {
        return u16(24);
    }

    public int authLength() {
        return u16(26);
    }
}
