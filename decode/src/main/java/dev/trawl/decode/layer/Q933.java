package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An ITU-T Q.933 signalling message (Frame Relay's call control and its link management, LMI), as the NLPID
 * 0x08 starts it: the protocol discriminator, the length of the call reference and the reference itself, the
 * message type, then information elements. An element is one octet when its top bit is set (a shift to another
 * codeset among them), else an identifier, a length and that many octets.
 *
 * <pre>
 * +--------------+---------+----------------+--------------+-----------------------------+
 * | discriminator| 0000 len| call reference | message type | information elements ...    |
 * +--------------+---------+----------------+--------------+-----------------------------+
 *        1           1         0..15              1
 * </pre>
 *
 * <p>The view names the octets; walking the elements (whose meaning depends on the codeset in effect) is the
 * reader's. See {@link Flyweight}; not thread-safe.
 */
public final class Q933 extends TlvMessage {
    /** Where the call reference's length octet is. */
    public static final int CALL_REFERENCE_LENGTH = 1;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Q933() {
    }

    /** Points this view at a message, from its protocol discriminator. */
    public Q933 wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code q933.disc}: the protocol discriminator (0x08). */
    public int discriminator() {
        return u8(0);
    }

    /** {@code q933.call_ref_len}: the call reference's length, 0 to 15 octets. */
    public int callReferenceLength() {
        return u8(CALL_REFERENCE_LENGTH) & 0x0f;
    }

    /** Octet {@code index} (from 0) of {@code q933.call_ref}. */
    public int callReferenceOctet(int index) {
        return u8(CALL_REFERENCE_LENGTH + 1 + index);
    }

    /** Where the message type is: after the call reference. */
    public int messageTypeOffset() {
        return CALL_REFERENCE_LENGTH + 1 + callReferenceLength();
    }

    /** {@code q933.message_type}. */
    public int messageType() {
        return u8(messageTypeOffset());
    }

    /** Whether an element's identifier makes it a single octet. */
    public static boolean singleOctet(int identifier) {
        return (identifier & 0x80) != 0;
    }

    /** Whether a single-octet element is a shift to another codeset. */
    public static boolean shift(int identifier) {
        return (identifier & 0xf0) == 0x90;
    }

    /** Whether a shift holds until the next shift (locking) rather than for one element. */
    public static boolean lockingShift(int identifier) {
        return (identifier & 0x08) == 0;
    }

    /** The codeset a shift moves to. */
    public static int shiftCodeset(int identifier) {
        return identifier & 0x07;
    }
}
