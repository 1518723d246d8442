package dev.trawl.decode.internal.lan;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;
import static dev.trawl.decode.internal.Decoders.viaEtherType;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Macsec;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;

/**
 * MACsec (IEEE 802.1AE): a SecTAG of 6 bytes (14 with an SCI), the secure data, and a 16-byte ICV. Encrypted
 * data (E or C set) is opaque; data only integrity-protected is an EtherType and its payload, which is decoded
 * on. The data's length is the short length when that is not 0, else what the frame holds between SecTAG and
 * ICV. As Wireshark, a SecTAG of a version other than 0, or a frame whose captured bytes do not reach past the
 * SecTAG and an ICV, is not MACsec but data. Stateless.
 */
final class MacsecDecoder {
    private MacsecDecoder() {
    }

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off >= end) {
            return Protocols.NONE;
        }
        int tci = u8(buf, off);
        int sectag = (tci & Macsec.TCI_SC) != 0 ? Macsec.SECTAG_LENGTH_SCI : Macsec.SECTAG_LENGTH;
        if ((tci & Macsec.TCI_VERSION) != 0 || end - off <= sectag + Macsec.ICV_LENGTH) {
            return ProtocolDecoder.REJECT;
        }
        int shortLength = u8(buf, off + 1) & 0x3f;
        int sent = ctx.originalLength() - (off - ctx.offsetAt(0));
        int data = shortLength != 0 ? shortLength : sent - sectag - Macsec.ICV_LENGTH;
        boolean clear = (tci & (Macsec.TCI_E | Macsec.TCI_C)) == 0;
        int layer = header(ctx, ctx.protocol(), off, clear ? sectag + 2 : sectag, end);
        int dataStart = off + sectag;
        int dataEnd = Math.min(end, dataStart + data);
        if (!clear) {
            ctx.next(dataStart, dataEnd);
            return Protocols.DATA;
        }
        if (data < 2 || dataStart + 2 > end) {
            ctx.flag(layer, LayerFlags.MALFORMED);
            return Protocols.NONE;
        }
        return viaEtherType(ctx, dataStart, u16(buf, dataStart), dataStart + 2, dataEnd);
    }
}
