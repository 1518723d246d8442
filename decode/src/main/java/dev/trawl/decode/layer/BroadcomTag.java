package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * The four-byte tag a Broadcom switch puts after a frame's MAC addresses (LINKTYPE_DSA_TAG_BRCM) or before the
 * frame (LINKTYPE_DSA_TAG_BRCM_PREPEND). An opcode in the first byte's top three bits says which way the frame
 * goes; an ingress tag (to the switch) carries the traffic class, tag enforcement, time-stamp request and a
 * destination port map, an egress tag (from the switch) a classification id, a reason code, the traffic class
 * and the source port. See {@link Flyweight}; not thread-safe.
 */
public final class BroadcomTag extends Flyweight {
    /** The length of the tag. */
    public static final int LENGTH = 4;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public BroadcomTag() {
    }

    /** Points this view at a Broadcom tag. */
    public BroadcomTag wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The first byte, whose top three bits are the opcode (1 ingress, 0 egress). */
    public int opcodeByte() {
        return u8(0);
    }

    /** Whether the opcode is ingress (bit 5 of the first byte). */
    public boolean ingress() {
        return (u8(0) & 0x20) != 0;
    }

    /** The ingress traffic class. */
    public int ingressTrafficClass() {
        return u8(1) >>> 2 & 0x7;
    }

    /** The ingress tag enforcement (0 none, 1 untag, 2 header, 3 reserved). */
    public int tagEnforcement() {
        return u8(1) & 0x3;
    }

    /** The ingress time-stamp request bit. */
    public int timestampRequest() {
        return u8(1) >>> 7;
    }

    /** The ingress destination port map (9 bits). */
    public int destinationMap() {
        return u16(2) & 0x1FF;
    }

    /** The egress classification id. */
    public int classificationId() {
        return u8(1);
    }

    /** The egress reason code (one bit per reason). */
    public int reasonCode() {
        return u8(2);
    }

    /** The egress traffic class. */
    public int egressTrafficClass() {
        return u8(3) >>> 5 & 0x7;
    }

    /** The egress source port. */
    public int sourcePort() {
        return u8(3) & 0x1F;
    }
}
