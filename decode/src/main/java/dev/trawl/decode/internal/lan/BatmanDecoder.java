package dev.trawl.decode.internal.lan;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;

/**
 * B.A.T.M.A.N. advanced ({@code batadv}), the layer-2 mesh protocol, version 15: unicast, unicast with four
 * addresses and broadcast packets carry an Ethernet frame after a header of 10, 18 and 14 bytes; other packet
 * types (OGMs, ELP) carry none. Other versions are decoded no further than their name, their payload being data.
 * Stateless.
 */
final class BatmanDecoder {
    private BatmanDecoder() {
    }

    private static final int VERSION = 15;
    private static final int UNICAST = 0x40;
    private static final int UNICAST_4ADDR = 0x42;
    private static final int BROADCAST = 0x01;

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        int self = ctx.protocol();
        if (off + 2 > end) {
            header(ctx, self, off, 2, end);
            return Protocols.NONE;
        }
        int type = u8(buf, off);
        int version = u8(buf, off + 1);
        int hl = version != VERSION ? 2
                : type == UNICAST ? 10 : type == UNICAST_4ADDR ? 18 : type == BROADCAST ? 14 : -1;
        if (hl < 0) {
            ctx.addLayer(self, off, end - off, end);
            return Protocols.NONE;
        }
        header(ctx, self, off, hl, end);
        if (off + hl >= end) {
            return Protocols.NONE;
        }
        ctx.next(off + hl, end);
        return version == VERSION ? Protocols.ETH : Protocols.DATA;
    }
}
