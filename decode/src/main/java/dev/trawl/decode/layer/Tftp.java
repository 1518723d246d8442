package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A TFTP packet (RFC 1350, options RFC 2347): a 16-bit opcode, then per opcode NUL-terminated text (file name,
 * mode, option names and values, an error message) or 16-bit numbers (block, error code), which a printer reads
 * through the {@link TlvMessage} accessors. See {@link Flyweight}; not thread-safe.
 */
public final class Tftp extends TlvMessage {
    /** Read request. */
    public static final int RRQ = 1;
    /** Write request. */
    public static final int WRQ = 2;
    /** A block of data. */
    public static final int DATA = 3;
    /** Acknowledgement of a block. */
    public static final int ACK = 4;
    /** An error code and message. */
    public static final int ERROR = 5;
    /** Option acknowledgement (RFC 2347). */
    public static final int OACK = 6;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Tftp() {
    }

    /** Points this view at a TFTP packet. */
    public Tftp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The opcode, or 0 when not captured. */
    public int opcode() {
        return u16(0);
    }
}
