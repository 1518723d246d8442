package dev.trawl.decode.internal.routing;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;
import static dev.trawl.decode.internal.Decoders.marker;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;
import dev.trawl.decode.spi.ProtocolRegistrar;

/**
 * IS-IS: the PDU type in the fixed header names the PDU, which Wireshark lists after {@code isis}
 * ({@code isis.hello}, {@code isis.lsp}, {@code isis.csnp}, {@code isis.psnp}). Immutable.
 */
final class IsisDecoder implements ProtocolDecoder {
    /** The PDU types: LAN hellos of levels 1 and 2 and the point-to-point hello, the LSPs, CSNPs and PSNPs. */
    private static final int L1_LAN_HELLO = 15;
    private static final int L2_LAN_HELLO = 16;
    private static final int P2P_HELLO = 17;
    private static final int L1_LSP = 18;
    private static final int L2_LSP = 20;
    private static final int L1_CSNP = 24;
    private static final int L2_CSNP = 25;
    private static final int L1_PSNP = 26;
    private static final int L2_PSNP = 27;

    private final int hello;
    private final int lsp;
    private final int csnp;
    private final int psnp;

    IsisDecoder(ProtocolRegistrar r) {
        this.hello = r.protocol("isis.hello", null);
        this.lsp = r.protocol("isis.lsp", null);
        this.csnp = r.protocol("isis.csnp", null);
        this.psnp = r.protocol("isis.psnp", null);
    }

    @Override
    public int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.ISIS, off, 8, end);
        if (off + 5 > end) {
            return Protocols.NONE;
        }
        switch (u8(buf, off + 4) & 0x1F) {
            case L1_LAN_HELLO:
            case L2_LAN_HELLO:
            case P2P_HELLO:
                return marker(ctx, hello, off, end);
            case L1_LSP:
            case L2_LSP:
                return marker(ctx, lsp, off, end);
            case L1_CSNP:
            case L2_CSNP:
                return marker(ctx, csnp, off, end);
            case L1_PSNP:
            case L2_PSNP:
                return marker(ctx, psnp, off, end);
            default:
                return Protocols.NONE;
        }
    }
}
