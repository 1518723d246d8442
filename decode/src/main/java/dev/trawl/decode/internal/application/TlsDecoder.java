package dev.trawl.decode.internal.application;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;

/**
 * TLS over TCP: a segment that starts with a record header is TLS, whole records or not. One that continues a
 * record begun earlier shows bare TCP payload, except the segment that completes the record, which Wireshark shows
 * as TLS (known when streams are followed; see {@link dev.trawl.decode.spi.StreamReassembly#endsRecord}).
 * Stateless.
 */
final class TlsDecoder {
    private TlsDecoder() {
    }

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (!TlsRecords.isRecord(buf, off, end)) {
            if (ctx.streams().endsRecord(buf, off, end)) {
                ctx.addLayer(Protocols.TLS, off, 0, end);
                return Protocols.NONE;
            }
            return ProtocolDecoder.INCOMPLETE;
        }
        int p = off;
        while (p + 5 <= end && TlsRecords.isRecord(buf, p, end)) {
            int recordEnd = p + 5 + u16(buf, p + 3);
            if (recordEnd > end) {
                ctx.streams().expectRecordEnd(buf, recordEnd - off);
                break;
            }
            p = recordEnd;
        }
        ctx.addLayer(Protocols.TLS, off, 5, end);
        return Protocols.NONE;
    }
}
