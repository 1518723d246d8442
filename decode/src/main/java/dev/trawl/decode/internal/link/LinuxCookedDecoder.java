package dev.trawl.decode.internal.link;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Decoders.header;
import static dev.trawl.decode.internal.Decoders.orData;
import static dev.trawl.decode.internal.Decoders.viaEtherType;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;

/**
 * Linux cooked capture, version 1 (LINKTYPE_LINUX_SLL, a 16-byte header) and version 2 (LINKTYPE_LINUX_SLL2, 20
 * bytes), both shown as {@code sll}: the protocol field is an EtherType, a GRE protocol type for ARPHRD_IPGRE
 * devices, or one of Linux's own small values. Stateless.
 */
final class LinuxCookedDecoder {
    private LinuxCookedDecoder() {
    }

    /** ARPHRD_IPGRE: the protocol field is a GRE protocol type. */
    private static final int ARPHRD_IPGRE = 778;
    /** LINUX_SLL_P_802_2: an 802.2 LLC frame. */
    private static final int P_802_2 = 0x0004;
    /** LINUX_SLL_P_802_3: Novell 802.3 without LLC. */
    private static final int P_802_3 = 0x0001;

    /** Version 1: packet type, ARPHRD type, address length, 8 address bytes, protocol. */
    static int v1(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.SLL, off, 16, end);
        if (off + 16 > end) {
            return Protocols.NONE;
        }
        return payload(ctx, u16(buf, off + 2), off + 14, u16(buf, off + 14), off + 16, end);
    }

    /** Version 2: protocol, reserved, interface index, ARPHRD type, packet type, address length and address. */
    static int v2(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.SLL, off, 20, end);
        if (off + 20 > end) {
            return Protocols.NONE;
        }
        return payload(ctx, u16(buf, off + 8), off, u16(buf, off), off + 20, end);
    }

    private static int payload(DecodeContext ctx, int hatype, int typeIndex, int protocol, int payload, int end) {
        ctx.next(payload, end);
        if (hatype == ARPHRD_IPGRE) {
            return orData(ctx.lookup(Dispatch.GRE_PROTO, protocol));
        }
        if (protocol <= EthernetDecoder.MAX_LENGTH) {
            switch (protocol) {
                case P_802_2:
                    return Protocols.LLC;
                case P_802_3:
                    return orData(ctx.lookup(Dispatch.LLC_SAP, EthernetDecoder.NOVELL_SAP));
                default:
                    return Protocols.DATA;
            }
        }
        return viaEtherType(ctx, typeIndex, protocol, payload, end);
    }
}
