package dev.trawl.bench.decode;

import dev.trawl.bench.BenchmarkBase;
import dev.trawl.bench.data.DataSets;
import dev.trawl.bench.data.PacketArray;
import dev.trawl.decode.PacketDecoder;
import dev.trawl.decode.ProjectedRow;
import dev.trawl.decode.Projection;
import dev.trawl.decode.Projector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The questions of {@link DecodeBenchmark} asked as field projections ({@link Projection}), over the same
 * packets: a projection reads every occurrence of its fields, exactly as the general decoder's extractors would
 * report them. Scores are per packet; the targets are within 1.5 times the floor
 * ({@link DecodeFloorBenchmark}) with nothing allocated.
 */
@State(Scope.Thread)
@OperationsPerInvocation(DataSets.DECODE_PACKETS)
public class ProjectionBenchmark extends BenchmarkBase {
    private static final int LINKTYPE_ETHERNET = 1;

    @Param({DataSets.MIX})
    public String data;

    private Projector layers;
    private Projector dns;
    private PacketArray packets;
    private ByteBuffer packetBytes;
    private PacketArray dnsPackets;
    private ByteBuffer dnsBytes;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        DecodeData in = DecodeData.load(data);
        packets = in.packets();
        packetBytes = ByteBuffer.wrap(packets.bytes());
        dnsPackets = in.dns();
        dnsBytes = ByteBuffer.wrap(dnsPackets.bytes());
        layers = Projection.compile(List.of("eth.type", "ip.src", "ip.dst", "ip.proto", "tcp.srcport", "tcp.dstport",
                "udp.srcport", "udp.dstport")).projector(new PacketDecoder());
        dns = Projection.compile(List.of("dns.id", "dns.qry.name")).projector(new PacketDecoder());
        if (layersProjected() == 0 || dnsProjected() == 0) {
            throw new IllegalStateException("the projections found nothing in the " + data + " packets");
        }
    }

    /**
     * The EtherType, IPv4 addresses and protocol, and the TCP or UDP ports: the first occurrence of each, as the
     * floor and the general decoder's benchmark read them (a VXLAN packet's inner frame is read, and its
     * occurrences are there, but the question is about the outer headers), through the row's typed reads.
     */
    @Benchmark
    public long layersProjected() {
        long sum = 0;
        for (int i = 0; i < packets.size(); i++) {
            ProjectedRow row = layers.project(LINKTYPE_ETHERNET, packetBytes, packets.offset(i), packets.length(i));
            sum += row.longOr(0, 0) + row.longOr(1, 0) + row.longOr(2, 0) + row.longOr(3, 0) + row.longOr(4, 0)
                    + row.longOr(5, 0) + row.longOr(6, 0) + row.longOr(7, 0);
        }
        return sum;
    }

    /** The same question, with every occurrence read through the row's general accessors (no target). */
    @Benchmark
    public long layersProjectedEveryOccurrence() {
        long sum = 0;
        for (int i = 0; i < packets.size(); i++) {
            ProjectedRow row = layers.project(LINKTYPE_ETHERNET, packetBytes, packets.offset(i), packets.length(i));
            for (int f = 0; f < 8; f++) {
                for (int k = 0, n = row.count(f); k < n; k++) {
                    // the addresses (columns 1 and 2) are views: read them as the floor reads them
                    sum += f == 1 || f == 2 ? row.buffer(f, k).getInt(row.index(f, k)) : row.integer(f, k);
                }
            }
        }
        return sum;
    }

    /** DNS packets only: the message id (through the typed read) and the first question's name, as text. */
    @Benchmark
    public long dnsProjected() {
        long sum = 0;
        for (int i = 0; i < dnsPackets.size(); i++) {
            ProjectedRow row = dns.project(LINKTYPE_ETHERNET, dnsBytes, dnsPackets.offset(i), dnsPackets.length(i));
            sum += row.longOr(0, 0);
            if (row.count(1) > 0) {
                sum += row.text(1, 0).length();
            }
        }
        return sum;
    }
}
