package dev.trawl.decode.internal.transport;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Decoders.header;
import static dev.trawl.decode.internal.Decoders.orData;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.application.DtlsRecords;
import dev.trawl.decode.internal.network.Quotation;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;
import dev.trawl.pcap.IpProtocol;

/**
 * UDP: the header, the datagram's end from its length, the checksum when asked, and the payload's protocol: a
 * followed conversation's, else by port, else DNS or DTLS when it looks like it (Wireshark's heuristics).
 * Stateless.
 */
public final class UdpDecoder {
    private UdpDecoder() {
    }

    private static final int UDP = IpProtocol.UDP.value();
    private static final int DNS_PORT = 53;
    /** The port DTLS is bound to (DNS over DTLS), whose protocol the DTLS heuristic names. */
    private static final int DTLS_PORT = 853;

    /** The built-in UDP decoder. */
    public static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
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
            TransportChecksum.verify(buf, off, layerEnd, ctx, layer, UDP);
        }
        if (quoted != 0 && len > end - off) {
            // A quoted datagram is cut short on purpose; its payload protocol is still named by port.
            ctx.next(off + 8, end);
        }
        if (off + 8 >= layerEnd) {
            return Protocols.NONE;
        }
        return payload(buf, off, layerEnd, ctx);
    }

    /**
     * The protocol of the (non-empty) payload of the UDP datagram at {@code off}, captured up to {@code end}:
     * a followed conversation's, else by port, else DNS or DTLS if it looks like it, else data.
     */
    public static int payload(byte[] buf, int off, int end, DecodeContext ctx) {
        int conversation = ctx.conversations().datagramProtocol(buf, off);
        if (conversation >= 0) {
            return conversation; // Wireshark tries a conversation's protocol before the ports
        }
        int next = ctx.lookupPorts(Dispatch.UDP_PORT, u16(buf, off), u16(buf, off + 2));
        return orData(next >= 0 ? next : heuristic(buf, off, end, ctx));
    }

    /**
     * What Wireshark's heuristics on UDP name the payload of the datagram at {@code off}, captured up to {@code end}:
     * DNS or DTLS if it looks like it, else {@link Protocols#NONE}. Tried when no port names the payload, or when the
     * protocol a port names refuses it.
     */
    public static int heuristic(byte[] buf, int off, int end, DecodeContext ctx) {
        int length = u16(buf, off + 4);
        int onWire = length >= 8 ? length - 8 : end - off - 8;
        if (looksLikeDns(buf, off + 8, end, onWire)) {
            return ctx.lookup(Dispatch.UDP_PORT, DNS_PORT); // Wireshark's DNS heuristic, on any port
        }
        if (DtlsRecords.looksLikeDtls(buf, off + 8, end, onWire)) {
            return ctx.lookup(Dispatch.UDP_PORT, DTLS_PORT);
        }
        return Protocols.NONE;
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
}
