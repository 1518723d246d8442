package dev.trawl.bench.decode;

import dev.trawl.bench.BenchmarkBase;
import dev.trawl.bench.data.DataSets;
import dev.trawl.bench.data.PacketArray;
import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.PacketDecoder;
import dev.trawl.decode.display.DisplayFilter;
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
 * A display filter ({@value DataSets#DISPLAY_FILTER}) over the packets {@link DecodeBenchmark} decodes,
 * beside the decoding alone: what {@code trawl -Y} spends per packet above reading it, and how much of that
 * is the filter. Scores are per packet.
 */
@State(Scope.Thread)
@OperationsPerInvocation(DataSets.DECODE_PACKETS)
public class DisplayFilterBenchmark extends BenchmarkBase {
    private static final int LINKTYPE_ETHERNET = 1;

    @Param({DataSets.MIX})
    public String data;

    private final PacketDecoder decoder = new PacketDecoder();
    private final DisplayFilter filter = DisplayFilter.compile(DataSets.DISPLAY_FILTER);
    private PacketArray packets;
    private ByteBuffer packetBytes;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        packets = DecodeData.load(data).packets();
        packetBytes = ByteBuffer.wrap(packets.bytes());
        int matched = displayFilter();
        if (matched == 0 || matched == packets.size()) {
            throw new IllegalStateException("the display filter matches " + matched + " of the " + data + " packets");
        }
    }

    /** Decoding every layer of each packet: the decoder's cost alone. */
    @Benchmark
    public long decode() {
        long sum = 0;
        for (int i = 0; i < packets.size(); i++) {
            sum += decoder.decode(LINKTYPE_ETHERNET, packetBytes, packets.offset(i), packets.length(i)).layerCount();
        }
        return sum;
    }

    /** Decoding each packet and testing it against the display filter; returns the packets that pass. */
    @Benchmark
    public int displayFilter() {
        int matched = 0;
        for (int i = 0; i < packets.size(); i++) {
            DecodedPacket p = decoder.decode(LINKTYPE_ETHERNET, packetBytes, packets.offset(i), packets.length(i));
            if (filter.test(p)) {
                matched++;
            }
        }
        return matched;
    }
}
