package dev.trawl.bench.capture;

import dev.trawl.bench.BenchmarkBase;
import dev.trawl.bench.data.DataSet;
import dev.trawl.bench.data.DataSets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The floor under the Panama backend: a bare loop that calls libpcap's {@code pcap_next_ex} through
 * {@code java.lang.foreign} (as a critical function, as the backend does for regular files) and reads the
 * captured length and first byte in place, with no API around it. One operation is a whole pass over a
 * generated capture, as in {@link CaptureBenchmark}.
 */
@State(Scope.Thread)
@SuppressWarnings("restricted")
public class BarePanamaBenchmark extends BenchmarkBase {
    private static final MethodHandle OPEN;
    private static final MethodHandle NEXT_EX;
    private static final MethodHandle CLOSE;

    static {
        Linker linker = Linker.nativeLinker();
        SymbolLookup lib = SymbolLookup.libraryLookup("libpcap.so.0.8", Arena.global());
        OPEN = linker.downcallHandle(lib.find("pcap_open_offline").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
        NEXT_EX = linker.downcallHandle(lib.find("pcap_next_ex").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_LONG), Linker.Option.critical(false));
        CLOSE = linker.downcallHandle(lib.find("pcap_close").orElseThrow(), FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
    }

    @Param({DataSets.SMALL, DataSets.MIX})
    public String data;

    private DataSet set;

    @Setup(Level.Trial)
    public void setUp() {
        set = DataSets.get(data);
    }

    @Benchmark
    public long next() throws Throwable {
        long sum = 0;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errbuf = arena.allocate(256);
            MemorySegment pcap = (MemorySegment) OPEN.invokeExact(arena.allocateFrom(set.file().toString()), errbuf);
            if (pcap.address() == 0) {
                throw new IllegalStateException(errbuf.getString(0));
            }
            MemorySegment out = arena.allocate(16).reinterpret(16);
            long outAddress = out.address();
            MemorySegment all = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
            try {
                while ((int) NEXT_EX.invokeExact(pcap.address(), outAddress, outAddress + 8) == 1) {
                    long header = all.get(ValueLayout.JAVA_LONG_UNALIGNED, outAddress);
                    long bytes = all.get(ValueLayout.JAVA_LONG_UNALIGNED, outAddress + 8);
                    sum += all.get(ValueLayout.JAVA_INT_UNALIGNED, header + 16) + all.get(ValueLayout.JAVA_BYTE, bytes);
                }
            } finally {
                CLOSE.invokeExact(pcap);
            }
        }
        return sum;
    }
}
