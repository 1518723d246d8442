package dev.trawl.decode.internal;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Decoders.header;
import static dev.trawl.decode.internal.Decoders.viaEtherType;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;
import dev.trawl.decode.spi.ProtocolRegistrar;

/** Small EtherType-level protocols: Arista's timestamp header and the Ethernet loopback test. */
final class Vendor {
    private Vendor() {
    }

    static int avsp;

    static void register(ProtocolRegistrar r) {
        avsp = r.protocol("avsp", Vendor::arista);
        r.bind(Dispatch.ETHERTYPE, 0xD28B, avsp);
        r.protocol("loop", Vendor::loopback);
    }

    /** Arista vendor-specific header (EtherType 0xD28B): subtype, version, a 64-bit timestamp, EtherType. */
    static int arista(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 4 > end) {
            header(ctx, avsp, off, 4, end);
            return Protocols.NONE;
        }
        int version = u16(buf, off + 2) & 0xFF;
        // Version 0x10 carries a 64-bit timestamp, 0x20 a 48-bit one; others are not followed (as in Wireshark).
        int hl = version == 0x10 ? 14 : version == 0x20 ? 12 : -1;
        if (hl < 0 || off + hl > end) {
            ctx.addLayer(avsp, off, 4, end);
            return Protocols.NONE;
        }
        ctx.addLayer(avsp, off, hl, end);
        return viaEtherType(ctx, off + hl - 2, u16(buf, off + hl - 2), off + hl, end);
    }

    /** The Ethernet configuration testing protocol (EtherType 0x9000): skip count, then functions. */
    static int loopback(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.LOOP, off, 6, end);
        return off + 6 < end ? Protocols.DATA : Protocols.NONE;
    }
}
