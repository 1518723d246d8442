package dev.trawl.bench.capture;

import dev.trawl.bench.BenchmarkBase;
import dev.trawl.bench.data.DataSet;
import dev.trawl.bench.data.DataSets;
import dev.trawl.bench.data.Expected;
import dev.trawl.pcap.Backend;
import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.FilterSpec;
import dev.trawl.pcap.Handle;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.ByteBuffer;

/**
 * Offline capture cost of each backend, chosen by name through {@link Pcap#backend(String)}: one operation
 * is a whole pass over a generated capture (open, read every packet, close), so the score divided by the
 * file's packet count is the cost per packet, which the report prints. The passes are:
 * <ul>
 *   <li>{@link #next}: {@link Handle#next()} with the zero-copy view;</li>
 *   <li>{@link #nextCopy}: the same with an owned {@link Packet#copy()} of every packet;</li>
 *   <li>{@link #dispatch}: {@link Handle#dispatch} in batches of {@value #DISPATCH_BATCH}, like the C
 *   baseline's {@code pcap_dispatch};</li>
 *   <li>{@link #loop}: {@link Handle#loop} over the whole file.</li>
 * </ul>
 * With {@code filter=filtered}, {@link DataSets#FILTER} is set on the handle: every packet is still read,
 * and only the matching ones are delivered. Each trial first checks that every pass delivers exactly the
 * expected packets. The {@code pcap4j} backend reads the head of each file ({@link
 * dev.trawl.bench.data.Scale#headPackets()}), like {@link Pcap4jDirectBenchmark}, its baseline.
 */
@State(Scope.Thread)
public class CaptureBenchmark extends BenchmarkBase {
    /** Packets per {@code dispatch} call, as in the C baseline. */
    public static final int DISPATCH_BATCH = 256;

    @Param({"java", "jna", "panama", "pcap4j"})
    public String backend;

    @Param({DataSets.SMALL, DataSets.MIX})
    public String data;

    @Param({"none", "filtered"})
    public String filter;

    private Backend impl;
    private DataSet set;
    private BpfProgram program;
    private final CountingHandler handler = new CountingHandler();

    @Setup(Level.Trial)
    public void setUp() throws PcapException {
        impl = Pcap.backend(backend);
        // pcap4j costs microseconds per packet: it reads the head of the file, as Pcap4jDirectBenchmark does
        set = backend.equals("pcap4j") ? DataSets.get(data).headOrSelf() : DataSets.get(data);
        boolean filtered = filter.equals("filtered");
        program = filtered
                ? impl.compileFilter(FilterSpec.of(DataSets.FILTER, LinkType.ETHERNET))
                : null;
        Expected.check(backend + " next", set, filtered, countNext());
        dispatch();
        Expected.check(backend + " dispatch", set, filtered, handler.count);
        loop();
        Expected.check(backend + " loop", set, filtered, handler.count);
    }

    private OfflineHandle open() throws PcapException {
        OfflineHandle handle = impl.openOffline(set.file());
        if (program != null) {
            handle.setFilter(program);
        }
        return handle;
    }

    private long countNext() throws PcapException {
        long count = 0;
        try (OfflineHandle handle = open()) {
            while (handle.next() == ReadStatus.PACKET) {
                count++;
            }
        }
        return count;
    }

    @Benchmark
    public long next() throws PcapException {
        long sum = 0;
        try (OfflineHandle handle = open()) {
            while (handle.next() == ReadStatus.PACKET) {
                Packet packet = handle.packet();
                ByteBuffer bytes = packet.data();
                sum += packet.capturedLength() + bytes.get(bytes.position());
            }
        }
        return sum;
    }

    @Benchmark
    public void nextCopy(Blackhole blackhole) throws PcapException {
        try (OfflineHandle handle = open()) {
            while (handle.next() == ReadStatus.PACKET) {
                blackhole.consume(handle.packet().copy());
            }
        }
    }

    @Benchmark
    public long dispatch() throws PcapException {
        handler.reset();
        try (OfflineHandle handle = open()) {
            // End of file is DISPATCH_END_OF_FILE; zero is also taken as the end, so a backend that follows
            // libpcap's offline convention instead cannot spin here.
            while (handle.dispatch(DISPATCH_BATCH, handler) > 0) {
                // the handler does the work
            }
        }
        return handler.sum;
    }

    @Benchmark
    public long loop() throws PcapException {
        handler.reset();
        try (OfflineHandle handle = open()) {
            handle.loop(0, handler);
        }
        return handler.sum;
    }
}
