package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * The clear part of an ESP packet (RFC 4303): the security parameters index and the sequence number; what
 * follows is encrypted.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |               Security Parameters Index (SPI)                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Sequence Number                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  encrypted payload ...                        |
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Esp extends Flyweight {
    /** The length of the clear header. */
    public static final int HEADER_LENGTH = 8;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Esp() {
    }

    /** Points this view at an ESP packet. */
    public Esp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code esp.spi}. */
    public long spi() {
        return u32(0);
    }

    /** {@code esp.sequence}. */
    public long sequence() {
        return u32(4);
    }
}
