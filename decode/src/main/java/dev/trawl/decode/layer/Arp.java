package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An ARP packet (RFC 826).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Hardware Type         |         Protocol Type         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  HW Addr Len  | Proto Addr Len|           Opcode              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Sender HW address (hlen) | Sender proto address (plen) |
 * | Target HW address (hlen) | Target proto address (plen) |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Arp extends Flyweight {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Arp() {
    }

    /** The length of the fixed part. */
    public static final int FIXED_LENGTH = 8;

    /** Points this view at an ARP packet. */
    public Arp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    public int hardwareType() {
        return u16(0);
    }

    public int protocolType() {
        return u16(2);
    }

    public int hardwareSize() {
        return u8(4);
    }

    public int protocolSize() {
        return u8(5);
    }

    public int opcode() {
        return u16(6);
    }

    /** Offset (relative) of the sender hardware address. */
    public int senderHardwareOffset() {
        return 8;
    }

    /** Offset (relative) of the sender protocol address. */
    public int senderProtocolOffset() {
        return 8 + hardwareSize();
    }

    /** Offset (relative) of the target hardware address. */
    public int targetHardwareOffset() {
        return 8 + hardwareSize() + protocolSize();
    }

    /** Offset (relative) of the target protocol address. */
    public int targetProtocolOffset() {
        return 8 + 2 * hardwareSize() + protocolSize();
    }

    /** The total length of the packet as its sizes declare. */
    public int declaredLength() {
        return 8 + 2 * (hardwareSize() + protocolSize());
    }

    /** Whether hardware addresses are 6-byte MACs and protocol addresses are IPv4 (Ethernet/IPv4 ARP). */
    public boolean isEthernetIpv4() {
        return hardwareSize() == 6 && protocolSize() == 4;
    }

    /** The sender IPv4 address as an int (valid when {@link #isEthernetIpv4()}). */
    public int senderIpv4() {
        return (int) u32(senderProtocolOffset());
    }

    /** The target IPv4 address as an int (valid when {@link #isEthernetIpv4()}). */
    public int targetIpv4() {
        return (int) u32(targetProtocolOffset());
    }

    /** The sender MAC address (valid when {@link #isEthernetIpv4()}). */
    public long senderMac() {
        return u48(senderHardwareOffset());
    }

    /** The target MAC address (valid when {@link #isEthernetIpv4()}). */
    public long targetMac() {
        return u48(targetHardwareOffset());
    }

    /**
     * The unsigned byte at {@code rel} (relative to the header) within the address fields, for addresses of any
     * size: a hardware address of {@link #hardwareSize()} bytes starts at {@link #senderHardwareOffset()} or
     * {@link #targetHardwareOffset()}. 0 beyond the captured bytes.
     */
    public int addressByte(int rel) {
        return rel >= FIXED_LENGTH ? u8(rel) : 0;
    }

    /** Whether the target hardware address holds a byte other than 0 (a request that names its target). */
    public boolean hasNonZeroTargetHardware() {
        int from = targetHardwareOffset();
        for (int i = 0; i < hardwareSize(); i++) {
            if (u8(from + i) != 0) {
                return true;
            }
        }
        return false;
    }
}
