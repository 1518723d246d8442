package dev.trawl.decode.internal.network;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;

/**
 * Whether the layer being decoded belongs to a packet another one quotes: the header an ICMP error carries, or
 * the packet header an sFlow sample carries (which Wireshark decodes as it decodes a quotation). Such layers are
 * flagged {@link LayerFlags#QUOTED}; their lengths are not checked against the frame's, and they set up no
 * state. Stateless.
 */
public final class Quotation {
    private Quotation() {
    }

    /** Whether the layer being decoded sits inside an ICMP error's quotation or an sFlow sample. */
    public static boolean quoted(DecodeContext ctx) {
        int n = ctx.layerCount();
        if (n == 0) {
            return false;
        }
        int parent = ctx.protocolAt(n - 1);
        return parent == Protocols.ICMP || parent == Protocols.ICMPV6
                || (ctx.flagsAt(n - 1) & LayerFlags.QUOTED) != 0 || insideSflow(ctx);
    }

    /** Whether the layer being decoded is part of a packet header an sFlow sample carries. */
    public static boolean insideSflow(DecodeContext ctx) {
        for (int i = ctx.layerCount() - 2; i >= 0; i--) {
            if (ctx.protocolAt(i) == Protocols.SFLOW) {
                return true;
            }
        }
        return false;
    }

    /** {@link LayerFlags#QUOTED} when the last layer recorded carries it, else 0: what its payload inherits. */
    public static int inherited(DecodeContext ctx) {
        int n = ctx.layerCount();
        return n > 0 ? ctx.flagsAt(n - 1) & LayerFlags.QUOTED : 0;
    }
}
