package dev.trawl.decode.internal.link;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;
import static dev.trawl.decode.internal.Decoders.orData;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;
import dev.trawl.pcap.EtherType;

/**
 * Linux ARCNET (LINKTYPE_ARCNET_LINUX): source, destination, a two-byte offset, then the protocol id; RFC 1201
 * protocols add a split flag and sequence number (and an exception packet four more bytes). Stateless.
 */
final class ArcnetDecoder {
    private ArcnetDecoder() {
    }

    private static final int RFC1201_IP = 0xD4;
    private static final int RFC1201_ARP = 0xD5;
    private static final int RFC1201_RARP = 0xD6;
    private static final int RFC1201_ATALK = 0xDD;
    private static final int RFC1051_IP = 0xF0;
    private static final int RFC1051_ARP = 0xF1;
    /** The split flag of an exception packet, which carries four bytes of padding and a second header. */
    private static final int EXCEPTION = 0xFF;
    private static final int APPLETALK = EtherType.APPLETALK.value();

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 5 > end) {
            header(ctx, Protocols.ARCNET, off, 5, end);
            return Protocols.NONE;
        }
        int type = u8(buf, off + 4);
        int hl;
        switch (type) {
            case RFC1201_IP:
            case RFC1201_ARP:
            case RFC1201_RARP:
            case RFC1201_ATALK:
                hl = off + 6 <= end && u8(buf, off + 5) == EXCEPTION ? 12 : 8;
                break;
            default:
                hl = 5;
        }
        header(ctx, Protocols.ARCNET, off, hl, end);
        switch (type) {
            case RFC1201_IP:
            case RFC1051_IP:
                return Protocols.IP;
            case RFC1201_ARP:
            case RFC1051_ARP:
                return Protocols.ARP;
            case RFC1201_ATALK:
                return orData(ctx.lookup(Dispatch.ETHERTYPE, APPLETALK));
            default:
                return Protocols.DATA;
        }
    }
}
