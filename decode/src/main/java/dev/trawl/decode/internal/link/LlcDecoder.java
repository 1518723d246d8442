package dev.trawl.decode.internal.link;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;
import static dev.trawl.decode.internal.Decoders.nameIfSent;
import static dev.trawl.decode.internal.Decoders.orData;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Bytes;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;

/**
 * IEEE 802.2 LLC, with SNAP when DSAP and SSAP are 0xAA: the SAP, or SNAP's organisation code and protocol id,
 * names what follows (through {@link Dispatch#LLC_SAP}, or {@link Dispatch#ETHERTYPE} for SNAP's EtherType
 * encapsulations). Stateless.
 */
public final class LlcDecoder {
    private LlcDecoder() {
    }

    private static final int SNAP_SAP = 0xAA;
    /** The organisation codes under which a SNAP protocol id is an EtherType (RFC 1042, and 802.1H). */
    private static final int OUI_ETHERTYPE = 0x000000;
    private static final int OUI_BRIDGE_TUNNEL = 0x0000F8;

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 3 > end) {
            header(ctx, Protocols.LLC, off, 3, end);
            return Protocols.NONE;
        }
        int dsap = u8(buf, off);
        int ssap = u8(buf, off + 1);
        int control = u8(buf, off + 2);
        // I- and S-format frames carry a two-byte control field; U-format frames one byte.
        int hl = (control & 3) == 3 ? 3 : 4;
        if (dsap == SNAP_SAP && ssap == SNAP_SAP && hl == 3) {
            header(ctx, Protocols.LLC, off, 8, end);
            if (off + 8 > end) {
                return Protocols.NONE;
            }
            int oui = Bytes.u24(buf, off + 3);
            int pid = u16(buf, off + 6);
            ctx.next(off + 8, end);
            if (oui == OUI_ETHERTYPE || oui == OUI_BRIDGE_TUNNEL) {
                return orData(ctx.lookup(Dispatch.ETHERTYPE, pid));
            }
            return orData(ctx.lookup(Dispatch.LLC_SAP, snapKey(oui, pid)));
        }
        header(ctx, Protocols.LLC, off, hl, end);
        int next = ctx.lookup(Dispatch.LLC_SAP, dsap);
        if (next != Protocols.NONE) {
            nameIfSent(ctx, off + hl, end);
        }
        return orData(next);
    }

    /**
     * The {@link Dispatch#LLC_SAP} key for a SNAP organisation code and protocol id: above the 8-bit SAPs, the
     * low 14 bits of the OUI and the PID (enough to keep the OUIs bound here apart).
     */
    public static int snapKey(int oui, int pid) {
        return 0x4000_0000 | (oui & 0x3FFF) << 16 | (pid & 0xFFFF);
    }
}
