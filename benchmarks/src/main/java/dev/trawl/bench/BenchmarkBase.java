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
 * (the Panama and JNA backends call into libpcap), short iterations. {@link dev.trawl.bench.run.JmhRun}
 * overrides the counts per {@link dev.trawl.bench.data.Scale}; these are the full run's.
 *
 * <p>Benchmark state is per thread; no benchmark is run with more than one thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
public abstract class BenchmarkBase {
}
