package dev.trawl.bench.decode;

import dev.trawl.bench.BenchmarkBase;
import dev.trawl.bench.data.DataSets;
import dev.trawl.bench.data.PacketArray;
import dev.trawl.pcap.EtherType;
import dev.trawl.pcap.IpProtocol;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;

/**
 * The floor under any decoder: the fields {@link DecodeBenchmark} reads, read by hand from the same packets,
 * with only the length checks that keep the reads inside each packet. No layer table, no views, no protocol
 * registry; it knows the data holds Ethernet/IPv4 with TCP or UDP, and DNS on UDP port 53. What a decoder
 * costs above this is the price of being general. Scores are per packet.
 */
@State(Scope.Thread)
@OperationsPerInvocation(DataSets.DECODE_PACKETS)
public class DecodeFloorBenchmark extends BenchmarkBase {
    private static final int ETHERTYPE_IPV4 = EtherType.IPV4.value();
    private static final int TCP = IpProtocol.TCP.value(), UDP = IpProtocol.UDP.value();
    private static final int VXLAN_PORT = 4789;

    @Param({DataSets.MIX})
    public String data;

    private PacketArray packets;
    private PacketArray dns;
    /** The TCP and UDP ports whose payload carries further headers ({@link #layersNamed}): 1, else 0. */
    private final byte[] tcpPortsCarrying = new byte[65536];
    private final byte[] udpPortsCarrying = new byte[65536];
    /** {@link #layersHandedOver}'s columns, one row per packet, and the fields each row has. */
    private int[][] columns;
    private int[] present;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        DecodeData in = DecodeData.load(data);
        packets = in.packets();
        dns = in.dns();
        udpPortsCarrying[VXLAN_PORT] = 1;
        columns = new int[8][packets.size()];
        present = new int[packets.size()];
    }

    /** The EtherType, IPv4 addresses and protocol, and the TCP or UDP ports. */
    @Benchmark
    public long layers() {
        long sum = 0;
        byte[] b = packets.bytes();
        for (int i = 0; i < packets.size(); i++) {
            int o = packets.offset(i);
            int end = o + packets.length(i);
            if (o + 14 > end) {
                continue;
            }
            int type = u16(b, o + 12);
            sum += type;
            int ip = o + 14;
            if (type != ETHERTYPE_IPV4 || ip + 20 > end) {
                continue;
            }
            int protocol = b[ip + 9] & 0xFF;
            sum += u32(b, ip + 12) + u32(b, ip + 16) + protocol;
            int transport = ip + (b[ip] & 0x0F) * 4;
            if ((protocol == TCP || protocol == UDP) && transport + 4 <= end) {
                sum += u16(b, transport) + u16(b, transport + 2);
            }
        }
        return sum;
    }

    /**
     * The fields of {@link #layers}, with the checks any reader must make before it can say its values are the
     * general decoder's (no target): an EtherType, not an 802.3 length; an IPv4 header of version 4 and a length of
     * at least 20 bytes, all captured, within a total length of at least that, not a fragment; a TCP header of at
     * least 20 bytes, all captured within the datagram, or a UDP header. A projection checks more on top (what its
     * ports name, which may be a tunnel whose inner frame it then reads; TCP options), and keeps what it read.
     */
    @Benchmark
    public long layersGuarded() {
        long sum = 0;
        byte[] b = packets.bytes();
        for (int i = 0; i < packets.size(); i++) {
            int o = packets.offset(i);
            int end = o + packets.length(i);
            if (o + 14 > end) {
                continue;
            }
            int type = u16(b, o + 12);
            if (type <= 1500) {
                continue;
            }
            sum += type;
            int ip = o + 14;
            if (type != ETHERTYPE_IPV4 || ip + 20 > end) {
                continue;
            }
            int vhl = b[ip] & 0xFF;
            int hl = (vhl & 0x0F) * 4;
            int total = u16(b, ip + 2);
            if ((vhl & 0xF0) != 0x40 || hl < 20 || total < hl || ip + hl > end || (u16(b, ip + 6) & 0x3FFF) != 0) {
                continue;
            }
            int ipEnd = Math.min(ip + total, end);
            int protocol = b[ip + 9] & 0xFF;
            sum += u32(b, ip + 12) + u32(b, ip + 16) + protocol;
            int transport = ip + hl;
            if (protocol == TCP) {
                if (transport + 20 > ipEnd) {
                    continue;
                }
                int thl = (b[transport + 12] & 0xF0) >>> 2;
                if (thl < 20 || transport + thl > ipEnd) {
                    continue;
                }
            } else if (protocol != UDP || transport + 8 > ipEnd) {
                continue;
            }
            sum += u16(b, transport) + u16(b, transport + 2);
        }
        return sum;
    }

    /**
     * The fields of {@link #layersGuarded}, with its checks, and with what any reader must add to say that no header
     * follows the ones it read (no target): what the ports name, looked up in a table for each transport as a
     * decoder's port bindings are. Here only the ports of the tunnels the data holds (VXLAN on UDP port 4789) name a
     * payload that carries further headers, and such packets are counted and left aside. The floor of a projection
     * that reads first occurrences, whose absent fields must be known absent.
     */
    @Benchmark
    public long layersNamed() {
        long sum = 0;
        byte[] b = packets.bytes();
        byte[] tcpCarries = tcpPortsCarrying;
        byte[] udpCarries = udpPortsCarrying;
        for (int i = 0; i < packets.size(); i++) {
            int o = packets.offset(i);
            int end = o + packets.length(i);
            if (o + 14 > end) {
                continue;
            }
            int type = u16(b, o + 12);
            if (type <= 1500) {
                continue;
            }
            sum += type;
            int ip = o + 14;
            if (type != ETHERTYPE_IPV4 || ip + 20 > end) {
                continue;
            }
            int vhl = b[ip] & 0xFF;
            int hl = (vhl & 0x0F) * 4;
            int total = u16(b, ip + 2);
            if ((vhl & 0xF0) != 0x40 || hl < 20 || total < hl || ip + hl > end || (u16(b, ip + 6) & 0x3FFF) != 0) {
                continue;
            }
            int ipEnd = Math.min(ip + total, end);
            int protocol = b[ip + 9] & 0xFF;
            sum += u32(b, ip + 12) + u32(b, ip + 16) + protocol;
            int transport = ip + hl;
            byte[] carries;
            if (protocol == TCP) {
                if (transport + 20 > ipEnd) {
                    continue;
                }
                int thl = (b[transport + 12] & 0xF0) >>> 2;
                if (thl < 20 || transport + thl > ipEnd) {
                    continue;
                }
                carries = tcpCarries;
            } else if (protocol != UDP || transport + 8 > ipEnd) {
                continue;
            } else {
                carries = udpCarries;
            }
            int port1 = u16(b, transport);
            int port2 = u16(b, transport + 2);
            if ((carries[port1] | carries[port2]) != 0) {
                sum--; // a tunnel: a reader reads on, or leaves the packet to a decoder
                continue;
            }
            sum += port1 + port2;
        }
        return sum;
    }

    /**
     * The fields of {@link #layersNamed}, with its checks, handed over as any reader that is not the caller's own
     * loop must hand them (no target): each packet's values stored in a column per field (an {@code int}, as wide as
     * the widest of them), with a mask of the fields it has, and then read back by the caller, a second loop over
     * the columns. Nothing here is general: the columns are this question's, written out by hand. The floor of a
     * projection, or of any reader whose values leave the loop that found them.
     */
    @Benchmark
    public long layersHandedOver() {
        byte[] b = packets.bytes();
        byte[] tcpCarries = tcpPortsCarrying;
        byte[] udpCarries = udpPortsCarrying;
        int[] type = columns[0], source = columns[1], destination = columns[2], protocols = columns[3];
        int[] tcpSource = columns[4], tcpDestination = columns[5], udpSource = columns[6], udpDestination = columns[7];
        int[] has = present;
        int n = packets.size();
        for (int i = 0; i < n; i++) {
            int o = packets.offset(i);
            int end = o + packets.length(i);
            int m = 0;
            int ethertype;
            if (o + 14 <= end && (ethertype = u16(b, o + 12)) > 1500) {
                type[i] = ethertype;
                m = 1;
                int ip = o + 14;
                int vhl;
                int hl;
                int total;
                if (ethertype == ETHERTYPE_IPV4 && ip + 20 <= end && ((vhl = b[ip] & 0xFF) & 0xF0) == 0x40
                        && (hl = (vhl & 0x0F) * 4) >= 20 && (total = u16(b, ip + 2)) >= hl && ip + hl <= end
                        && (u16(b, ip + 6) & 0x3FFF) == 0) {
                    int ipEnd = Math.min(ip + total, end);
                    int protocol = b[ip + 9] & 0xFF;
                    source[i] = (int) u32(b, ip + 12);
                    destination[i] = (int) u32(b, ip + 16);
                    protocols[i] = protocol;
                    m = 0xF;
                    int t = ip + hl;
                    int thl;
                    if (protocol == TCP && t + 20 <= ipEnd && (thl = (b[t + 12] & 0xF0) >>> 2) >= 20
                            && t + thl <= ipEnd) {
                        int port1 = u16(b, t);
                        int port2 = u16(b, t + 2);
                        if ((tcpCarries[port1] | tcpCarries[port2]) == 0) { // else a tunnel, left aside
                            tcpSource[i] = port1;
                            tcpDestination[i] = port2;
                            m = 0x3F;
                        }
                    } else if (protocol == UDP && t + 8 <= ipEnd) {
                        int port1 = u16(b, t);
                        int port2 = u16(b, t + 2);
                        if ((udpCarries[port1] | udpCarries[port2]) == 0) {
                            udpSource[i] = port1;
                            udpDestination[i] = port2;
                            m = 0xCF;
                        }
                    }
                }
            }
            has[i] = m;
        }
        long sum = 0;
        for (int i = 0; i < n; i++) {
            int m = has[i];
            sum += ((m & 1) != 0 ? type[i] : 0) + ((m & 2) != 0 ? source[i] & 0xFFFF_FFFFL : 0)
                    + ((m & 4) != 0 ? destination[i] & 0xFFFF_FFFFL : 0) + ((m & 8) != 0 ? protocols[i] : 0)
                    + ((m & 16) != 0 ? tcpSource[i] : 0) + ((m & 32) != 0 ? tcpDestination[i] : 0)
                    + ((m & 64) != 0 ? udpSource[i] : 0) + ((m & 128) != 0 ? udpDestination[i] : 0);
        }
        return sum;
    }

    /** The DNS message id and the length of the first question's name, as text. */
    @Benchmark
    public long dns() {
        long sum = 0;
        byte[] b = dns.bytes();
        for (int i = 0; i < dns.size(); i++) {
            int o = dns.offset(i);
            int end = o + dns.length(i);
            int udp = o + 14 + (b[o + 14] & 0x0F) * 4; // PacketArray.loadDns kept Ethernet/IPv4/UDP only
            int message = udp + 8;
            if (message + 12 > end || (u16(b, udp) != 53 && u16(b, udp + 2) != 53)) {
                continue;
            }
            sum += u16(b, message);
            if (u16(b, message + 4) == 0) {
                continue;
            }
            // The first question's name, uncompressed in a question: labels joined by dots.
            int length = 0;
            for (int p = message + 12; p < end && length < 256;) {
                int label = b[p] & 0xFF;
                if (label == 0 || label >= 64) {
                    break;
                }
                length += (length == 0 ? 0 : 1) + label;
                p += 1 + label;
            }
            sum += length;
        }
        return sum;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static long u32(byte[] b, int at) {
        return (long) (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }
}
