package dev.trawl.decode.internal.transport;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Bytes;
import dev.trawl.decode.spi.DecodeContext;

/** The TCP and UDP checksum, over the IPv4 or IPv6 pseudo-header of the segment. Stateless. */
final class TransportChecksum {
    private TransportChecksum() {
    }

    /**
     * The ones' complement sum of the IPv4 or IPv6 pseudo-header for a transport segment of {@code length}
     * bytes, or -1 when no enclosing IP header is recorded. Looks back from the layer before {@code layer}.
     */
    private static long pseudoHeaderSum(byte[] buf, DecodeContext ctx, int layer, int protocol, int length) {
        for (int j = layer - 1; j >= 0; j--) {
            int p = ctx.protocolAt(j);
            int o = ctx.offsetAt(j);
            if (p == Protocols.IP) {
                return Bytes.onesComplementSum(buf, o + 12, 8, 0) + protocol + length;
            }
            if (p == Protocols.IPV6) {
                return Bytes.onesComplementSum(buf, o + 8, 32, 0) + protocol + length;
            }
        }
        return -1;
    }

    /** Flags {@code layer} when its segment, whole in {@code [off, end)}, fails the transport checksum. */
    static void verify(byte[] buf, int off, int end, DecodeContext ctx, int layer, int protocol) {
        long pseudo = pseudoHeaderSum(buf, ctx, layer, protocol, end - off);
        if (pseudo >= 0 && Bytes.onesComplementSum(buf, off, end - off, pseudo) != 0xFFFF) {
            ctx.flag(layer, LayerFlags.BAD_CHECKSUM);
        }
    }
}
