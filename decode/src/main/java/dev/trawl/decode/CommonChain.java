package dev.trawl.decode;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;

import dev.trawl.decode.internal.link.EthernetDecoder;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;
import dev.trawl.pcap.EtherType;
import dev.trawl.pcap.IpProtocol;

/**
 * The eager part of a lazy decode: Ethernet, IPv4 or IPv6, then TCP or UDP, decoded inline straight into the
 * layer table, producing exactly the layers and flags the built-in decoders would. Everything past that
 * (the transport's payload protocol, found by port lookups and heuristics, and whatever it carries), and
 * every case this class does not handle (802.3 frames, VLAN tags, fragments' oddities, bad lengths,
 * truncated headers, other protocols), is left as a resume point: the state of {@link PacketDecoder}'s
 * decoder loop at a step boundary, which it runs when a caller asks for a layer not yet known.
 *
 * <p>Why: most callers read a few headers of the first layers, and the work above the transport (dispatch
 * through the registry, payload heuristics, application headers) costs far more than those headers. Each
 * step here either handles its protocol's common case completely or records nothing and defers, so that
 * the loop, when it resumes, repeats no work and sees the same state it would have reached itself.
 *
 * <p>Used only when the registry still has the built-in decoders of these protocols and checksums are not
 * verified. Not thread-safe; one per {@link PacketDecoder}.
 */
final class CommonChain {
    /** Nothing is pending: the layer table is complete. */
    static final int DONE = 0;
    /** The loop resumes with protocol {@link #proto} over {@code [off, end)}. */
    static final int STEP = 1;
    /** The TCP header at {@link #off} ({@link #aux} bytes long) has a payload whose protocol is still unknown. */
    static final int TCP_PAYLOAD = 2;
    /** The UDP header at {@link #off} has a payload, up to {@link #end}, whose protocol is still unknown. */
    static final int UDP_PAYLOAD = 3;

    int kind;
    int proto;
    int off;
    int end;
    int aux;

    private final DecodedPacket r;
    private final ProtocolRegistry registry;
    private static final int ETHERTYPE_IPV4 = EtherType.IPV4.value();
    private static final int ETHERTYPE_IPV6 = EtherType.IPV6.value();
    private static final int PROTOCOL_TCP = IpProtocol.TCP.value();
    private static final int PROTOCOL_UDP = IpProtocol.UDP.value();
    private static final int NO_NEXT_HEADER = IpProtocol.NO_NEXT_HEADER.value();
    /** The TCP option kind of MPTCP. */
    private static final int MPTCP = 30;

    /**
     * Whether IPv4's EtherType leads to the built-in IPv4 decoder, IPv6's to IPv6, and the IP protocol numbers of
     * TCP and UDP to theirs: the registry is immutable, so these lookups are made once instead of per packet.
     */
    private final boolean ipv4;
    private final boolean ipv6;
    private final boolean tcp;
    private final boolean udp;

    CommonChain(DecodedPacket result, ProtocolRegistry registry) {
        this.r = result;
        this.registry = registry;
        this.ipv4 = direct(registry, Protocols.IP, Dispatch.ETHERTYPE, ETHERTYPE_IPV4);
        this.ipv6 = direct(registry, Protocols.IPV6, Dispatch.ETHERTYPE, ETHERTYPE_IPV6);
        this.tcp = direct(registry, Protocols.TCP, Dispatch.IP_PROTO, PROTOCOL_TCP);
        this.udp = direct(registry, Protocols.UDP, Dispatch.IP_PROTO, PROTOCOL_UDP);
    }

    /** Whether {@code key} in {@code table} leads to {@code protocol}, decoded by its built-in decoder. */
    static boolean direct(ProtocolRegistry registry, int protocol, int table, int key) {
        return registry.isDirect(protocol) && registry.lookup(table, key) == protocol;
    }

    /** Whether the registry keeps the built-in Ethernet decoder, without which this class is not used. */
    static boolean usable(ProtocolRegistry registry) {
        return registry.isDirect(Protocols.ETH);
    }

    private void defer(int protocol, int offset, int limit) {
        kind = STEP;
        proto = protocol;
        off = offset;
        end = limit;
    }

    /**
     * Records layer {@code index}, the last so far. The chain always starts at an empty table, so each layer's
     * index is known: Ethernet 0, its ethertype pseudo-layer 1, IP 2, the transport 3.
     */
    void add(int index, int protocol, int offset, int headerLength, int layerEnd, int flags) {
        int[] l = r.layers;
        int b = index * DecodedPacket.STRIDE;
        l[b + DecodedPacket.PROTOCOL] = protocol;
        l[b + DecodedPacket.OFFSET] = offset;
        l[b + DecodedPacket.HEADER_LENGTH] = headerLength;
        l[b + DecodedPacket.END] = layerEnd;
        l[b + DecodedPacket.FLAGS] = flags;
        r.count = index + 1;
    }

    /**
     * Decodes the Ethernet frame in {@code [o, limit)} (non-empty, {@code limit} being the packet's end) as far
     * as the transport header, and sets the resume point.
     */
    void ethernet(byte[] buf, int o, int limit, DecodeContext ctx) {
        kind = DONE;
        if (o + 14 > limit) {
            defer(Protocols.ETH, o, limit);
            return;
        }
        int type = u16(buf, o + 12);
        if (type <= EthernetDecoder.MAX_LENGTH || o + 14 == limit) {
            // 802.3 frames, and frames captured no further than the type (the general decoder names what
            // followed on the wire, as Wireshark does), take the general path
            defer(Protocols.ETH, o, limit);
            return;
        }
        add(0, Protocols.ETH, o, 14, limit, 0);
        // Wireshark's zero-length ethertype pseudo-layer, as the Ethernet decoder records it.
        add(1, Protocols.ETHERTYPE, o + 12, 0, limit, LayerFlags.PSEUDO | LayerFlags.UNSHOWN);
        int p = o + 14;
        if (type == ETHERTYPE_IPV4 && ipv4) {
            ipv4(buf, p, limit, ctx);
        } else if (type == ETHERTYPE_IPV6 && ipv6) {
            ipv6(buf, p, limit, ctx);
        } else {
            int next = registry.lookup(Dispatch.ETHERTYPE, type);
            defer(next < 0 ? Protocols.DATA : next, p, limit);
        }
    }

    private void ipv4(byte[] buf, int o, int limit, DecodeContext ctx) {
        if (o + 20 > limit) {
            defer(Protocols.IP, o, limit);
            return;
        }
        int vhl = u8(buf, o);
        int hl = (vhl & 0x0F) * 4;
        int total = u16(buf, o + 2);
        if ((vhl >>> 4) != 4 || hl < 20 || (total != 0 && total < hl) || o + hl > limit) {
            defer(Protocols.IP, o, limit);
            return;
        }
        int layerEnd;
        int flags = 0;
        if (total == 0) {
            layerEnd = limit; // segmentation offload: what was captured
        } else if (o + total > limit) {
            layerEnd = limit;
            flags = LayerFlags.TRUNCATED;
        } else {
            layerEnd = o + total;
        }
        add(2, Protocols.IP, o, hl, layerEnd, flags);
        int p = o + hl;
        // The loop stops at an empty payload unless the datagram claims one (a capture cut after the header).
        if (p == layerEnd && total <= hl) {
            return;
        }
        int fragment = u16(buf, o + 6);
        if ((fragment & 0x3FFF) != 0 && ((fragment & 0x1FFF) != 0 || flags == 0 && !ctx.decodeFirstFragments())) {
            // a fragment (but a first fragment the capture cut short decodes on, as in the IPv4 decoder)
            defer(Protocols.DATA, p, layerEnd);
            return;
        }
        transport(buf, u8(buf, o + 9), p, layerEnd, ctx);
    }

    private void ipv6(byte[] buf, int o, int limit, DecodeContext ctx) {
        if (o + 40 > limit || (u8(buf, o) >>> 4) != 6) {
            defer(Protocols.IPV6, o, limit);
            return;
        }
        int payload = u16(buf, o + 4);
        int layerEnd;
        int flags = 0;
        if (payload == 0) {
            layerEnd = limit; // a jumbogram, or offloaded length
        } else if (o + 40 + payload > limit) {
            layerEnd = limit;
            flags = LayerFlags.TRUNCATED;
        } else {
            layerEnd = o + 40 + payload;
        }
        add(2, Protocols.IPV6, o, 40, layerEnd, flags);
        int nh = u8(buf, o + 6);
        if (nh == NO_NEXT_HEADER) {
            return; // no next header
        }
        transport(buf, nh, o + 40, layerEnd, ctx);
    }

    /** Continues with IP protocol number {@code number} over {@code [o, limit)}. */
    private void transport(byte[] buf, int number, int o, int limit, DecodeContext ctx) {
        if (number == PROTOCOL_TCP && tcp) {
            tcp(buf, o, limit, ctx);
        } else if (number == PROTOCOL_UDP && udp) {
            udp(buf, o, limit);
        } else {
            int next = registry.lookup(Dispatch.IP_PROTO, number);
            defer(next < 0 ? Protocols.DATA : next, o, limit);
        }
    }

    private void tcp(byte[] buf, int o, int limit, DecodeContext ctx) {
        if (o + 20 > limit) {
            defer(Protocols.TCP, o, limit);
            return;
        }
        int hl = (u8(buf, o + 12) >>> 4) * 4;
        if (hl < 20 || o + hl > limit) {
            defer(Protocols.TCP, o, limit);
            return;
        }
        add(3, Protocols.TCP, o, hl, limit, 0);
        if (hl > 20) {
            mptcpOptions(buf, o, hl, ctx);
        }
        int p = o + hl;
        if (p >= limit) {
            return; // no payload
        }
        kind = TCP_PAYLOAD;
        off = o;
        aux = hl;
        end = limit;
    }

    /** Each MPTCP option is a layer of its own, as in Wireshark's protocol list (see TcpDecoder). */
    private static void mptcpOptions(byte[] buf, int o, int hl, DecodeContext ctx) {
        for (int p = o + 20; p < o + hl;) {
            int kind = u8(buf, p);
            if (kind == 0) {
                break;
            }
            if (kind == 1) {
                p++;
                continue;
            }
            if (p + 1 >= o + hl) {
                break;
            }
            int len = u8(buf, p + 1);
            if (len < 2) {
                break;
            }
            if (kind == MPTCP) {
                ctx.flag(ctx.addLayer(Protocols.MPTCP, p, len, p + len), LayerFlags.PSEUDO);
            }
            p += len;
        }
    }

    private void udp(byte[] buf, int o, int limit) {
        if (o + 8 > limit) {
            defer(Protocols.UDP, o, limit);
            return;
        }
        int len = u16(buf, o + 4);
        int layerEnd = limit;
        int flags = 0;
        if (len < 8) {
            if (len != 0) {
                defer(Protocols.UDP, o, limit); // a bogus length, flagged by the decoder
                return;
            }
        } else if (o + len <= limit) {
            layerEnd = o + len;
        } else {
            flags = LayerFlags.TRUNCATED;
        }
        add(3, Protocols.UDP, o, 8, layerEnd, flags);
        if (o + 8 >= layerEnd) {
            return;
        }
        kind = UDP_PAYLOAD;
        off = o;
        end = layerEnd;
    }
}
