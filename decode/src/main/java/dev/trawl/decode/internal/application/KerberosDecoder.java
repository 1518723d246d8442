package dev.trawl.decode.internal.application;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.marker;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;

/**
 * Kerberos: over UDP, a version-4 message starts with 4 (Wireshark lists {@code kerberos:krb4}), a version-5
 * message with an ASN.1 application tag, and anything else is not Kerberos; over TCP, a 4-byte record length
 * comes first. Immutable.
 */
final class KerberosDecoder implements ProtocolDecoder {
    private static final int VERSION_4 = 4;
    /** The range of ASN.1 constructed [APPLICATION n] tags that start a version-5 message. */
    private static final int FIRST_APPLICATION_TAG = 0x61;
    private static final int LAST_APPLICATION_TAG = 0x7E;

    private final int krb4;

    /** @param krb4 the id of {@code krb4} */
    KerberosDecoder(int krb4) {
        this.krb4 = krb4;
    }

    @Override
    public int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off >= end) {
            return ProtocolDecoder.REJECT;
        }
        int first = u8(buf, off);
        if (first == VERSION_4) {
            // Wireshark's Kerberos decoder hands version 4 to krb4 before it adds an item of its own
            ctx.flag(ctx.addLayer(Protocols.KERBEROS, off, 0, end), LayerFlags.UNSHOWN);
            return marker(ctx, krb4, off, end);
        }
        if (first >= FIRST_APPLICATION_TAG && first <= LAST_APPLICATION_TAG) {
            ctx.addLayer(Protocols.KERBEROS, off, end - off, end);
            return Protocols.NONE;
        }
        return ProtocolDecoder.REJECT;
    }

    /** Kerberos over TCP: a 4-byte record length, then a Kerberos message as over UDP. */
    static int overTcp(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 4 >= end) {
            return ProtocolDecoder.REJECT;
        }
        ctx.next(off + 4, end);
        return Protocols.KERBEROS;
    }
}
