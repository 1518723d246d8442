package dev.trawl.decode.internal;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;

/** Decoders of application protocols: DNS, DHCP, NTP, UDP encapsulation, and named opaque payloads. */
final class Apps {
    private Apps() {
    }

    /** DNS over UDP: the 12-byte header; questions and records are parsed on demand by the flyweight. */
    static int dns(byte[] buf, int off, int end, DecodeContext ctx) {
        return dnsMessage(Protocols.DNS, off, end, ctx);
    }

    /** Multicast DNS: DNS's format on port 5353. */
    static int mdns(byte[] buf, int off, int end, DecodeContext ctx) {
        return dnsMessage(Protocols.MDNS, off, end, ctx);
    }

    private static int dnsMessage(int protocol, int off, int end, DecodeContext ctx) {
        header(ctx, protocol, off, 12, end);
        return Protocols.NONE;
    }

    /** DNS over TCP: a two-byte length, then a DNS message (the layer starts at the message). */
    static int dnsTcp(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 2 > end) {
            ctx.flag(ctx.addLayer(Protocols.DNS, off, 2, end), LayerFlags.TRUNCATED);
            return Protocols.NONE;
        }
        int len = u16(buf, off);
        int msgEnd = Math.min(end, off + 2 + len);
        int layer = header(ctx, Protocols.DNS, off + 2, 12, msgEnd);
        if (off + 2 + len > end) {
            ctx.flag(layer, LayerFlags.TRUNCATED);
        }
        return Protocols.NONE;
    }

    /** BOOTP/DHCP: a 236-byte fixed part, the magic cookie and options. */
    static int dhcp(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.DHCP, off, 236, end);
        return Protocols.NONE;
    }

    /** NTP: a 48-byte header (extension fields and MAC follow, not decoded). */
    static int ntp(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.NTP, off, 48, end);
        return Protocols.NONE;
    }
}
