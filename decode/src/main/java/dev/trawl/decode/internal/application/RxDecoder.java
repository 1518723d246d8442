package dev.trawl.decode.internal.application;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;

/** Rx (AFS's RPC): a 28-byte header; DATA packets to the AFS service ports carry AFS calls. Immutable. */
final class RxDecoder implements ProtocolDecoder {
    private static final int DATA = 1;

    private final int afs;

    /** @param afs the id of {@code afs} */
    RxDecoder(int afs) {
        this.afs = afs;
    }

    @Override
    public int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 28 > end) {
            return ProtocolDecoder.REJECT;
        }
        header(ctx, Protocols.RX, off, 28, end);
        int type = u8(buf, off + 20);
        if (type == DATA && off + 28 < end) {
            ctx.next(off + 28, end);
            return afs;
        }
        return Protocols.NONE;
    }
}
