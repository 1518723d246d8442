package dev.trawl.decode.internal.application;

import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Bytes;
import dev.trawl.decode.spi.DecodeContext;

/**
 * sFlow version 5: a datagram header, then samples; the packet header that the first flow sample's raw packet
 * record carries (Ethernet, IPv4 or IPv6) is decoded, as Wireshark decodes it (as a quotation). Stateless.
 */
final class SflowDecoder {
    private SflowDecoder() {
    }

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        ctx.addLayer(ctx.protocol(), off, end - off, end);
        if (off + 8 > end || Bytes.u32(buf, off) != 5) {
            return Protocols.NONE;
        }
        long agent = Bytes.u32(buf, off + 4);
        int p = off + 8 + (agent == 1 ? 4 : agent == 2 ? 16 : 0) + 16; // agent, sub-agent, sequence, uptime, count
        if (agent != 1 && agent != 2 || p > end) {
            return Protocols.NONE;
        }
        int samples = (int) Math.min(Bytes.u32(buf, p - 4), 64);
        for (int sample = 0; sample < samples && p + 8 <= end; sample++) {
            long format = Bytes.u32(buf, p);
            long length = Bytes.u32(buf, p + 4);
            int body = p + 8;
            if (length > end - body) {
                return Protocols.NONE;
            }
            if (format == 1 || format == 3) { // a flow sample, or an expanded one
                int records = body + (format == 1 ? 32 : 44); // past the fixed fields and the record count
                if (records <= body + length) {
                    return records(buf, records, (int) (body + length), ctx);
                }
            }
            p = (int) (body + length);
        }
        return Protocols.NONE;
    }

    /** The first raw packet header among a flow sample's records, which start with their count at {@code p}. */
    private static int records(byte[] buf, int p, int end, DecodeContext ctx) {
        int records = (int) Math.min(Bytes.u32(buf, p - 4), 64);
        for (int record = 0; record < records && p + 8 <= end; record++) {
            long format = Bytes.u32(buf, p);
            long length = Bytes.u32(buf, p + 4);
            int body = p + 8;
            if (length > end - body) {
                return Protocols.NONE;
            }
            if (format == 1 && length >= 16) { // raw packet header: protocol, frame length, stripped, length
                long protocol = Bytes.u32(buf, body);
                int header = (int) Math.min(Bytes.u32(buf, body + 12), length - 16);
                int next = protocol == 1 ? Protocols.ETH : protocol == 11 ? Protocols.IP
                        : protocol == 12 ? Protocols.IPV6 : Protocols.NONE;
                if (next < 0 || header <= 0) {
                    return Protocols.NONE;
                }
                ctx.next(body + 16, body + 16 + header);
                return next;
            }
            p = (int) (body + length);
        }
        return Protocols.NONE;
    }
}
