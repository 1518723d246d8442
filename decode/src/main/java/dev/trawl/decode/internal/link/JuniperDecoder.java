package dev.trawl.decode.internal.link;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;

/**
 * The capture header of Juniper routers' Ethernet interfaces (LINKTYPE_JUNIPER_ETHER), then the frame:
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |              magic "MGC"                      |     flags     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | extensions' length (if flags & 0x80) |  extensions ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * With flag 0x02 the frame's link header was stripped: a 32-bit protocol number in little-endian order names
 * the network layer that follows it. Stateless.
 */
final class JuniperDecoder {
    private JuniperDecoder() {
    }

    private static final int MAGIC = 0x4D4743;
    private static final int FLAG_NO_L2 = 0x02;
    private static final int FLAG_EXTENSIONS = 0x80;
    private static final int PROTO_IP = 2;
    private static final int PROTO_IPV6 = 6;

    static int ether(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 4 > end || (u16(buf, off) << 8 | u8(buf, off + 2)) != MAGIC) {
            ctx.flag(ctx.addLayer(Protocols.JUNIPER, off, Math.min(4, end - off), end), LayerFlags.MALFORMED);
            return Protocols.NONE;
        }
        int flags = u8(buf, off + 3);
        int hl = 4;
        if ((flags & FLAG_EXTENSIONS) != 0) {
            if (off + 6 > end) {
                ctx.flag(ctx.addLayer(Protocols.JUNIPER, off, 6, end), LayerFlags.TRUNCATED);
                return Protocols.NONE;
            }
            hl = 6 + u16(buf, off + 4);
        }
        if ((flags & FLAG_NO_L2) != 0) {
            if (off + hl + 4 > end) {
                ctx.flag(ctx.addLayer(Protocols.JUNIPER, off, hl + 4, end), LayerFlags.TRUNCATED);
                return Protocols.NONE;
            }
            int proto = u8(buf, off + hl) | u8(buf, off + hl + 1) << 8;
            ctx.addLayer(Protocols.JUNIPER, off, hl + 4, end);
            return proto == PROTO_IP ? Protocols.IP : proto == PROTO_IPV6 ? Protocols.IPV6 : Protocols.DATA;
        }
        if (off + hl > end) {
            ctx.flag(ctx.addLayer(Protocols.JUNIPER, off, hl, end), LayerFlags.TRUNCATED);
            return Protocols.NONE;
        }
        ctx.addLayer(Protocols.JUNIPER, off, hl, end);
        return off + hl < end ? Protocols.ETH : Protocols.NONE;
    }
}
