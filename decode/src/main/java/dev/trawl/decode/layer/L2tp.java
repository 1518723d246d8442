package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An L2TP version 2 message (RFC 2661): flags and version, then as the flags say a length, the tunnel and session
 * ids, the sequence numbers and an offset; a control message's attribute-value pairs follow, each a flags-and-
 * length word (mandatory, hidden, a 10-bit length counting the pair's 6-byte header), a vendor id and a type.
 *
 * <pre>
 * +-----------+-----------+---------+----------+---------+---------+-------------+---------------
 * | flags+ver | [length]  | tunnel  | session  | [Ns]    | [Nr]    | [off size]  | AVPs or PPP...
 * +-----------+-----------+---------+----------+---------+---------+-------------+---------------
 *      2          2           2         2         2         2          2
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class L2tp extends TlvMessage {
    /** Flag: a control message. */
    public static final int TYPE = 0x8000;
    /** Flag: the length field is present. */
    public static final int LENGTH = 0x4000;
    /** Flag: the sequence numbers are present. */
    public static final int SEQUENCE = 0x0800;
    /** Flag: the offset size is present. */
    public static final int OFFSET = 0x0200;
    /** Flag: the message is to be handled first. */
    public static final int PRIORITY = 0x0100;
    /** The length of an attribute-value pair's header. */
    public static final int AVP_HEADER_LENGTH = 6;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public L2tp() {
    }

    /** Points this view at a message. */
    public L2tp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The flags word with the version in its low four bits ({@code l2tp.flags}). */
    public int flags() {
        return u16(0);
    }

    /** The version ({@code l2tp.version}): 2 for L2TP, 1 for L2F. */
    public int version() {
        return u16(0) & 0x0F;
    }

    /** Whether the attribute-value pair at {@code rel} is mandatory. */
    public boolean avpMandatory(int rel) {
        return (u16(rel) & 0x8000) != 0;
    }

    /** Whether the value of the attribute-value pair at {@code rel} is hidden. */
    public boolean avpHidden(int rel) {
        return (u16(rel) & 0x4000) != 0;
    }

    /** The length of the attribute-value pair at {@code rel} ({@code l2tp.avp.length}), its header included. */
    public int avpLength(int rel) {
        return u16(rel) & 0x03FF;
    }

    /** The vendor id of the attribute-value pair at {@code rel} ({@code l2tp.avp.vendor_id}); 0 for IETF's. */
    public int avpVendor(int rel) {
        return u16(rel + 2);
    }

    /** The attribute type of the attribute-value pair at {@code rel} ({@code l2tp.avp.type}). */
    public int avpType(int rel) {
        return u16(rel + 4);
    }
}
