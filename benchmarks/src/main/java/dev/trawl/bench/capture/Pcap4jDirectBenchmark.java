package dev.trawl.bench.capture;

import dev.trawl.bench.BenchmarkBase;
import dev.trawl.bench.data.DataSet;
import dev.trawl.bench.data.DataSets;
import dev.trawl.bench.data.Expected;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.pcap4j.core.BpfProgram.BpfCompileMode;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.pcap4j.core.RawPacketListener;
import org.pcap4j.packet.Packet;

import java.io.EOFException;
import java.util.concurrent.TimeoutException;

/**
 * pcap4j used directly, as an application would without trawl: the baseline of the {@code pcap4j} backend
 * and the incumbent the other backends are compared with. One operation is a whole pass over a generated
 * capture's head ({@link dev.trawl.bench.data.Scale#headPackets()}: pcap4j costs microseconds per packet, and a
 * whole file would take minutes per benchmark), otherwise as in {@link CaptureBenchmark}:
 * <ul>
 *   <li>{@link #getNextRawPacket}: a {@code byte[]} copy per packet, {@code null} at the end;</li>
 *   <li>{@link #getNextRawPacketEx}: the same, ending with {@link EOFException};</li>
 *   <li>{@link #getNextPacket}: decoded into pcap4j's packet objects;</li>
 *   <li>{@link #loopRaw}: {@code loop} with a {@link RawPacketListener}.</li>
 * </ul>
 */
@State(Scope.Thread)
public class Pcap4jDirectBenchmark extends BenchmarkBase {
    @Param({DataSets.SMALL, DataSets.MIX})
    public String data;

    @Param({"none", "filtered"})
    public String filter;

    private DataSet set;
    private long sum;
    private long count;
    private final RawPacketListener listener = packet -> {
        sum += packet.length + packet[0];
        count++;
    };

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        set = DataSets.get(data).headOrSelf();
        boolean filtered = filter.equals("filtered");
        long n = 0;
        try (PcapHandle handle = open()) {
            while (handle.getNextRawPacket() != null) {
                n++;
            }
        }
        Expected.check("pcap4j getNextRawPacket", set, filtered, n);
        loopRaw();
        Expected.check("pcap4j loop", set, filtered, count);
    }

    private PcapHandle open() throws PcapNativeException, NotOpenException {
        PcapHandle handle = Pcaps.openOffline(set.file().toString());
        if (filter.equals("filtered")) {
            handle.setFilter(DataSets.FILTER, BpfCompileMode.OPTIMIZE);
        }
        return handle;
    }

    @Benchmark
    public long getNextRawPacket() throws Exception {
        long total = 0;
        try (PcapHandle handle = open()) {
            byte[] packet;
            while ((packet = handle.getNextRawPacket()) != null) {
                total += packet.length + packet[0];
            }
        }
        return total;
    }

    @Benchmark
    public long getNextRawPacketEx() throws Exception {
        long total = 0;
        try (PcapHandle handle = open()) {
            while (true) {
                byte[] packet;
                try {
                    packet = handle.getNextRawPacketEx();
                } catch (EOFException end) {
                    break;
                } catch (TimeoutException e) {
                    throw new IllegalStateException("an offline handle timed out", e);
                }
                total += packet.length + packet[0];
            }
        }
        return total;
    }

    @Benchmark
    public void getNextPacket(Blackhole blackhole) throws Exception {
        try (PcapHandle handle = open()) {
            Packet packet;
            while ((packet = handle.getNextPacket()) != null) {
                blackhole.consume(packet);
            }
        }
    }

    @Benchmark
    public long loopRaw() throws Exception {
        sum = 0;
        count = 0;
        try (PcapHandle handle = open()) {
            handle.loop(-1, listener);
        }
        return sum;
    }
}
