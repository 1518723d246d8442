package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * The header of Multilink Frame Relay (FRF.16.1), LINKTYPE_MFR's frames: a fragment's two bytes, or a control
 * frame's three before its information elements.
 *
 * <pre>
 *   7   6   5   4   3   2   1   0
 * +---+---+---+---------------+---+
 * | B | E | C | sequence (hi) |EA |   fragment: C = 0; control frame: B = E = C = 1 and the next byte 0
 * +---+---+---+---------------+---+
 * |      sequence (low 8 bits)    |   (control frame: 0, then the message type)
 * +-------------------------------+
 * </pre>
 *
 * Wireshark reads no capture of this link type, so decode names no layer for it; a printer points this view at
 * the frame's bytes. See {@link Flyweight}; not thread-safe.
 */
public final class Mfr extends TlvMessage {
    /** The begin, end and control bits of the first byte. */
    public static final int FLAGS_MASK = 0xe0;
    /** The flags of a control frame: begin, end and control. */
    public static final int CONTROL = 0xe0;
    /** The flags of a fragment that holds a whole frame: begin and end. */
    public static final int WHOLE = 0xc0;
    /** The begin bit alone: the first of several fragments. */
    public static final int BEGIN = 0x80;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Mfr() {
    }

    /** Points this view at a frame. */
    public Mfr wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The begin, end and control bits ({@link #FLAGS_MASK} of the first byte), or 0. */
    public int flags() {
        return u8(0) & FLAGS_MASK;
    }

    /** Whether this is a control frame: all three bits set and a zero second byte. */
    public boolean isControl() {
        return flags() == CONTROL && has(1, 1) && u8(1) == 0;
    }

    /** A fragment's 12-bit sequence number, or 0. */
    public int sequence() {
        return (u8(0) & 0x1e) << 7 | u8(1);
    }

    /** A control frame's message type, or 0. */
    public int messageType() {
        return u8(2);
    }
}
