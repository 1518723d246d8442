package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * The tag a Marvell switch inserts after a frame's MAC addresses (LINKTYPE_DSA_TAG_DSA), and its extended form
 * (LINKTYPE_DSA_TAG_EDSA), which puts an EtherType (0xDADA) and two reserved bytes before the same four bytes:
 *
 * <pre>
 * +-------------------+--------------+------+------------------+
 * | mode | T | device | port | X | C | pri | R | VID (12 bits)  |
 * +-------------------+--------------+------+------------------+
 *  2 bits  1    5       5    2   1    3     1     12
 * </pre>
 *
 * X is the trunk flag in forwarded frames, the receive-sniff flag in sniffed ones, and with the bit after it and
 * R the code of a frame sent to the CPU. The view is wrapped at the four-byte tag, or at the EDSA header with
 * {@code extended}. See {@link Flyweight}; not thread-safe.
 */
public final class MarvellDsaTag extends Flyweight {
    /** The length of the DSA tag. */
    public static final int DSA_LENGTH = 4;
    /** The length of the EDSA header. */
    public static final int EDSA_LENGTH = 8;
    /** Mode: a frame sent to the CPU. */
    public static final int MODE_TO_CPU = 0;
    /** Mode: a frame sent from the CPU. */
    public static final int MODE_FROM_CPU = 1;
    /** Mode: a frame sent to the sniffer port. */
    public static final int MODE_TO_SNIFFER = 2;
    /** Mode: a forwarded frame. */
    public static final int MODE_FORWARD = 3;

    private int tag;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public MarvellDsaTag() {
    }

    /** Points this view at a DSA tag, or at an EDSA header when {@code extended}. */
    public MarvellDsaTag wrap(ByteBuffer buffer, int offset, int length, boolean extended) {
        wrapRegion(buffer, offset, length);
        tag = extended ? EDSA_LENGTH - DSA_LENGTH : 0;
        return this;
    }

    /** The length of the tag as wrapped: 4, or 8 for EDSA. */
    public int tagLength() {
        return tag + DSA_LENGTH;
    }

    /** The EDSA header's EtherType (0xDADA when the switch uses the default). */
    public int edsaEtherType() {
        return u16(0);
    }

    /** The first of EDSA's two reserved bytes. */
    public int edsaReserved1() {
        return u8(2);
    }

    /** The second of EDSA's two reserved bytes. */
    public int edsaReserved2() {
        return u8(3);
    }

    /** The mode, one of the {@code MODE_} constants. */
    public int mode() {
        return u8(tag) >>> 6;
    }

    /** Whether the frame was (or is to be sent) VLAN-tagged. */
    public boolean tagged() {
        return (u8(tag) & 0x20) != 0;
    }

    /** The switch device number. */
    public int device() {
        return u8(tag) & 0x1F;
    }

    /** The port number (or trunk number of a forwarded frame from a trunk). */
    public int port() {
        return u8(tag + 1) >>> 3;
    }

    /** Whether a forwarded frame came from a trunk; of a sniffed frame, whether it was sniffed on receive. */
    public boolean trunkOrRxSniff() {
        return (u8(tag + 1) & 0x04) != 0;
    }

    /** The VLAN tag's CFI bit. */
    public boolean cfi() {
        return (u8(tag + 1) & 0x01) != 0;
    }

    /** The frame's priority. */
    public int priority() {
        return u8(tag + 2) >>> 5;
    }

    /** The VLAN id. */
    public int vid() {
        return u16(tag + 2) & 0x0FFF;
    }

    /** Why a frame was sent to the CPU (0 BPDU trap to 5 policy mirror, 6 and 7 reserved). */
    public int code() {
        return u8(tag + 1) & 0x06 | (u8(tag + 2) & 0x10) >>> 4;
    }
}
