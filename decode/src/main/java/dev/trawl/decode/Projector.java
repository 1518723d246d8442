package dev.trawl.decode;

import dev.trawl.decode.internal.application.StackEnds;
import dev.trawl.decode.spi.Dispatch;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.Packet;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Reads a {@link Projection}'s fields from packet after packet into one reusable {@link ProjectedRow}. Packets
 * must come in capture order, as to a {@link PacketDecoder}: the projector numbers frames as a decoder does
 * (from 1, or as {@link #nextFrameNumber} says), and hands the packets it does not read from their bytes to
 * its decoder, whose state then follows them.
 *
 * <p>What it checks before reading a packet from its bytes: an Ethernet frame with a type (not an 802.3
 * length) and more than its header; one IPv4 header (version 4, a length of at least 20 bytes, a total length
 * of at least that, all captured, not a fragment) or IPv6 header (a payload length, no extension header); one
 * TCP header (all captured, no MPTCP option) or UDP header (captured, a usable length), or none where the IP
 * header says there is none; and a payload that is empty or of a protocol that ends the stack, as the
 * decoder names it. Everything else is decoded.
 *
 * <p>Allocates nothing per packet once its buffers have grown, but for text values. Not thread-safe; one per
 * thread.
 */
public final class Projector {
    private static final int LINKTYPE_ETHERNET = LinkType.ETHERNET.value();
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86DD;
    private static final int MAX_LENGTH = 1500;
    private static final int PROTOCOL_TCP = 6;
    private static final int PROTOCOL_UDP = 17;
    private static final int NO_NEXT_HEADER = 59;
    private static final int MPTCP = 30;

    private final Projection projection;
    private final PacketDecoder decoder;
    private final ProtocolRegistry registry;
    private final FixedField[] fixed;
    private final ProjectedRow row;
    private final boolean ipv4;
    private final boolean ipv6;
    private final boolean tcp;
    private final boolean udp;
    /** Whether each protocol ends the stack: 0 not known yet, 1 yes, 2 no. */
    private final byte[] ends;
    /**
     * What a TCP or UDP port is bound to, for a decoder that follows no conversations (whose payloads are then
     * named by ports and by heuristics that only ever name protocols ending the stack): 0 nothing, 1 a protocol
     * that ends the stack, 2 one that may not (or a port a heuristic takes to one).
     */
    private final byte[] tcpPorts = new byte[65536];
    private final byte[] udpPorts = new byte[65536];
    /** Whether what the heuristics name a payload on unbound ports ends the stack. */
    private final boolean tcpUnboundEnds;
    private final boolean udpUnboundEnds;
    /** The legacy OpenFlow ports, which the TCP decoder's heuristic takes to OpenFlow (which carries frames). */
    private static final int OPENFLOW_LEGACY = 6633;
    private static final int OPENFLOW_LEGACY_TLS = 6634;
    private static final int DNS_PORT = 53;
    private long frameCounter;
    private long specialisedPackets;
    private long decodedPackets;
    private DecodedPacket decoded;
    private byte[] lastArray;
    private ByteBuffer lastView;
    private byte[] scratch = new byte[2048];
    private ByteBuffer scratchView = ByteBuffer.wrap(scratch);

    Projector(Projection projection, PacketDecoder decoder) {
        this.projection = projection;
        this.decoder = decoder;
        this.registry = decoder.registry();
        this.fixed = projection.fixed();
        this.row = new ProjectedRow(projection.fields());
        this.ipv4 = CommonChain.direct(registry, Protocols.IP, Dispatch.ETHERTYPE, ETHERTYPE_IPV4);
        this.ipv6 = CommonChain.direct(registry, Protocols.IPV6, Dispatch.ETHERTYPE, ETHERTYPE_IPV6);
        this.tcp = CommonChain.direct(registry, Protocols.TCP, Dispatch.IP_PROTO, PROTOCOL_TCP);
        this.udp = CommonChain.direct(registry, Protocols.UDP, Dispatch.IP_PROTO, PROTOCOL_UDP);
        this.ends = new byte[registry.size()];
        for (int port = 1; port < 65536; port++) {
            tcpPorts[port] = portState(Dispatch.TCP_PORT, port);
            udpPorts[port] = portState(Dispatch.UDP_PORT, port);
        }
        if (tcpPorts[OPENFLOW_LEGACY] == 0) {
            tcpPorts[OPENFLOW_LEGACY] = 2;
        }
        if (tcpPorts[OPENFLOW_LEGACY_TLS] == 0) {
            tcpPorts[OPENFLOW_LEGACY_TLS] = 2;
        }
        this.tcpUnboundEnds = endsStack(Protocols.TLS) && endsStack(Protocols.DATA);
        int dns = registry.lookup(Dispatch.UDP_PORT, DNS_PORT);
        this.udpUnboundEnds = endsStack(dns < 0 ? Protocols.DATA : dns) && endsStack(Protocols.DATA);
    }

    private byte portState(int table, int port) {
        int protocol = registry.lookup(table, port);
        return protocol < 0 ? 0 : endsStack(protocol) ? (byte) 1 : (byte) 2;
    }

    /**
     * Whether the payload of a segment or datagram between {@code port1} and {@code port2} ends the stack, as
     * the ports alone decide it for a decoder that follows no conversations: the lower bound port first, then
     * the higher, then the heuristics of unbound ports.
     */
    private static boolean portsEnd(byte[] ports, boolean unboundEnds, int port1, int port2) {
        int low = Math.min(port1, port2);
        int high = Math.max(port1, port2);
        byte state = low != 0 ? ports[low] : 0;
        if (state == 0 && high != 0) {
            state = ports[high];
        }
        return state == 0 ? unboundEnds : state == 1;
    }

    /** The projection this projector reads. */
    public Projection projection() {
        return projection;
    }

    /** The decoder of the packets not read from their bytes. */
    public PacketDecoder decoder() {
        return decoder;
    }

    /**
     * Makes the next packet frame number {@code number} (and the ones after it count on from there), for
     * callers that number frames themselves; the decoder gets the same numbers.
     */
    public void nextFrameNumber(long number) {
        frameCounter = number - 1;
    }

    /** The number of packets read from their bytes so far. */
    public long specialisedPackets() {
        return specialisedPackets;
    }

    /** The number of packets the general decoder decoded so far. */
    public long decodedPackets() {
        return decodedPackets;
    }

    /**
     * The general decoder's result for the last packet, or null when that packet was read from its bytes.
     * Valid as the row is.
     */
    public DecodedPacket decoded() {
        return decoded;
    }

    /** Projects a packet read from a handle: the bytes between {@code packet.data()}'s position and limit. */
    public ProjectedRow project(LinkType linkType, Packet packet) {
        ByteBuffer data = packet.data();
        return project(linkType.value(), data, data.position(), data.remaining(), packet.originalLength(),
                packet.timestampSeconds(), packet.timestampNanos());
    }

    /** Projects {@code length} bytes of {@code buf} from the absolute index {@code offset}, with no metadata. */
    public ProjectedRow project(int linkType, ByteBuffer buf, int offset, int length) {
        return project(linkType, buf, offset, length, length, 0, 0);
    }

    /**
     * Projects {@code length} bytes of {@code buf} from the absolute index {@code offset}, with frame metadata,
     * as {@link PacketDecoder#decode(int, ByteBuffer, int, int, int, long, int)} takes them.
     *
     * @throws IndexOutOfBoundsException if the region lies outside the buffer (a caller error)
     */
    public ProjectedRow project(int linkType, ByteBuffer buf, int offset, int length, int originalLength,
            long timestampSeconds, int timestampNanos) {
        Objects.checkFromIndexSize(offset, length, buf.limit());
        long frame = ++frameCounter;
        ProjectedRow r = row;
        r.clear();
        r.frameNumber = frame;
        if (fixed != null && (linkType & 0xFFFF) == LINKTYPE_ETHERNET && decoder.projectable()) {
            byte[] array;
            ByteBuffer view;
            int at;
            if (buf.hasArray()) {
                array = buf.array();
                if (array != lastArray) {
                    lastArray = array;
                    lastView = ByteBuffer.wrap(array);
                }
                view = lastView;
                at = buf.arrayOffset() + offset;
            } else {
                // A read-only or direct buffer hides its array: read a copy, as the decoder would.
                if (scratch.length < length) {
                    scratch = new byte[Math.max(length, scratch.length * 2)];
                    scratchView = ByteBuffer.wrap(scratch);
                }
                buf.get(offset, scratch, 0, length);
                array = scratch;
                view = scratchView;
                at = 0;
            }
            if (read(array, at, length, originalLength, linkType, frame)) {
                r.buffer = view;
                r.specialised = true;
                decoded = null;
                specialisedPackets++;
                return r;
            }
            r.clear();
        }
        decoder.nextFrameNumber(frame);
        DecodedPacket p = decoder.decode(linkType, buf, offset, length, originalLength, timestampSeconds,
                timestampNanos);
        decoded = p;
        decodedPackets++;
        r.buffer = p.buffer();
        r.specialised = false;
        for (int f = 0, n = r.fieldCount(); f < n; f++) {
            r.collect(f, p);
        }
        return r;
    }

    /**
     * Reads the fields of the frame at {@code o} if its stack is one the fixed readers know, and says whether it
     * was; the checks are those of the decoder's own first steps ({@link CommonChain}), so the layers assumed
     * are exactly the ones it records.
     */
    private boolean read(byte[] b, int o, int length, int originalLength, int linkType, long frame) {
        int limit = o + length;
        if (length <= 14) {
            return false;
        }
        int type = u16(b, o + 12);
        if (type <= MAX_LENGTH) {
            return false;
        }
        int n = o + 14;
        int ipHeader;
        int ipEnd;
        int protocol;
        if (type == ETHERTYPE_IPV4) {
            if (!ipv4 || n + 20 > limit) {
                return false;
            }
            int vhl = b[n] & 0xFF;
            int hl = (vhl & 0x0F) * 4;
            int total = u16(b, n + 2);
            if ((vhl >>> 4) != 4 || hl < 20 || total < hl || n + hl > limit) {
                return false;
            }
            ipHeader = FixedField.IP;
            ipEnd = Math.min(n + total, limit);
            if (n + hl >= ipEnd) {
                if (total != hl) {
                    return false; // the capture ends after the header of a datagram that claims a payload
                }
                protocol = -1;
            } else {
                if ((u16(b, n + 6) & 0x3FFF) != 0) {
                    return false; // a fragment
                }
                protocol = b[n + 9] & 0xFF;
            }
            return transport(b, o, n, ipHeader, n + hl, ipEnd, protocol, length, originalLength, linkType, frame);
        }
        if (type == ETHERTYPE_IPV6) {
            if (!ipv6 || n + 40 > limit || (b[n] & 0xF0) != 0x60) {
                return false;
            }
            int payload = u16(b, n + 4);
            if (payload == 0) {
                return false; // a jumbogram, or a length left to the hardware
            }
            ipEnd = Math.min(n + 40 + payload, limit);
            int next = b[n + 6] & 0xFF;
            if (next == NO_NEXT_HEADER) {
                protocol = -1;
            } else if (n + 40 >= ipEnd) {
                return false;
            } else {
                protocol = next;
            }
            return transport(b, o, n, FixedField.IPV6, n + 40, ipEnd, protocol, length, originalLength, linkType,
                    frame);
        }
        return false;
    }

    private boolean transport(byte[] b, int o, int n, int ipHeader, int t, int ipEnd, int protocol, int length,
            int originalLength, int linkType, long frame) {
        int transportHeader = -1;
        if (protocol == PROTOCOL_TCP) {
            if (!tcp || t + 20 > ipEnd) {
                return false;
            }
            int hl = (b[t + 12] & 0xF0) >>> 2;
            if (hl < 20 || t + hl > ipEnd || hl > 20 && mptcp(b, t, hl)) {
                return false;
            }
            if (t + hl < ipEnd && (decoder.followsConversations()
                    ? !endsStack(decoder.namePayload(b, o, o + length, n, ipProtocol(ipHeader), t, hl, ipEnd, true))
                    : !portsEnd(tcpPorts, tcpUnboundEnds, u16(b, t), u16(b, t + 2)))) {
                return false;
            }
            transportHeader = FixedField.TCP;
        } else if (protocol == PROTOCOL_UDP) {
            if (!udp || t + 8 > ipEnd) {
                return false;
            }
            int len = u16(b, t + 4);
            int end = ipEnd;
            if (len < 8) {
                if (len != 0) {
                    return false; // a bogus length, which the decoder flags
                }
            } else if (t + len <= ipEnd) {
                end = t + len;
            }
            if (t + 8 < end && (decoder.followsConversations()
                    ? !endsStack(decoder.namePayload(b, o, o + length, n, ipProtocol(ipHeader), t, 8, end, false))
                    : !portsEnd(udpPorts, udpUnboundEnds, u16(b, t), u16(b, t + 2)))) {
                return false;
            }
            transportHeader = FixedField.UDP;
        } else if (protocol >= 0) {
            return false;
        }
        fill(b, o, n, ipHeader, t, transportHeader, length, originalLength, linkType, frame);
        return true;
    }

    /** Whether the TCP options hold an MPTCP option, which the decoder shows as a layer of its own. */
    private static boolean mptcp(byte[] b, int o, int hl) {
        for (int p = o + 20; p < o + hl;) {
            int kind = b[p] & 0xFF;
            if (kind == 0) {
                return false;
            }
            if (kind == 1) {
                p++;
                continue;
            }
            if (p + 1 >= o + hl) {
                return false;
            }
            int len = b[p + 1] & 0xFF;
            if (len < 2) {
                return false;
            }
            if (kind == MPTCP) {
                return true;
            }
            p += len;
        }
        return false;
    }

    /** Whether a payload of {@code protocol} holds no further link, network or transport header. */
    private boolean endsStack(int protocol) {
        if (protocol == Protocols.NONE) {
            return true;
        }
        if (protocol < 0 || protocol >= ends.length) {
            return false;
        }
        byte known = ends[protocol];
        if (known == 0) {
            boolean header = protocol == Protocols.ETH || protocol == Protocols.IP || protocol == Protocols.IPV6
                    || protocol == Protocols.TCP || protocol == Protocols.UDP;
            known = !header && StackEnds.endsStack(registry, protocol) ? (byte) 1 : (byte) 2;
            ends[protocol] = known;
        }
        return known == 1;
    }

    private void fill(byte[] b, int o, int n, int ipHeader, int t, int transportHeader, int length,
            int originalLength, int linkType, long frame) {
        ProjectedRow r = row;
        FixedField[] fs = fixed;
        for (int f = 0; f < fs.length; f++) {
            FixedField x = fs[f];
            r.begin(f);
            int at;
            switch (x.header) {
                case FixedField.FRAME:
                    r.integer(f, switch (x.rel) {
                        case FixedField.FRAME_NUMBER -> frame;
                        case FixedField.FRAME_LEN -> Math.min(Integer.toUnsignedLong(originalLength),
                                Integer.MAX_VALUE);
                        case FixedField.FRAME_CAP_LEN -> Integer.toUnsignedLong(length);
                        default -> linkType & 0xFFFF;
                    });
                    continue;
                case FixedField.ETH:
                    at = o;
                    break;
                case FixedField.IP:
                case FixedField.IPV6:
                    if (x.header != ipHeader) {
                        continue;
                    }
                    at = n;
                    break;
                default:
                    if (x.header != transportHeader) {
                        continue;
                    }
                    at = t;
                    break;
            }
            if (x.bytes) {
                r.bytes(f, at + x.rel, x.size);
                if (x.rel2 >= 0) {
                    r.bytes(f, at + x.rel2, x.size);
                }
            } else {
                r.integer(f, x.read(b, at));
                if (x.rel2 >= 0) {
                    r.integer(f, x.read2(b, at));
                }
            }
        }
    }

    private static int ipProtocol(int header) {
        return header == FixedField.IP ? Protocols.IP : Protocols.IPV6;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }
}
