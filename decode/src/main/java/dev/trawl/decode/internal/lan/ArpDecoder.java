package dev.trawl.decode.internal.lan;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;

/**
 * ARP and RARP: an 8-byte fixed part, then sender and target addresses whose sizes it gives. ATM hardware
 * (RFC 2225) has its own layout, which Wireshark decodes as {@code atmarp} in place of ARP. Stateless.
 */
final class ArpDecoder implements ProtocolDecoder {
    /** The hardware type of ATM ARP (RFC 2225). */
    private static final int HW_ATM = 0x13;
    /** ATM ARP's fixed part: types, the six address lengths and the operation. */
    private static final int ATMARP_FIXED = 12;

    private final int atmarp;

    ArpDecoder(int atmarp) {
        this.atmarp = atmarp;
    }

    @Override
    public int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 8 > end) {
            header(ctx, Protocols.ARP, off, 8, end);
            return Protocols.NONE;
        }
        if (u16(buf, off) == HW_ATM) {
            return atmArp(buf, off, end, ctx);
        }
        int len = 8 + 2 * (u8(buf, off + 4) + u8(buf, off + 5));
        header(ctx, Protocols.ARP, off, len, end);
        return Protocols.NONE;
    }

    /**
     * ATM ARP: listed under ARP, which shows no item of its own. Wireshark reads every address length before it
     * adds the ATM ARP item, so a message whose addresses reach past the capture shows neither.
     */
    private int atmArp(byte[] buf, int off, int end, DecodeContext ctx) {
        ctx.flag(ctx.addLayer(Protocols.ARP, off, 0, off), LayerFlags.UNSHOWN);
        long len = ATMARP_FIXED;
        if (off + ATMARP_FIXED <= end) {
            len += (u8(buf, off + 4) & 0x3F) + (u8(buf, off + 5) & 0x3F) + u8(buf, off + 8)
                    + (u8(buf, off + 9) & 0x3F) + (u8(buf, off + 10) & 0x3F) + u8(buf, off + 11);
        }
        if (off + len > end) {
            ctx.flag(ctx.addLayer(atmarp, off, 0, off), LayerFlags.UNSHOWN | LayerFlags.MALFORMED);
        } else {
            ctx.addLayer(atmarp, off, (int) len, end);
        }
        return Protocols.NONE;
    }
}
