package dev.trawl.decode.internal.transport;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;
import static dev.trawl.decode.internal.Decoders.orData;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.application.TlsRecords;
import dev.trawl.decode.internal.network.Quotation;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;
import dev.trawl.pcap.IpProtocol;

/**
 * TCP: the header and its options (an MPTCP option is a layer of its own, as in Wireshark's protocol list), the
 * checksum when asked, and the payload's protocol: a followed connection's, else by port, else OpenFlow on its
 * legacy ports or TLS by its record header, which then make the whole connection theirs. Stateless.
 */
public final class TcpDecoder {
    private TcpDecoder() {
    }

    private static final int TCP = IpProtocol.TCP.value();
    /** The option kind of MPTCP. */
    private static final int MPTCP = 30;
    private static final int SYN = 0x02;
    /** OpenFlow's ports before IANA assigned 6653: Wireshark's heuristic takes them. */
    private static final int OPENFLOW_LEGACY = 6633;
    private static final int OPENFLOW_LEGACY_TLS = 6634;

    /** The built-in TCP decoder. */
    public static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        int quoted = Quotation.inherited(ctx);
        if (off + 20 > end) {
            int layer = header(ctx, Protocols.TCP, off, 20, end);
            ctx.flag(layer, quoted);
            return Protocols.NONE;
        }
        int hl = (u8(buf, off + 12) >>> 4) * 4;
        if (hl < 20) {
            ctx.flag(ctx.addLayer(Protocols.TCP, off, 20, end), quoted | LayerFlags.BAD_LENGTH);
            return Protocols.NONE;
        }
        int layer = header(ctx, Protocols.TCP, off, hl, end);
        ctx.flag(layer, quoted);
        // Each MPTCP option shows in Wireshark's protocol list as an "mptcp" layer, also in options the
        // capture cut short (as far as their kind and length were captured).
        int optionsEnd = Math.min(off + hl, end);
        for (int o = off + 20; o < optionsEnd;) {
            int kind = u8(buf, o);
            if (kind == 0) {
                break;
            }
            if (kind == 1) {
                o++;
                continue;
            }
            if (o + 1 >= optionsEnd) {
                break;
            }
            int len = u8(buf, o + 1);
            if (len < 2) {
                break;
            }
            if (kind == MPTCP) {
                ctx.flag(ctx.addLayer(Protocols.MPTCP, o, len, Math.min(o + len, end)), LayerFlags.PSEUDO);
            }
            o += len;
        }
        if (off + hl > end) {
            return Protocols.NONE;
        }
        if (ctx.verifyChecksums() && quoted == 0 && (ctx.flagsAt(layer - 1) & LayerFlags.TRUNCATED) == 0) {
            TransportChecksum.verify(buf, off, end, ctx, layer, TCP);
        }
        ctx.next(off + hl, end);
        if (quoted != 0 && !Quotation.insideSflow(ctx) || off + hl >= end) {
            return Protocols.NONE; // what an ICMP error quotes ends with the transport header
        }
        return payload(buf, off, hl, end, ctx);
    }

    /**
     * The protocol of the payload of a TCP segment at {@code off} with a header of {@code hl} bytes, the payload
     * being non-empty and in {@code [off + hl, end)}: by port, else TLS by its record header, else data.
     */
    public static int payload(byte[] buf, int off, int hl, int end, DecodeContext ctx) {
        int conversation = ctx.conversations().streamProtocol(buf, off);
        if (conversation >= 0) {
            return conversation; // Wireshark tries a conversation's protocol before the ports
        }
        int next = ctx.lookupPorts(Dispatch.TCP_PORT, u16(buf, off), u16(buf, off + 2));
        int destination = u16(buf, off + 2);
        if (next < 0 && (destination == OPENFLOW_LEGACY || destination == OPENFLOW_LEGACY_TLS)) {
            // Wireshark's OpenFlow heuristic takes any segment to the protocol's legacy ports, and with it the
            // whole connection.
            ctx.conversations().expectStream(buf, off, Protocols.OPENFLOW);
            return Protocols.OPENFLOW;
        }
        if (next < 0 && (u8(buf, off + 13) & SYN) != 0) {
            // Data on a SYN (TCP Fast Open) goes to the decoder of its port; when no port has one, Wireshark
            // shows it as TCP's own segment data, not as a data layer.
            return Protocols.NONE;
        }
        if (next < 0 && TlsRecords.isRecord(buf, off + hl, end)) {
            // Wireshark finds TLS on any port by heuristics, then follows the connection: its later segments,
            // which may continue a record, are TLS's too.
            next = Protocols.TLS;
            ctx.conversations().expectStream(buf, off, Protocols.TLS);
        }
        return orData(next);
    }
}
