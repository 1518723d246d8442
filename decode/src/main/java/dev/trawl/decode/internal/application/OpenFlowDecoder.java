package dev.trawl.decode.internal.application;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;
import dev.trawl.decode.spi.ProtocolRegistrar;

/**
 * OpenFlow: the version byte names the dialect, which Wireshark lists after {@code openflow}; the Ethernet frame
 * of a packet-in or packet-out message is decoded. A message not yet whole shows nothing. Immutable.
 */
final class OpenFlowDecoder implements ProtocolDecoder {
    private final int v1;
    private final int v4;
    private final int v5;
    private final int v6;

    OpenFlowDecoder(ProtocolRegistrar r) {
        this.v1 = r.protocol("openflow_v1", null);
        this.v4 = r.protocol("openflow_v4", null);
        this.v5 = r.protocol("openflow_v5", null);
        this.v6 = r.protocol("openflow_v6", null);
    }

    @Override
    public int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 8 > end) {
            return ProtocolDecoder.INCOMPLETE;
        }
        int version = u8(buf, off);
        int length = u16(buf, off + 2);
        if (length < 8) {
            return ProtocolDecoder.REJECT;
        }
        if (off + length > end) {
            return ProtocolDecoder.INCOMPLETE;
        }
        int dialect;
        switch (version) {
            case 1:
                dialect = v1;
                break;
            case 4:
                dialect = v4;
                break;
            case 5:
                dialect = v5;
                break;
            case 6:
                dialect = v6;
                break;
            default:
                return ProtocolDecoder.REJECT;
        }
        header(ctx, Protocols.OPENFLOW, off, 8, end);
        ctx.addLayer(dialect, off, 0, end);
        int frame = frame(buf, off, length, version);
        if (frame < 0 || frame >= off + length) {
            return Protocols.NONE;
        }
        ctx.next(frame, off + length);
        return Protocols.ETH;
    }

    /**
     * Where the Ethernet frame of an OpenFlow packet-in or packet-out message of {@code length} bytes at
     * {@code off} starts, or -1 for other messages: after the fixed part (and, in version 1.3's packet-in, the
     * match, padded to 8 bytes, and 2 bytes of padding; in packet-out, the actions).
     */
    private static int frame(byte[] buf, int off, int length, int version) {
        int type = u8(buf, off + 1);
        if (version == 1 && type == 10 && length >= 18) {
            return off + 18;
        }
        if (version == 1 && type == 13 && length >= 16) {
            return off + 16 + u16(buf, off + 14);
        }
        if (version == 4 && type == 10 && length >= 28) {
            return off + 24 + ((u16(buf, off + 26) + 7) & ~7) + 2;
        }
        if (version == 4 && type == 13 && length >= 24) {
            return off + 24 + u16(buf, off + 16);
        }
        return -1;
    }
}
