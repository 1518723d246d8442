package dev.trawl.bench.filter;

import dev.trawl.bench.BenchmarkBase;
import dev.trawl.bench.data.DataSet;
import dev.trawl.bench.data.DataSets;
import dev.trawl.bench.data.PacketArray;
import dev.trawl.bench.run.CBaseline;
import dev.trawl.filter.BpfJit;
import dev.trawl.pcap.BpfMatcher;
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
 * The cost of running a compiled filter on one packet, with no file reading, over
 * {@value DataSets#IN_MEMORY_PACKETS} packets held in memory: {@link #interpreter} runs
 * {@link BpfProgram#run(ByteBuffer, int, int, int)}, the interpreter in pcap-api; {@link #jit} runs the filter
 * module's {@link BpfJit} translation to bytecode. The program is libpcap's own compilation of
 * {@link DataSets#FILTER}, the one the C baseline's {@code pcap_offline_filter} runs over the same packets.
 * Both sides get each packet as C does, as a place and a captured length (here one buffer, an offset and a
 * length; in C a pointer and a header), with no per-packet object. Scores are per packet. The trial first
 * checks that both accept exactly the same packets.
 */
@State(Scope.Thread)
@OperationsPerInvocation(DataSets.IN_MEMORY_PACKETS)
public class FilterBenchmark extends BenchmarkBase {
    @Param({DataSets.SMALL, DataSets.MIX})
    public String data;

    private BpfProgram program;
    private BpfMatcher matcher;
    private ByteBuffer all;
    private int[] offsets;
    private int[] lengths;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        DataSet set = DataSets.get(data);
        program = CBaseline.readProgram(DataSets.directory());
        PacketArray array = PacketArray.load(set.file(), DataSets.IN_MEMORY_PACKETS);
        all = ByteBuffer.wrap(array.bytes());
        offsets = new int[array.size()];
        lengths = new int[array.size()];
        for (int i = 0; i < lengths.length; i++) {
            offsets[i] = array.offset(i);
            lengths[i] = array.length(i);
        }
        matcher = BpfJit.compile(program);
        int interpreted = interpreter();
        int compiled = jit();
        if (interpreted != compiled || interpreted == 0) {
            throw new IllegalStateException("the interpreter accepts " + interpreted + " packets, the JIT " + compiled);
        }
    }

    @Benchmark
    public int interpreter() {
        int matched = 0;
        for (int i = 0; i < offsets.length; i++) {
            if (program.run(all, offsets[i], lengths[i], lengths[i]) != 0) {
                matched++;
            }
        }
        return matched;
    }

    @Benchmark
    public int jit() {
        int matched = 0;
        for (int i = 0; i < offsets.length; i++) {
            if (matcher.run(all, offsets[i], lengths[i], lengths[i]) != 0) {
                matched++;
            }
        }
        return matched;
    }
}
