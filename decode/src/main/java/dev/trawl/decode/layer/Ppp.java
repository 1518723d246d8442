package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A PPP header: in HDLC-like framing an address ({@code FF}) and control ({@code 03}) byte, then the protocol
 * field, one byte when compressed (an odd first byte) or else two.
 *
 * <pre>
 * +---------+---------+-------------------+
 * | address | control | protocol (1 or 2) |   (address and control optional)
 * +---------+---------+-------------------+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Ppp extends TlvMessage {
    /** The address byte of HDLC-like framing, "all stations". */
    public static final int ALL_STATIONS = 0xFF;
    /** The control byte of HDLC-like framing, unnumbered information. */
    public static final int UNNUMBERED_INFORMATION = 0x03;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Ppp() {
    }

    /** Points this view at a PPP header and what follows it. */
    public Ppp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** Whether the frame starts with the address and control bytes of HDLC-like framing. */
    public boolean hasAddressAndControl() {
        return has(0, 2) && u8(0) == ALL_STATIONS && u8(1) == UNNUMBERED_INFORMATION;
    }

    /** Where the protocol field starts. */
    public int protocolOffset() {
        return hasAddressAndControl() ? 2 : 0;
    }

    /** Whether the protocol field is compressed to one byte. */
    public boolean protocolCompressed() {
        return (u8(protocolOffset()) & 1) != 0;
    }

    /** The protocol field ({@code ppp.protocol}), or 0 when it was not captured. */
    public int protocol() {
        int at = protocolOffset();
        return protocolCompressed() ? u8(at) : u16(at);
    }

    /** The escape byte of RFC 1662's octet-stuffed framing: the byte after it is sent XORed with 0x20. */
    public static final int ESCAPE = 0x7D;

    /**
     * Copies the captured bytes of the region from {@code rel} on into {@code dst} with RFC 1662's octet escapes
     * undone, for a frame captured before they were (a protocol field that starts with the flag byte {@code 7E}
     * says so); an escape byte that ends the capture is dropped.
     *
     * @param dst where the bytes go; as long as the region at least
     * @return how many bytes it wrote
     */
    public int unescape(int rel, byte[] dst) {
        int n = 0;
        for (int i = rel; i < regionLength() && n < dst.length; i++) {
            int b = u8(i);
            if (b == ESCAPE) {
                if (i + 1 >= regionLength()) {
                    break;
                }
                b = u8(++i) ^ 0x20;
            }
            dst[n++] = (byte) b;
        }
        return n;
    }

    /** The length of the header: address and control if present, and the protocol field. */
    public int headerLength() {
        return protocolOffset() + (protocolCompressed() ? 1 : 2);
    }
}
