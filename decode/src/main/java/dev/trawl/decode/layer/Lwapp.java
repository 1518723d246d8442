package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * The LWAPP transport header (RFC 5412), before an 802.11 frame or a control message.
 *
 * <pre>
 * | version (2) | radio ID (3) | C | F | L | fragment ID (8) | length (16) | status / WLANs (16) |
 * </pre>
 *
 * Control messages follow the header, each with a header of its own:
 *
 * <pre>
 * | message type (8) | sequence number (8) | element length (16) | session ID (32) | elements ... |
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Lwapp extends Flyweight {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Lwapp() {
    }

    public static final int HEADER_LENGTH = 6;
    /** The length of a control message's header, before its elements. */
    public static final int MESSAGE_HEADER_LENGTH = 8;

    /** Points this view at an LWAPP header. */
    public Lwapp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    public int version() {
        return u8(0) >>> 6;
    }

    public int radioId() {
        return (u8(0) >>> 3) & 7;
    }

    /** The C (control), F (fragment) and L (last fragment) bits, in that order from bit 2 to bit 0. */
    public int flags() {
        return u8(0) & 7;
    }

    public boolean isControl() {
        return (u8(0) & 4) != 0;
    }

    public int fragmentId() {
        return u8(1);
    }

    /** The length of what follows the header. */
    public int length() {
        return u16(2);
    }

    /**
     * The 48-bit MAC address at {@code rel}: with the view wrapped six bytes earlier, the AP identity that
     * precedes the header of messages sent to the control port.
     */
    public long macAt(int rel) {
        return u48(rel);
    }

    /** The type of the control message whose header starts at {@code rel}. */
    public int messageType(int rel) {
        return u8(rel);
    }

    /** The sequence number of the control message at {@code rel}. */
    public int messageSequence(int rel) {
        return u8(rel + 1);
    }

    /** The length of the elements of the control message at {@code rel}, after its header. */
    public int messageLength(int rel) {
        return u16(rel + 2);
    }

    /** The session ID of the control message at {@code rel}. */
    public long messageSession(int rel) {
        return u32(rel + 4);
    }
}
