package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * The Linux "cooked" capture header, version 1 (LINKTYPE_LINUX_SLL, 16 bytes) or version 2
 * (LINKTYPE_LINUX_SLL2, 20 bytes); pick the layout with {@link #wrap(ByteBuffer, int, int, boolean)}.
 *
 * <pre>
 * v1:  | Packet type (16) | ARPHRD type (16) | Addr len (16) | Address (64) | Protocol (16) |
 * v2:  | Protocol (16) | Reserved (16) | Interface index (32) | ARPHRD type (16) |
 *      | Packet type (8) | Addr len (8) | Address (64) |
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class LinuxCooked extends Flyweight {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public LinuxCooked() {
    }

    private boolean v2;

    /** Points this view at a version 1 header. */
    public LinuxCooked wrap(ByteBuffer buffer, int offset, int length) {
        return wrap(buffer, offset, length, false);
    }

    /** Points this view at a version 1 or ({@code v2}) version 2 header. */
    public LinuxCooked wrap(ByteBuffer buffer, int offset, int length, boolean v2) {
        wrapRegion(buffer, offset, length);
        this.v2 = v2;
        return this;
    }

    /** The header length: 16 for v1, 20 for v2. */
    public int headerLength() {
        return v2 ? 20 : 16;
    }

    /** The packet type (0 to us, 1 broadcast, 2 multicast, 3 to another host, 4 outgoing). */
    public int packetType() {
        return v2 ? u8(10) : u16(0);
    }

    /** The ARPHRD_ hardware type. */
    public int hardwareType() {
        return v2 ? u16(8) : u16(2);
    }

    /** The link-layer address length. */
    public int addressLength() {
        return v2 ? u8(11) : u16(4);
    }

    /** The relative offset of the 8-byte address field. */
    public int addressOffset() {
        return v2 ? 12 : 6;
    }

    /** The protocol: an EtherType, or a small LINUX_SLL_P_ value. */
    public int protocol() {
        return v2 ? u16(0) : u16(14);
    }

    /** The interface index (v2 only; 0 for v1). */
    public long interfaceIndex() {
        return v2 ? u32(4) : 0;
    }

    /** Byte {@code i} of the link-layer address (from 0), or 0 beyond the captured bytes. */
    public int addressByte(int i) {
        return i >= 0 && i < 8 ? u8(addressOffset() + i) : 0;
    }
}
