package dev.trawl.decode.internal.network;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;
import static dev.trawl.decode.internal.Decoders.marker;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;
import dev.trawl.decode.spi.ProtocolRegistrar;

/**
 * IGMP: the common header, then Wireshark's per-message sub-dissector, named by the type: a second {@code igmp}
 * for the membership and multicast traceroute messages, {@code dvmrp} for DVMRP. Immutable.
 */
final class IgmpDecoder implements ProtocolDecoder {
    private static final int MEMBERSHIP_QUERY = 0x11;
    private static final int V1_REPORT = 0x12;
    private static final int DVMRP = 0x13;
    private static final int V2_REPORT = 0x16;
    private static final int LEAVE = 0x17;
    private static final int MTRACE_RESPONSE = 0x1E;
    private static final int MTRACE = 0x1F;
    private static final int V3_REPORT = 0x22;

    private final int message;
    private final int dvmrp;

    IgmpDecoder(ProtocolRegistrar r) {
        this.message = r.protocol("igmp.message", "igmp", null);
        this.dvmrp = r.protocol("dvmrp", null);
    }

    @Override
    public int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        int layer = header(ctx, Protocols.IGMP, off, 8, end);
        if (off >= end) {
            return Protocols.NONE;
        }
        switch (u8(buf, off)) {
            case MEMBERSHIP_QUERY:
            case V1_REPORT:
            case V2_REPORT:
            case LEAVE:
            case V3_REPORT:
            case MTRACE_RESPONSE:
            case MTRACE:
                return marker(ctx, message, off, end);
            case DVMRP:
                ctx.flag(layer, LayerFlags.UNSHOWN); // Wireshark's IGMP decoder hands DVMRP on with no item
                return marker(ctx, dvmrp, off, end);
            default:
                return Protocols.NONE;
        }
    }
}
