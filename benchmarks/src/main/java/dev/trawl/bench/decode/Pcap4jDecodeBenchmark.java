package dev.trawl.bench.decode;

import dev.trawl.bench.BenchmarkBase;
import dev.trawl.bench.data.DataSets;
import dev.trawl.bench.data.PacketArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.pcap4j.packet.DnsPacket;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IllegalRawDataException;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.UdpPacket;

import java.io.IOException;

/**
 * pcap4j's own decoding ({@link EthernetPacket#newPacket}, which builds the whole object tree through
 * pcap4j's static packet factories) of the same in-memory packets, reading the same fields as
 * {@link DecodeBenchmark}: the baseline of the decode targets. Scores are per packet.
 */
@State(Scope.Thread)
@OperationsPerInvocation(DataSets.DECODE_PACKETS)
public class Pcap4jDecodeBenchmark extends BenchmarkBase {
    @Param({DataSets.MIX})
    public String data;

    private PacketArray packets;
    private PacketArray dns;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        DecodeData in = DecodeData.load(data);
        packets = in.packets();
        dns = in.dns();
    }

    /** Ethernet, IPv4, then TCP or UDP: addresses, protocol and ports. */
    @Benchmark
    public long layers() throws IllegalRawDataException {
        long sum = 0;
        byte[] bytes = packets.bytes();
        for (int i = 0; i < packets.size(); i++) {
            EthernetPacket ethernet = EthernetPacket.newPacket(bytes, packets.offset(i), packets.length(i));
            sum += ethernet.getHeader().getType().value();
            IpV4Packet ip = ethernet.get(IpV4Packet.class);
            if (ip != null) {
                IpV4Packet.IpV4Header header = ip.getHeader();
                sum += header.getSrcAddr().hashCode() + header.getDstAddr().hashCode()
                        + header.getProtocol().value();
                Packet payload = ip.getPayload();
                if (payload instanceof TcpPacket tcp) {
                    sum += tcp.getHeader().getSrcPort().valueAsInt() + tcp.getHeader().getDstPort().valueAsInt();
                } else if (payload instanceof UdpPacket udp) {
                    sum += udp.getHeader().getSrcPort().valueAsInt() + udp.getHeader().getDstPort().valueAsInt();
                }
            }
        }
        return sum;
    }

    /** DNS packets only: down to DNS, then the message id and the first question's name. */
    @Benchmark
    public long dns() throws IllegalRawDataException {
        long sum = 0;
        byte[] bytes = dns.bytes();
        for (int i = 0; i < dns.size(); i++) {
            EthernetPacket ethernet = EthernetPacket.newPacket(bytes, dns.offset(i), dns.length(i));
            DnsPacket message = ethernet.get(DnsPacket.class);
            if (message != null) {
                DnsPacket.DnsHeader header = message.getHeader();
                sum += header.getId();
                if (!header.getQuestions().isEmpty()) {
                    sum += header.getQuestions().get(0).getQName().getName().length();
                }
            }
        }
        return sum;
    }
}
