package dev.trawl.decode;

import dev.trawl.decode.internal.application.DnsFields;
import dev.trawl.decode.internal.application.StackEnds;
import dev.trawl.decode.internal.tunnel.TunnelProtocols;
import dev.trawl.decode.layer.Dns;
import dev.trawl.decode.spi.Dispatch;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.Packet;
import java.nio.ByteBuffer;
import java.util.Arrays;
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
 * decoder names it. A DNS message is such a payload, whose header and questions the DNS fields read; a VXLAN
 * payload is read on as a second Ethernet frame under the same checks (its own payload named by ports alone),
 * whose headers are the fields' second occurrences. A frame whose EtherType names no protocol, or one that ends
 * the stack, holds no further header. Everything else is decoded.
 *
 * <p>The values of a packet read from its bytes are read by the code generated for the projection's fields
 * ({@link FieldFill}) from where the checks found each header.
 *
 * <p>Allocates nothing per packet once its buffers have grown. Not thread-safe; one per thread.
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
    /** The legacy OpenFlow ports, which the TCP decoder's heuristic takes to OpenFlow (which carries frames). */
    private static final int OPENFLOW_LEGACY = 6633;
    private static final int OPENFLOW_LEGACY_TLS = 6634;
    private static final int DNS_PORT = 53;
    /** The port of the protocol UDP's DTLS heuristic names. */
    private static final int DTLS_PORT = 853;

    /** What a payload's protocol means for reading on: not known (a port bound to nothing), ... */
    private static final byte UNBOUND = 0;
    /** ... a protocol that ends the stack, ... */
    private static final byte ENDS = 1;
    /** ... one that may not (or is not the built-in decoder's), ... */
    private static final byte GENERAL = 2;
    /** ... VXLAN, whose Ethernet frame is read on, ... */
    private static final byte TUNNEL = 3;
    /**
     * ... or a DNS message (DNS, mDNS), which ends the stack and whose fields this projection reads (for one that reads
     * none, such a message is a payload that {@link #ENDS}).
     */
    private static final byte MESSAGE = 4;
    /** A port not looked up yet. */
    private static final byte NOT_LOOKED_UP = -1;
    /** What {@link #message} says of a payload that the short path does not read. */
    private static final int NOT_COMMON = -2;

    private final Projection projection;
    private final PacketDecoder decoder;
    private final ProtocolRegistry registry;
    private final FixedField[] fixed;
    private final FieldFill fill;
    /** The fields whose occurrences are found when a packet is read ({@link FixedField#eager}). */
    private final int[] eager;
    /** Whether some field reads the DNS message, which then must be located exactly. */
    private final boolean dnsFields;
    private final ProjectedRow row;
    private final boolean ipv4;
    private final boolean ipv6;
    private final boolean tcp;
    private final boolean udp;
    /** What each protocol means for reading on ({@link #ENDS}...), by protocol id: 0 not known yet. */
    private final byte[] states;
    /**
     * What a TCP or UDP port is bound to, for a decoder that follows no conversations (whose payloads are then
     * named by ports and by heuristics, which only ever name protocols ending the stack).
     */
    private final byte[] tcpPorts = new byte[65536];
    private final byte[] udpPorts = new byte[65536];
    /** What the heuristics may name a payload on unbound ports. */
    private final byte tcpUnbound;
    private final byte udpUnbound;
    /** ENDS when the heuristics of unbound ports name only protocols that end the stack, else UNBOUND. */
    private final byte tcpUnboundEnds;
    private final byte udpUnboundEnds;
    private final Dns dns = new Dns();
    private long frameCounter;
    private long specialisedPackets;
    private long decodedPackets;
    private DecodedPacket decoded;
    private byte[] lastArray;
    private ByteBuffer lastView;
    private byte[] scratch = new byte[2048];
    private ByteBuffer scratchView = ByteBuffer.wrap(scratch);
    /** Where the frame of the VXLAN payload {@link #frame} found ends. */
    private int tunnelEnd;

    Projector(Projection projection, PacketDecoder decoder) {
        this.projection = projection;
        this.decoder = decoder;
        this.registry = decoder.registry();
        this.fixed = projection.fixed();
        this.fill = projection.fill();
        int eagerCount = 0;
        boolean dnsUsed = false;
        for (int f = 0; fixed != null && f < fixed.length; f++) {
            eagerCount += fixed[f].eager ? 1 : 0;
            dnsUsed |= fixed[f].header == FixedField.DNS;
        }
        this.eager = new int[eagerCount];
        for (int f = 0, e = 0; eagerCount > 0 && f < fixed.length; f++) {
            if (fixed[f].eager) {
                eager[e++] = f;
            }
        }
        this.dnsFields = dnsUsed;
        this.row = new ProjectedRow(projection.fields(), fixed, fill);
        this.ipv4 = CommonChain.direct(registry, Protocols.IP, Dispatch.ETHERTYPE, ETHERTYPE_IPV4);
        this.ipv6 = CommonChain.direct(registry, Protocols.IPV6, Dispatch.ETHERTYPE, ETHERTYPE_IPV6);
        this.tcp = CommonChain.direct(registry, Protocols.TCP, Dispatch.IP_PROTO, PROTOCOL_TCP);
        this.udp = CommonChain.direct(registry, Protocols.UDP, Dispatch.IP_PROTO, PROTOCOL_UDP);
        this.states = new byte[registry.size()];
        // Looked up on a port's first use: a short run meets few ports, and 131,070 lookups cost a start.
        Arrays.fill(tcpPorts, NOT_LOOKED_UP);
        Arrays.fill(udpPorts, NOT_LOOKED_UP);
        // port 0 is bound to nothing (ports() never looks it up), so the lookups of frame() pass over it
        tcpPorts[0] = UNBOUND;
        udpPorts[0] = UNBOUND;
        this.tcpUnbound = endsStack(Protocols.TLS) && endsStack(Protocols.DATA) ? ENDS : GENERAL;
        int dnsProtocol = registry.lookup(Dispatch.UDP_PORT, DNS_PORT);
        int dtlsProtocol = registry.lookup(Dispatch.UDP_PORT, DTLS_PORT);
        // the heuristics may take a payload to DNS, whose message a projection of its fields would have to find,
        // or to DTLS
        this.udpUnbound = !dnsFields && endsStack(dnsProtocol < 0 ? Protocols.DATA : dnsProtocol)
                && endsStack(dtlsProtocol < 0 ? Protocols.DATA : dtlsProtocol)
                && endsStack(Protocols.DATA) ? ENDS : GENERAL;
        this.tcpUnboundEnds = tcpUnbound == ENDS ? ENDS : UNBOUND;
        this.udpUnboundEnds = udpUnbound == ENDS ? ENDS : UNBOUND;
    }

    /** What the payload on TCP ({@code tcp}) or UDP port {@code port} is, as far as the port tells it. */
    private byte port(boolean tcp, int port) {
        byte[] ports = tcp ? tcpPorts : udpPorts;
        byte state = ports[port];
        if (state == NOT_LOOKED_UP) {
            int protocol = registry.lookup(tcp ? Dispatch.TCP_PORT : Dispatch.UDP_PORT, port);
            state = protocol < 0 ? UNBOUND : state(protocol);
            if (state == UNBOUND && tcp && (port == OPENFLOW_LEGACY || port == OPENFLOW_LEGACY_TLS)) {
                state = GENERAL;
            }
            ports[port] = state;
        }
        return state;
    }

    /** What a payload of {@code protocol} means for reading on. */
    private byte state(int protocol) {
        if (protocol == Protocols.NONE) {
            return ENDS;
        }
        if (protocol < 0 || protocol >= states.length) {
            return GENERAL;
        }
        byte known = states[protocol];
        if (known == UNBOUND) {
            if (protocol == Protocols.VXLAN && registry.decoder(protocol) == TunnelProtocols.VXLAN) {
                known = TUNNEL;
            } else if ((protocol == Protocols.DNS || protocol == Protocols.MDNS) && registry.isDirect(protocol)) {
                known = dnsFields ? MESSAGE : ENDS; // a message no field reads is a payload like any other
            } else if (dnsFields && carriesDnsField(protocol)) {
                known = GENERAL; // another layer in DNS's format (LLMNR), whose message is not located here
            } else if (dnsFields && !StackEnds.neverRefuses(registry, protocol)) {
                known = GENERAL; // a payload it refuses goes to UDP's heuristics, which may find a DNS message
            } else {
                known = endsStack(protocol) ? ENDS : GENERAL;
            }
            states[protocol] = known;
        }
        return known;
    }

    private boolean carriesDnsField(int protocol) {
        for (int f = 0; f < fixed.length; f++) {
            if (fixed[f].header == FixedField.DNS && projection.fields().get(f).carriedBy(protocol)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What the payload of a segment or datagram between {@code port1} and {@code port2} is, as the ports alone
     * decide it for a decoder that follows no conversations: the lower bound port first, then the higher, then
     * the heuristics of unbound ports.
     */
    private byte ports(boolean tcp, int port1, int port2) {
        int low = Math.min(port1, port2);
        int high = Math.max(port1, port2);
        byte state = low != 0 ? port(tcp, low) : UNBOUND;
        if (state == UNBOUND && high != 0) {
            state = port(tcp, high);
        }
        return state == UNBOUND ? (tcp ? tcpUnbound : udpUnbound) : state;
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
        r.start(frame, timestampSeconds, timestampNanos);
        // kept small enough for the compiler to inline into the caller's loop: the rest is in methods of its own
        if (fixed != null && (linkType & 0xFFFF) == LINKTYPE_ETHERNET && length > 14 && decoder.projectable()) {
            int at;
            byte[] array;
            if (buf.hasArray()) {
                array = buf.array();
                at = buf.arrayOffset() + offset;
            } else {
                array = copy(buf, offset, length);
                at = 0;
            }
            r.frame(array, array == lastArray ? lastView : newView(array), length, originalLength, linkType);
            if (common(array, at, at + length) || read(array, at, at + length)) {
                r.specialised = true;
                if (decoded != null) {
                    decoded = null;
                }
                specialisedPackets++;
                return r;
            }
        }
        return decode(r, frame, linkType, buf, offset, length, originalLength, timestampSeconds, timestampNanos);
    }

    /** A view of the caller's {@code array}, new to this projector, kept while the caller's packets come from it. */
    private ByteBuffer newView(byte[] array) {
        lastArray = array;
        lastView = ByteBuffer.wrap(array);
        return lastView;
    }

    /**
     * A copy of the packet of a read-only or direct buffer, which hides its array, in a scratch array: read as the
     * decoder would.
     */
    private byte[] copy(ByteBuffer buf, int offset, int length) {
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
            scratchView = ByteBuffer.wrap(scratch);
        }
        buf.get(offset, scratch, 0, length);
        lastArray = scratch;
        lastView = scratchView;
        return scratch;
    }

    /** Has the general decoder decode the packet, and collects the row's fields from what it decoded. */
    private ProjectedRow decode(ProjectedRow r, long frame, int linkType, ByteBuffer buf, int offset, int length,
            int originalLength, long timestampSeconds, int timestampNanos) {
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
     * Reads the frame in {@code [o, limit)} into the row if it is of the most common kind, and says whether it was:
     * Ethernet, then IPv4 with a payload (not a fragment), then TCP (with no MPTCP option) or UDP, then a payload
     * that is empty or that ends the stack, or a DNS message over UDP, as its ports name it, for a decoder that
     * follows no conversations. The checks are {@link #frame}'s for such a frame, written out so that the compiler
     * can inline them; any other frame, and every frame a decoder that follows conversations must see, is left to
     * {@link #read}, which checks it again from its start.
     */
    private boolean common(byte[] b, int o, int limit) {
        int n = o + 14;
        if (n + 20 > limit || b[o + 12] != 0x08 || b[o + 13] != 0x00 || !ipv4 || decoder.followsConversations()) {
            return false;
        }
        int vhl = b[n] & 0xFF;
        int hl = (vhl & 0x0F) << 2;
        int total = u16(b, n + 2);
        int ipEnd = Math.min(n + total, limit);
        if ((vhl & 0xF0) != 0x40 || hl < 20 || total < hl || n + hl >= ipEnd || (u16(b, n + 6) & 0x3FFF) != 0) {
            return false;
        }
        int t = n + hl;
        int protocol = b[n + 9];
        int dns = transport(b, t, ipEnd, protocol);
        if (dns == NOT_COMMON) {
            return false;
        }
        boolean overTcp = protocol == PROTOCOL_TCP;
        row.pending(o, n, -1, overTcp ? t : -1, overTcp ? -1 : t, dns);
        if (eager.length > 0) {
            findEager(dns);
        }
        return true;
    }

    /**
     * {@link #common}'s checks of the TCP or UDP header at {@code t} (IP {@code protocol}) in an IPv4 datagram ending
     * at {@code ipEnd}, and of its payload: where the payload's DNS message starts, -1 if it has none, or
     * {@link #NOT_COMMON}.
     */
    private int transport(byte[] b, int t, int ipEnd, int protocol) {
        int payload;
        int end = ipEnd;
        boolean overTcp = protocol == PROTOCOL_TCP;
        if (overTcp) {
            int hl;
            if (!tcp || t + 20 > ipEnd || (hl = (b[t + 12] & 0xF0) >>> 2) < 20 || t + hl > ipEnd
                    || hl > 20 && mptcp(b, t, hl)) {
                return NOT_COMMON;
            }
            payload = t + hl;
        } else {
            int length;
            if (protocol != PROTOCOL_UDP || !udp || t + 8 > ipEnd || (length = u16(b, t + 4)) < 8) {
                return NOT_COMMON;
            }
            payload = t + 8;
            end = Math.min(t + length, ipEnd);
        }
        // Whether the ports name a payload that ends the stack, found for every packet without a branch on whether
        // it has a payload (a branch taken either way at random): yes when each port is bound to such a protocol or
        // to none (UNBOUND, 0, and ENDS, 1, OR-ed give 0 or 1, every other state has a higher bit; NOT_LOOKED_UP is
        // -1), and at least one is bound unless the heuristics of unbound ports name only such protocols (which then
        // count as ENDS). Otherwise the ports decide it as ports() does, which may name a DNS message.
        byte[] ports = overTcp ? tcpPorts : udpPorts;
        int port1 = u16(b, t);
        int port2 = u16(b, t + 2);
        if (payload < end & (ports[port1] | ports[port2] | (overTcp ? tcpUnboundEnds : udpUnboundEnds)) != ENDS) {
            return message(overTcp, port1, port2, payload, end);
        }
        return -1;
    }

    /**
     * What {@link #transport} makes of a payload in {@code [payload, end)} between TCP ({@code overTcp}) or UDP ports
     * {@code port1} and {@code port2} that are not both bound to nothing or to protocols ending the stack: -1 if it
     * ends the stack after all, where it starts if it is a DNS message over UDP (whose end is noted), else
     * {@link #NOT_COMMON}. Looks both ports up, so that the next packet between them passes the first test if it can.
     */
    private int message(boolean overTcp, int port1, int port2, int payload, int end) {
        port(overTcp, port1);
        port(overTcp, port2);
        byte state = ports(overTcp, port1, port2);
        if (state == MESSAGE && !overTcp) {
            row.dnsEnd = end;
            return payload;
        }
        return state == ENDS ? -1 : NOT_COMMON;
    }

    /**
     * Reads the frame in {@code [o, limit)} into the row if its stack is one the fixed readers know, and says
     * whether it was: one pass over the packet's own Ethernet frame ({@link #frame}), and over the frame a VXLAN
     * payload carries, if any.
     */
    private boolean read(byte[] b, int o, int limit) {
        int inner = frame(b, o, limit, true);
        if (inner == 0) {
            return true;
        }
        if (inner < 0 || frame(b, inner, tunnelEnd, false) != 0) {
            return false;
        }
        row.pendingTunnel();
        if (eager.length > 0) {
            findEager(-1); // a tunnelled packet's DNS message is left to the decoder
        }
        return true;
    }

    /**
     * Checks the Ethernet frame in {@code [o, limit)} (the packet's own, {@code outermost}, or a VXLAN payload's)
     * and says whether the fixed readers know its stack: 0 if the frame ends there, -1 if the general decoder
     * must read the packet, or where a VXLAN payload's frame starts (it ends at {@link #tunnelEnd}), which only
     * the packet's own frame may carry. The checks are those of the decoder's own first steps
     * ({@link CommonChain}), so the layers assumed are exactly the ones it records: an Ethernet frame with a type;
     * one IPv4 header (version 4, a length of at least 20 bytes, a total length of at least that, all captured,
     * not a fragment) or IPv6 header (a payload length, no extension header), or an EtherType that names no
     * protocol or one that ends the stack; one TCP header (all captured, no MPTCP option) or UDP header (captured,
     * a usable length), or none where the IP header says there is none; and a payload that is empty or that the
     * decoder names (by ports, or through the conversations it follows) as a protocol that ends the stack, a DNS
     * message over UDP, or VXLAN.
     *
     * <p>The packet's own frame, ending there, is left for the row to fill when first asked, from where its headers
     * start ({@link ProjectedRow#pending}); a tunnel's two frames note their headers for {@link FieldFill#fill},
     * which the row then calls when first asked ({@link ProjectedRow#pendingTunnel}).
     */
    private int frame(byte[] b, int o, int limit, boolean outermost) {
        if (o + 14 > limit) {
            return -1;
        }
        int type = u16(b, o + 12);
        if (type <= MAX_LENGTH) {
            return -1;
        }
        int n = o + 14;
        int t = -1;
        int ipEnd = limit;
        int protocol = -1;
        int ipHeader = -1;
        if (type == ETHERTYPE_IPV4) {
            if (!ipv4 || n + 20 > limit) {
                return -1;
            }
            int vhl = b[n] & 0xFF;
            int hl = (vhl & 0x0F) << 2;
            int total = u16(b, n + 2);
            if ((vhl & 0xF0) != 0x40 || hl < 20 || total < hl || n + hl > limit) {
                return -1;
            }
            ipEnd = Math.min(n + total, limit);
            if (n + hl >= ipEnd) {
                if (total != hl) {
                    return -1; // the capture ends after the header of a datagram that claims a payload
                }
            } else if ((u16(b, n + 6) & 0x3FFF) != 0) {
                return -1; // a fragment
            } else {
                protocol = b[n + 9] & 0xFF;
            }
            t = n + hl;
            ipHeader = FixedField.IP;
        } else if (type == ETHERTYPE_IPV6) {
            int length;
            if (!ipv6 || n + 40 > limit || (b[n] & 0xF0) != 0x60 || (length = u16(b, n + 4)) == 0) {
                return -1; // not IPv6, or a jumbogram, or a length left to the hardware
            }
            ipEnd = Math.min(n + 40 + length, limit);
            int next = b[n + 6] & 0xFF;
            if (next != NO_NEXT_HEADER) {
                if (n + 40 >= ipEnd) {
                    return -1;
                }
                protocol = next;
            }
            t = n + 40;
            ipHeader = FixedField.IPV6;
        } else if (!endsFrame(type)) {
            return -1;
        }
        int transportHeader = -1;
        int next = 0;
        int dns = -1;
        if (protocol == PROTOCOL_TCP || protocol == PROTOCOL_UDP) {
            boolean overTcp = protocol == PROTOCOL_TCP;
            int payload;
            int end = ipEnd;
            if (overTcp) {
                if (!tcp || t + 20 > ipEnd) {
                    return -1;
                }
                int hl = (b[t + 12] & 0xF0) >>> 2;
                if (hl < 20 || t + hl > ipEnd || hl > 20 && mptcp(b, t, hl)) {
                    return -1;
                }
                payload = t + hl;
                transportHeader = FixedField.TCP;
            } else {
                if (!udp || t + 8 > ipEnd) {
                    return -1;
                }
                int len = u16(b, t + 4);
                if (len < 8) {
                    if (len != 0) {
                        return -1; // a bogus length, which the decoder flags
                    }
                } else if (t + len <= ipEnd) {
                    end = t + len;
                }
                payload = t + 8;
                transportHeader = FixedField.UDP;
            }
            if (payload < end) {
                byte state = payloadState(b, o, limit, n, ipHeader, t, payload, end, overTcp, outermost);
                if (state == TUNNEL && !overTcp) {
                    // VXLAN: its 8-byte header, then an Ethernet frame (whose lone header the decoder would
                    // record truncated, which the fields read otherwise)
                    if (!outermost || payload + 8 + 14 > end) {
                        return -1;
                    }
                    next = payload + 8;
                    tunnelEnd = end;
                } else if (state == MESSAGE) { // only for a projection that reads DNS fields
                    if (!outermost || overTcp) {
                        return -1;
                    }
                    dns = payload;
                    row.dnsEnd = end;
                } else if (state != ENDS) {
                    return -1;
                }
            }
        } else if (protocol >= 0) {
            return -1;
        }
        ProjectedRow r = row;
        if (outermost && next == 0) {
            r.pending(o, ipHeader == FixedField.IP ? n : -1, ipHeader == FixedField.IPV6 ? n : -1,
                    transportHeader == FixedField.TCP ? t : -1, transportHeader == FixedField.UDP ? t : -1, dns);
            if (eager.length > 0) {
                findEager(dns);
            }
            return 0;
        }
        if (outermost) {
            r.clearHeaders();
        }
        r.header(FixedField.ETH, o);
        if (ipHeader >= 0) {
            r.header(ipHeader, n);
        }
        if (transportHeader >= 0) {
            r.header(transportHeader, t);
        }
        return next;
    }

    /**
     * What the payload in {@code [payload, end)} of the TCP ({@code overTcp}) or UDP header at {@code t} (in the
     * frame in {@code [o, limit)}, whose IP header is at {@code n}) is, as the decoder names it: by its ports when it
     * follows no conversations (looked up once each), through its conversations otherwise, which only the packet's
     * own frame may ask (they would name an inner payload against an outer layer table), and which then record what
     * they would record.
     */
    private byte payloadState(byte[] b, int o, int limit, int n, int ipHeader, int t, int payload, int end,
            boolean overTcp, boolean outermost) {
        if (decoder.followsConversations()) {
            return outermost ? state(decoder.namePayload(b, o, limit, n,
                    ipHeader == FixedField.IP ? Protocols.IP : Protocols.IPV6, t, payload - t, end, overTcp))
                    : GENERAL;
        }
        int port1 = u16(b, t);
        int port2 = u16(b, t + 2);
        // as ports() decides, from the tables when both ports were looked up before
        byte[] table = overTcp ? tcpPorts : udpPorts;
        byte low = table[Math.min(port1, port2)];
        byte state = low == UNBOUND ? table[Math.max(port1, port2)] : low;
        if (state == NOT_LOOKED_UP) {
            return ports(overTcp, port1, port2);
        }
        return state == UNBOUND ? (overTcp ? tcpUnbound : udpUnbound) : state;
    }

    /** Finds the occurrences of the fields that walk the DNS message at {@code at}, if there is one (not -1). */
    private void findEager(int at) {
        ProjectedRow r = row;
        if (at >= 0) {
            dns.wrap(r.buffer, at, r.dnsEnd - at);
        }
        for (int f : eager) {
            r.begin(f);
            if (at >= 0) {
                if (fixed[f].rel == FixedField.QUESTION_NAMES) {
                    questionNames(f);
                } else {
                    DnsFields.questionTypes(dns, r.sink(f));
                }
            }
        }
    }

    /**
     * Adds the names of the DNS message's questions to field {@code f}, as {@link DnsFields#questionNames} reports
     * them, spelled straight into the row's text.
     */
    private void questionNames(int f) {
        Dns d = dns;
        int rel = d.firstQuestion();
        for (int q = d.questionCount(); q > 0 && rel >= 0; q--) {
            rel = row.addQuestionName(f, d, rel);
        }
    }

    /** Whether a frame of another EtherType holds no further header: a protocol that ends the stack, or none. */
    private boolean endsFrame(int type) {
        int next = registry.lookup(Dispatch.ETHERTYPE, type);
        return next < 0 || state(next) == ENDS;
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
        if (protocol < 0 || protocol >= states.length) {
            return false;
        }
        boolean header = protocol == Protocols.ETH || protocol == Protocols.IP || protocol == Protocols.IPV6
                || protocol == Protocols.TCP || protocol == Protocols.UDP;
        return !header && StackEnds.endsStack(registry, protocol);
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }
}
