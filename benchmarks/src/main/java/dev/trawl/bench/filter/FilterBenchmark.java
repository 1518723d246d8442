package dev.trawl.bench.filter;

import dev.trawl.bench.BenchmarkBase;
import dev.trawl.bench.data.DataSet;
import dev.trawl.bench.data.DataSets;
import dev.trawl.bench.data.PacketArray;
import dev.trawl.bench.run.CBaseline;
import dev.trawl.pcap.BpfProgram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The cost of running a compiled filter on one packet, with no file reading: {@link BpfProgram#run}, the
 * interpreter in pcap-api, over {@value DataSets#IN_MEMORY_PACKETS} packets held in memory. The program is
 * libpcap's own compilation of {@link DataSets#FILTER}, the one the C baseline's {@code pcap_offline_filter}
 * runs over the same packets. Scores are per packet.
 */
@State(Scope.Thread)
@OperationsPerInvocation(DataSets.IN_MEMORY_PACKETS)
public class FilterBenchmark extends BenchmarkBase {
    @Param({DataSets.SMALL, DataSets.MIX})
    public String data;

    private BpfProgram program;
    private ByteBuffer[] packets;
    private int[] lengths;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        DataSet set = DataSets.get(data);
        program = CBaseline.readProgram(DataSets.directory());
        PacketArray array = PacketArray.load(set.file(), DataSets.IN_MEMORY_PACKETS);
        packets = array.views();
        lengths = new int[array.size()];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = array.length(i);
        }
    }

    @Benchmark
    public int interpreter() {
        int matched = 0;
        for (int i = 0; i < packets.length; i++) {
            if (program.run(packets[i], lengths[i]) != 0) {
                matched++;
            }
        }
        return matched;
    }
}
