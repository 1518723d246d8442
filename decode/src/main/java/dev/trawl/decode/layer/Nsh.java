package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A Network Service Header (RFC 8300): the base header, the service path header and context headers, the
 * length counting 4-byte words.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Ver|O|U|    TTL    |   Length  |U|U|U|U|MD Type| Next Protocol |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Service Path Identifier (SPI)        | Service Index |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  Context Header(s) ...                        |
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Nsh extends TlvMessage {
    /** The length of the base and service path headers. */
    public static final int MIN_LENGTH = 8;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Nsh() {
    }

    /** Points this view at a network service header. */
    public Nsh wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code nsh.version}. */
    public int version() {
        return u8(0) >>> 6;
    }

    /** The O and U flag bits ({@code nsh.oam} is 0x2). */
    public int flags() {
        return (u8(0) >>> 4) & 0x3;
    }

    /** {@code nsh.ttl}. */
    public int ttl() {
        return (u16(0) >>> 6) & 0x3F;
    }

    /** {@code nsh.length}, in 4-byte words. */
    public int lengthWords() {
        return u8(1) & 0x3F;
    }

    /** {@code nsh.mdtype}. */
    public int mdType() {
        return u8(2) & 0x0F;
    }

    /** {@code nsh.nextproto}: 1 IPv4, 2 IPv6, 3 Ethernet, 4 NSH, 5 MPLS. */
    public int nextProtocol() {
        return u8(3);
    }

    /** {@code nsh.spi}. */
    public int servicePathId() {
        return u24(4);
    }

    /** {@code nsh.si}. */
    public int serviceIndex() {
        return u8(7);
    }
}
