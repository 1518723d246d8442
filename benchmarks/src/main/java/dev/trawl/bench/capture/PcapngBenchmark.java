package dev.trawl.bench.capture;

import dev.trawl.bench.BenchmarkBase;
import dev.trawl.bench.data.DataSet;
import dev.trawl.bench.data.DataSets;
import dev.trawl.bench.data.Expected;
import dev.trawl.pcap.Backend;
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

import java.nio.ByteBuffer;

/**
 * Reading pcapng: {@link #next} is {@link CaptureBenchmark#next}'s pass (zero-copy view, no filter) over the
 * pcapng twins of the data sets ({@link DataSets#loadPcapng}), which hold the same packets as the pcap files.
 * The report compares it with C {@code pcap_next_ex} over the same pcapng file. Only {@code next} is
 * measured: the other passes differ from {@link CaptureBenchmark}'s in the backend's delivery, not in the
 * file format. {@code pcap4j} is left out; it reads through libpcap like {@code jna}, at microseconds per
 * packet. Each trial first checks that a pass delivers exactly the packets and bytes of the file.
 */
@State(Scope.Thread)
public class PcapngBenchmark extends BenchmarkBase {
    @Param({"java", "jna", "panama"})
    public String backend;

    @Param({DataSets.SMALL + DataSets.PCAPNG_SUFFIX, DataSets.MIX + DataSets.PCAPNG_SUFFIX})
    public String data;

    private Backend impl;
    private DataSet set;

    @Setup(Level.Trial)
    public void setUp() throws PcapException {
        impl = Pcap.backend(backend);
        set = DataSets.get(data);
        long count = 0;
        long bytes = 0;
        try (OfflineHandle handle = impl.openOffline(set.file())) {
            while (handle.next() == ReadStatus.PACKET) {
                count++;
                bytes += handle.packet().data().remaining();
            }
        }
        Expected.check(backend + " next", set, false, count);
        // a reader that cut the blocks short would be fast and wrong
        if (bytes != set.bytes()) {
            throw new IllegalStateException(backend + " next delivered " + bytes + " bytes of " + set.name()
                    + "; expected " + set.bytes());
        }
    }

    /** The loop of {@link CaptureBenchmark#next}, kept identical so that only the file format differs. */
    @Benchmark
    public long next() throws PcapException {
        long sum = 0;
        try (OfflineHandle handle = impl.openOffline(set.file())) {
            while (handle.next() == ReadStatus.PACKET) {
                Packet packet = handle.packet();
                ByteBuffer bytes = packet.data();
                sum += packet.capturedLength() + bytes.get(bytes.position());
            }
        }
        return sum;
    }
}
