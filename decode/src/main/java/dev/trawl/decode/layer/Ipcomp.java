package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An IP payload compression header (RFC 3173); the compressed payload follows it.
 *
 * <pre>
 * +-------------+-------+-------------------------------+
 * | next header | flags | compression parameter index   |
 * +-------------+-------+-------------------------------+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Ipcomp extends Flyweight {
    /** The length of the header. */
    public static final int HEADER_LENGTH = 4;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Ipcomp() {
    }

    /** Points this view at an IPComp header. */
    public Ipcomp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code ipcomp.nxt}: the protocol of the payload once decompressed. */
    public int nextHeader() {
        return u8(0);
    }

    /** {@code ipcomp.flags}. */
    public int flags() {
        return u8(1);
    }

    /** {@code ipcomp.cpi}: the compression parameter index. */
    public int cpi() {
        return u16(2);
    }
}
