package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An Rx packet (AFS's remote procedure call transport over UDP), its 28-byte header and the call or reply body
 * after it, which a printer walks as XDR words through the {@link TlvMessage} accessors (the body's first word
 * of a call is its opcode).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                             epoch                             |
 * |                     connection id (cid)                       |
 * |                          call number                          |
 * |                        sequence number                        |
 * |                         serial number                         |
 * |     type      |     flags     |  user status  | security index|
 * |             spare             |           service id          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * An ACK packet's body: buffer space and maximum skew (16 bits each), first packet, previous packet, serial
 * (32 bits each), reason and count of acknowledgements (8 bits each), one byte per acknowledgement, three pad
 * bytes, then optionally the interface MTU, maximum MTU, receive window and maximum packets (32 bits each).
 * See {@link Flyweight}; not thread-safe.
 */
public final class Rx extends TlvMessage {
    /** The header's length; the body starts here. */
    public static final int HEADER_LENGTH = 28;
    /** Packet types. */
    public static final int DATA = 1;
    public static final int ACK = 2;
    public static final int ABORT = 4;
    /** Flags. */
    public static final int CLIENT_INITIATED = 1;
    /** The length of an ACK body before its acknowledgement bytes. */
    public static final int ACK_LENGTH = 18;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Rx() {
    }

    /** Points this view at an Rx packet whose {@code length} bytes were captured. */
    public Rx wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** Whether the whole header was captured. */
    public boolean headerCaptured() {
        return has(0, HEADER_LENGTH);
    }

    public long epoch() {
        return u32(0);
    }

    public long connectionId() {
        return u32(4);
    }

    public long callNumber() {
        return u32(8);
    }

    public long sequence() {
        return u32(12);
    }

    public long serial() {
        return u32(16);
    }

    public int type() {
        return u8(20);
    }

    public int flags() {
        return u8(21);
    }

    public int userStatus() {
        return u8(22);
    }

    public int securityIndex() {
        return u8(23);
    }

    public int serviceId() {
        return u16(26);
    }

    /** The first body word: a call's opcode, an abort's error code. */
    public long opcode() {
        return u32(HEADER_LENGTH);
    }
}
