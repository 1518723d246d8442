package dev.trawl.decode.layer;

/**
 * What the fixed headers of CLNP (ISO 8473) and ES-IS (ISO 9542) share: after the network layer protocol id, the
 * header's length (its length indicator) and the version; at offset 7 the checksum, which ISO 8473's algorithm
 * computes over the length indicator's bytes. See {@link Flyweight}; not thread-safe.
 */
public abstract class OsiHeader extends TlvMessage {
    /** The length of the fixed header. */
    public static final int HEADER_LENGTH = 9;
    private static final int CHECKSUM_OFFSET = 7;

    /** Creates an unwrapped view. */
    protected OsiHeader() {
    }

    /** {@code clnp.len}, {@code esis.length}: the header's length, addresses and options included. */
    public int lengthIndicator() {
        return u8(1);
    }

    /** {@code clnp.version}, {@code esis.ver}. */
    public int version() {
        return u8(2);
    }

    /** The PDU type: the low five bits of the fifth byte. */
    public int pduType() {
        return u8(4) & 0x1F;
    }

    /** {@code clnp.checksum}, {@code esis.chksum}. */
    public int checksum() {
        return u16(CHECKSUM_OFFSET);
    }

    /**
     * The checksum the header should carry, or -1 when it cannot be verified (the length indicator's bytes were not
     * all captured).
     */
    public int expectedChecksum() {
        return Isis.osiChecksum(this, 0, CHECKSUM_OFFSET, lengthIndicator());
    }
}
