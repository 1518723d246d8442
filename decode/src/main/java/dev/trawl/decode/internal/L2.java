package dev.trawl.decode.internal;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;
import static dev.trawl.decode.internal.Decoders.nameIfSent;
import static dev.trawl.decode.internal.Decoders.orData;
import static dev.trawl.decode.internal.Decoders.viaEtherType;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;

/** Decoders of what Ethernet carries below IP: VLAN tags, MPLS, ARP, PPPoE. */
final class L2 {
    private L2() {
    }

    /** An MPLS label stack: one layer covering every entry down to the bottom-of-stack bit. */
    static int mpls(byte[] buf, int off, int end, DecodeContext ctx) {
        int p = off;
        boolean bottom = false;
        while (p + 4 <= end && !bottom) {
            bottom = (u8(buf, p + 2) & 1) != 0;
            p += 4;
        }
        int layer = ctx.addLayer(Protocols.MPLS, off, Math.max(4, p - off), end);
        if (!bottom) {
            ctx.flag(layer, LayerFlags.TRUNCATED);
            return Protocols.NONE;
        }
        if (p >= end) {
            return Protocols.NONE;
        }
        // RFC 3032 leaves the payload type to the label; like Wireshark, guess it from the first nibble.
        switch (u8(buf, p) >>> 4) {
            case 4:
                return Protocols.IP;
            case 6:
                return Protocols.IPV6;
            default:
                return Protocols.DATA;
        }
    }
}
