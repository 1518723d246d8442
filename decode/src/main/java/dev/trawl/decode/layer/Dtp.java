package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A Cisco Dynamic Trunking Protocol message: a version byte, then records of a 16-bit type and a 16-bit length
 * that counts the four header bytes (domain, status, trunk type, neighbour). See {@link Flyweight}; not
 * thread-safe.
 */
public final class Dtp extends TlvMessage {
    /** Where the first record starts. */
    public static final int FIRST_TLV = 1;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Dtp() {
    }

    /** Points this view at a DTP message. */
    public Dtp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    public int version() {
        return u8(0);
    }
}
