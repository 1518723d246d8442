package dev.trawl.decode.internal;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.application.DnsDecoder;
import dev.trawl.decode.internal.link.EthernetDecoder;
import dev.trawl.decode.internal.network.Ipv4Decoder;
import dev.trawl.decode.internal.network.Ipv6Decoder;
import dev.trawl.decode.internal.transport.TcpDecoder;
import dev.trawl.decode.internal.transport.UdpDecoder;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;

/**
 * Direct calls to the built-in decoders of the most common protocols. A call through
 * {@link ProtocolDecoder#decode} at the one dispatch site of the decoder loop sees many implementations and
 * cannot be inlined; calling the same static methods directly can. {@link dev.trawl.decode.PacketDecoder}
 * uses this only for protocols whose registered decoder is still the built-in one, so a plugin that
 * replaces one of them is called as usual.
 */
public final class FastPath {
    private FastPath() {
    }

    /** The built-in decoder instances, as registered; compared by identity. */
    public static final ProtocolDecoder DATA = Decoders::data;
    public static final ProtocolDecoder ETHERNET = EthernetDecoder::decode;
    public static final ProtocolDecoder IPV4 = Ipv4Decoder::decode;
    public static final ProtocolDecoder IPV6 = Ipv6Decoder::decode;
    public static final ProtocolDecoder TCP = TcpDecoder::decode;
    public static final ProtocolDecoder UDP = UdpDecoder::decode;
    public static final ProtocolDecoder DNS = DnsDecoder::decode;
    public static final ProtocolDecoder MDNS = DnsDecoder::decode;
    public static final ProtocolDecoder NTP = Decoders.fixedHeader(48);

    /**
     * Whether {@code decoder} is a built-in decoder of {@code protocol} that records at most layers of
     * {@code protocol} itself and ends the stack (returns NONE, or REJECT, after which the loop records the
     * region as data). A search for any other protocol above such a layer can then be answered without
     * running it.
     */
    public static boolean isLeaf(int protocol, ProtocolDecoder decoder) {
        if (decoder == Decoders.OPAQUE) {
            return true;
        }
        switch (protocol) {
            case Protocols.DATA:
                return decoder == DATA;
            case Protocols.DNS:
                return decoder == DNS;
            case Protocols.MDNS:
                return decoder == MDNS;
            case Protocols.NTP:
                return decoder == NTP;
            default:
                return false;
        }
    }

    /** Returned by {@link #decode} when {@code protocol} has no direct path. */
    public static final int NOT_HANDLED = Integer.MIN_VALUE;

    /** Whether {@code decoder} is the built-in decoder of {@code protocol} that {@link #decode} calls. */
    public static boolean handles(int protocol, ProtocolDecoder decoder) {
        switch (protocol) {
            case Protocols.DATA:
                return decoder == DATA;
            case Protocols.ETH:
                return decoder == ETHERNET;
            case Protocols.IP:
                return decoder == IPV4;
            case Protocols.IPV6:
                return decoder == IPV6;
            case Protocols.TCP:
                return decoder == TCP;
            case Protocols.UDP:
                return decoder == UDP;
            case Protocols.DNS:
                return decoder == DNS;
            case Protocols.MDNS:
                return decoder == MDNS;
            default:
                return false;
        }
    }

    /**
     * The second half of the built-in TCP decoder: the protocol of a segment's non-empty payload, found by port
     * or by a TLS record header. {@code off} is the TCP header's index, {@code hl} its length.
     */
    public static int tcpPayload(byte[] buf, int off, int hl, int end, DecodeContext ctx) {
        return TcpDecoder.payload(buf, off, hl, end, ctx);
    }

    /** The second half of the built-in UDP decoder: the protocol of a datagram's non-empty payload, by port. */
    public static int udpPayload(byte[] buf, int off, int end, DecodeContext ctx) {
        return UdpDecoder.payload(buf, off, end, ctx);
    }

    /** Calls the built-in decoder of {@code protocol} directly, or returns {@link #NOT_HANDLED}. */
    public static int decode(int protocol, byte[] buf, int off, int end, DecodeContext ctx) {
        switch (protocol) {
            case Protocols.DATA:
                return Decoders.data(buf, off, end, ctx);
            case Protocols.ETH:
                return EthernetDecoder.decode(buf, off, end, ctx);
            case Protocols.IP:
                return Ipv4Decoder.decode(buf, off, end, ctx);
            case Protocols.IPV6:
                return Ipv6Decoder.decode(buf, off, end, ctx);
            case Protocols.TCP:
                return TcpDecoder.decode(buf, off, end, ctx);
            case Protocols.UDP:
                return UdpDecoder.decode(buf, off, end, ctx);
            case Protocols.DNS:
                return DnsDecoder.decode(buf, off, end, ctx);
            case Protocols.MDNS:
                return DnsDecoder.decode(buf, off, end, ctx);
            default:
                return NOT_HANDLED;
        }
    }
}
