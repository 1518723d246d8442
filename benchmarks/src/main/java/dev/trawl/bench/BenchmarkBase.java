package dev.trawl.bench;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The settings every benchmark shares: average time in nanoseconds, one fork with native access enabled
 * (the Panama and JNA backends call into libpcap), many short iterations, so that the best of them (which
 * the report compares) is likely to fall in a quiet moment of a shared machine. {@link dev.trawl.bench.run.JmhRun}
 * overrides the counts per {@link dev.trawl.bench.data.Scale}; these are the full run's.
 *
 * <p>Benchmark state is per thread; no benchmark is run with more than one thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {BenchmarkBase.NATIVE_ACCESS, BenchmarkBase.HEAP_MIN, BenchmarkBase.HEAP_MAX})
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 8, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public abstract class BenchmarkBase {
    /** Lets the Panama and JNA backends call native code without the JDK refusing or warning. */
    public static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";
    /** A fixed heap, so that heap sizing does not vary between forks. */
    public static final String HEAP_MIN = "-Xms1g";
    /** See {@link #HEAP_MIN}. */
    public static final String HEAP_MAX = "-Xmx1g";
}
