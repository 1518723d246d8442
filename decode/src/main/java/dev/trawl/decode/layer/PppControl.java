package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A packet of one of PPP's control protocols that share LCP's format (LCP, IPCP, IPV6CP, CCP, BACP, ...): a code,
 * an identifier, a length, then the options of a Configure packet or the code's own data (a magic number for
 * Echo, Discard and Identification).
 *
 * <pre>
 * +------+------------+--------+---------------------------------+
 * | code | identifier | length | options or data ...             |
 * +------+------------+--------+---------------------------------+
 *    1         1          2
 * </pre>
 *
 * An option is a type byte, a length byte (counting both) and its value. See {@link Flyweight}; not thread-safe.
 */
public final class PppControl extends TlvMessage {
    /** The length of the code, identifier and length. */
    public static final int HEADER_LENGTH = 4;
    /** Code: Vendor-Extension. */
    public static final int VENDOR_EXTENSION = 0;
    /** Code: Configure-Request. */
    public static final int CONFIGURE_REQUEST = 1;
    /** Code: Configure-Reject, the last of the four Configure codes. */
    public static final int CONFIGURE_REJECT = 4;
    /** Code: Protocol-Reject. */
    public static final int PROTOCOL_REJECT = 8;
    /** Code: Echo-Request. */
    public static final int ECHO_REQUEST = 9;
    /** Code: Echo-Reply. */
    public static final int ECHO_REPLY = 10;
    /** Code: Discard-Request. */
    public static final int DISCARD_REQUEST = 11;
    /** Code: Identification. */
    public static final int IDENTIFICATION = 12;
    /** Code: Time-Remaining. */
    public static final int TIME_REMAINING = 13;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public PppControl() {
    }

    /** Points this view at a control packet. */
    public PppControl wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The code ({@code lcp.code}). */
    public int code() {
        return u8(0);
    }

    /** The identifier ({@code lcp.identifier}). */
    public int identifier() {
        return u8(1);
    }

    /** The stated length ({@code lcp.length}), header included. */
    public int length() {
        return u16(2);
    }

    /** The magic number of an Echo, Discard, Identification or Time-Remaining packet ({@code lcp.magic_number}). */
    public long magicNumber() {
        return u32(HEADER_LENGTH);
    }
}
