package dev.trawl.decode.internal;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;
import static dev.trawl.decode.internal.Decoders.nameIfSent;
import static dev.trawl.decode.internal.Decoders.orData;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.network.Quotation;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;

/** Decoders of ICMP, ICMPv6, IGMP, TCP, UDP and SCTP. */
final class Transport {
    private Transport() {
    }

    /**
     * The ones' complement sum of the IPv4 or IPv6 pseudo-header for a transport segment of {@code length}
     * bytes, or -1 when no enclosing IP header is recorded. Looks back from the layer before {@code layer}.
     */
    static long pseudoHeaderSum(byte[] buf, DecodeContext ctx, int layer, int protocol, int length) {
        for (int j = layer - 1; j >= 0; j--) {
            int p = ctx.protocolAt(j);
            int o = ctx.offsetAt(j);
            if (p == Protocols.IP) {
                return Bytes.onesComplementSum(buf, o + 12, 8, 0) + protocol + length;
            }
            if (p == Protocols.IPV6) {
                return Bytes.onesComplementSum(buf, o + 8, 32, 0) + protocol + length;
            }
        }
        return -1;
    }

    /** Flags {@code layer} when its segment, whole in {@code [off, end)}, fails the transport checksum. */
    static void verifyTransportChecksum(byte[] buf, int off, int end, DecodeContext ctx, int layer, int protocol) {
        long pseudo = pseudoHeaderSum(buf, ctx, layer, protocol, end - off);
        if (pseudo >= 0 && Bytes.onesComplementSum(buf, off, end - off, pseudo) != 0xFFFF) {
            ctx.flag(layer, LayerFlags.BAD_CHECKSUM);
        }
    }

    static int tcp(byte[] buf, int off, int end, DecodeContext ctx) {
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
            if (kind == 30) {
                ctx.flag(ctx.addLayer(Protocols.MPTCP, o, len, Math.min(o + len, end)), LayerFlags.PSEUDO);
            }
            o += len;
        }
        if (off + hl > end) {
            return Protocols.NONE;
        }
        if (ctx.verifyChecksums() && quoted == 0 && (ctx.flagsAt(layer - 1) & LayerFlags.TRUNCATED) == 0) {
            verifyTransportChecksum(buf, off, end, ctx, layer, 6);
        }
        ctx.next(off + hl, end);
        if (quoted != 0 && !Quotation.insideSflow(ctx) || off + hl >= end) {
            return Protocols.NONE; // what an ICMP error quotes ends with the transport header
        }
        return tcpPayload(buf, off, hl, end, ctx);
    }

    /**
     * The protocol of the payload of a TCP segment at {@code off} with a header of {@code hl} bytes, the payload
     * being non-empty and in {@code [off + hl, end)}: by port, else TLS by its record header, else data.
     */
    static int tcpPayload(byte[] buf, int off, int hl, int end, DecodeContext ctx) {
        int conversation = ctx.conversations().streamProtocol(buf, off);
        if (conversation >= 0) {
            return conversation; // Wireshark tries a conversation's protocol before the ports
        }
        int next = ctx.lookupPorts(Dispatch.TCP_PORT, u16(buf, off), u16(buf, off + 2));
        int destination = u16(buf, off + 2);
        if (next < 0 && (destination == 6633 || destination == 6634)) {
            // Wireshark's OpenFlow heuristic takes any segment to the protocol's legacy ports, and with it the
            // whole connection.
            ctx.conversations().expectStream(buf, off, Protocols.OPENFLOW);
            return Protocols.OPENFLOW;
        }
        if (next < 0 && (u8(buf, off + 13) & 0x02) != 0) {
            // Data on a SYN (TCP Fast Open) goes to the decoder of its port; when no port has one, Wireshark
            // shows it as TCP's own segment data, not as a data layer.
            return Protocols.NONE;
        }
        if (next < 0 && Streams.isRecord(buf, off + hl, end)) {
            // Wireshark finds TLS on any port by heuristics, then follows the connection: its later segments,
            // which may continue a record, are TLS's too.
            next = Protocols.TLS;
            ctx.conversations().expectStream(buf, off, Protocols.TLS);
        }
        return orData(next);
    }

    static int udp(byte[] buf, int off, int end, DecodeContext ctx) {
        int quoted = Quotation.inherited(ctx);
        if (off + 8 > end) {
            ctx.flag(header(ctx, Protocols.UDP, off, 8, end), quoted);
            return Protocols.NONE;
        }
        int len = u16(buf, off + 4);
        int layerEnd = end;
        int flags = quoted;
        if (len < 8) {
            // A length below the header size: Wireshark calls it bogus and stops (0 is allowed on jumbograms).
            if (len != 0) {
                ctx.flag(ctx.addLayer(Protocols.UDP, off, 8, end), flags | LayerFlags.BAD_LENGTH);
                return Protocols.NONE;
            }
        } else if (off + len <= end) {
            layerEnd = off + len;
        } else if (quoted == 0) {
            flags |= LayerFlags.TRUNCATED;
        }
        int layer = ctx.addLayer(Protocols.UDP, off, 8, layerEnd);
        ctx.flag(layer, flags);
        if (ctx.verifyChecksums() && flags == 0 && len >= 8 && u16(buf, off + 6) != 0) {
            verifyTransportChecksum(buf, off, layerEnd, ctx, layer, 17);
        }
        if (quoted != 0 && len > end - off) {
            // A quoted datagram is cut short on purpose; its payload protocol is still named by port.
            ctx.next(off + 8, end);
        }
        if (off + 8 >= layerEnd) {
            return Protocols.NONE;
        }
        return udpPayload(buf, off, layerEnd, ctx);
    }

    /**
     * The protocol of the (non-empty) payload of the UDP datagram at {@code off}, captured up to {@code end}:
     * a followed conversation's, else by port, else DNS if it looks like it, else data.
     */
    static int udpPayload(byte[] buf, int off, int end, DecodeContext ctx) {
        int conversation = ctx.conversations().datagramProtocol(buf, off);
        if (conversation >= 0) {
            return conversation; // Wireshark tries a conversation's protocol before the ports
        }
        int next = ctx.lookupPorts(Dispatch.UDP_PORT, u16(buf, off), u16(buf, off + 2));
        int length = u16(buf, off + 4);
        if (next < 0 && looksLikeDns(buf, off + 8, end, length >= 8 ? length - 8 : end - off - 8)) {
            next = ctx.lookup(Dispatch.UDP_PORT, 53); // Wireshark's DNS heuristic, on any port
        }
        return orData(next);
    }

    /**
     * Wireshark's test for a DNS message on a port DNS is not registered on: more than a header; a standard
     * query with one question and no answers or authority records, or a standard response with at most one
     * question, 100 answers and 10 authority records; at most 10 additional records; a question or an answer;
     * and a message at least 6 bytes per question and 11 per record long. The header is read from
     * {@code [off, end)}; {@code length} is the message's length on the wire.
     */
    static boolean looksLikeDns(byte[] buf, int off, int end, int length) {
        if (length <= 12 || off + 12 > end) {
            return false;
        }
        int flags = u16(buf, off + 2);
        int questions = u16(buf, off + 4);
        int answers = u16(buf, off + 6);
        int authority = u16(buf, off + 8);
        int additional = u16(buf, off + 10);
        if ((flags & 0x7800) != 0 || additional > 10 || questions + answers == 0) {
            return false;
        }
        boolean response = (flags & 0x8000) != 0;
        if (response ? questions > 1 || answers > 100 || authority > 10
                : questions != 1 || answers != 0 || authority != 0) {
            return false;
        }
        return questions * 6L + (answers + authority + additional) * 11L <= length;
    }

    /** SCTP common header; chunks are walked by the flyweight. */
    static int sctp(byte[] buf, int off, int end, DecodeContext ctx) {
        int layer = header(ctx, Protocols.SCTP, off, 12, end);
        if (off + 12 > end) {
            return Protocols.NONE;
        }
        // Walk the chunk list to check it is well formed; each chunk advances at least 4 bytes.
        int p = off + 12;
        int dataPpid = -1;
        int dataStart = -1;
        int dataEnd = -1;
        while (p + 4 <= end) {
            int type = u8(buf, p);
            int len = u16(buf, p + 2);
            if (len < 4) {
                ctx.flag(layer, LayerFlags.BAD_LENGTH);
                return Protocols.NONE;
            }
            // The first DATA chunk that holds a whole message (B and E set); a fragment is not decoded further.
            if (type == 0 && dataPpid < 0 && p + 16 <= end && (u8(buf, p + 1) & 0x03) == 0x03) {
                dataPpid = (int) Bytes.u32(buf, p + 12);
                dataStart = p + 16;
                dataEnd = Math.min(end, p + len);
            }
            p += (len + 3) & ~3;
        }
        if (p > end + 3) {
            ctx.flag(layer, LayerFlags.TRUNCATED);
        }
        if (dataPpid >= 0) {
            int next = ctx.lookupPorts(Dispatch.SCTP_PORT, u16(buf, off), u16(buf, off + 2));
            ctx.next(dataStart, dataEnd);
            return orData(next);
        }
        return Protocols.NONE;
    }
}
