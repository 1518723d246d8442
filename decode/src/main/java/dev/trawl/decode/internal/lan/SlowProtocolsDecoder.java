package dev.trawl.decode.internal.lan;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;
import static dev.trawl.decode.internal.Decoders.marker;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;
import dev.trawl.decode.spi.ProtocolRegistrar;

/**
 * The slow protocols (EtherType 0x8809): the subtype names LACP, the marker protocol, Ethernet OAM or OSSP, which
 * Wireshark lists after {@code slow} ({@code slow:lacp}). Immutable.
 */
final class SlowProtocolsDecoder implements ProtocolDecoder {
    private static final int LACP = 1;
    private static final int MARKER = 2;
    private static final int OAM = 3;
    private static final int OSSP = 10;

    private final int lacp;
    private final int marker;
    private final int oam;
    private final int ossp;

    SlowProtocolsDecoder(ProtocolRegistrar r) {
        this.lacp = r.protocol("lacp", null);
        this.marker = r.protocol("marker", null);
        this.oam = r.protocol("oampdu", null);
        this.ossp = r.protocol("ossp", null);
    }

    @Override
    public int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.SLOW, off, 1, end);
        if (off >= end) {
            return Protocols.NONE;
        }
        switch (u8(buf, off)) {
            case LACP:
                return marker(ctx, lacp, off, end);
            case MARKER:
                return marker(ctx, marker, off, end);
            case OAM:
                return marker(ctx, oam, off, end);
            case OSSP:
                ctx.addLayer(ossp, off, 4, end);
                return off + 4 < end ? Protocols.DATA : Protocols.NONE;
            default:
                return Protocols.NONE;
        }
    }
}
