package dev.trawl.decode.internal.link;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Decoders.orData;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;
import dev.trawl.pcap.EtherType;

/**
 * Cisco HDLC: address, control and an EtherType; two of its values mean Cisco's own protocols here (SLARP where
 * Ethernet has RARP, and CDP), and 0xFEFE an OSI PDU (after a padding byte when there is one). Stateless.
 */
final class CiscoHdlcDecoder {
    private CiscoHdlcDecoder() {
    }

    private static final int SLARP = EtherType.RARP.value();
    private static final int CDP = EtherType.CDP.value();
    /** OSI's type; the PDU may follow a padding byte, which the PDU's own first byte (its NLPID) tells apart. */
    private static final int OSI = 0xFEFE;
    private static final int SAP_OSI = 0xFE;

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        int type = off + 4 <= end ? u16(buf, off + 2) : -1;
        int header = 4;
        if (type == OSI && off + 5 < end && (buf[off + 5] & 0xFF) >= 0x81 && (buf[off + 5] & 0xFF) <= 0x83) {
            header = 5;
        }
        int id = ctx.addLayer(Protocols.CHDLC, off, header, end);
        if (off + 4 > end) {
            ctx.flag(id, LayerFlags.TRUNCATED);
            return Protocols.NONE;
        }
        if (type == OSI) {
            return orData(ctx.lookup(Dispatch.LLC_SAP, SAP_OSI));
        }
        int next = ctx.lookup(Dispatch.ETHERTYPE, type);
        if (type == SLARP) {
            next = Protocols.SLARP;
        } else if (type == CDP) {
            next = Protocols.CDP;
        }
        return orData(next);
    }
}
