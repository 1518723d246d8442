package dev.trawl.bench.decode;

import dev.trawl.bench.BenchmarkBase;
import dev.trawl.bench.data.DataSets;
import dev.trawl.bench.data.PacketArray;
import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.PacketDecoder;
import dev.trawl.decode.Projection;
import dev.trawl.decode.Projector;
import dev.trawl.decode.display.DisplayFilter;
import dev.trawl.decode.field.FieldRegistry;
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
 * is the filter; and the same filter on rows of a projection of its fields. Scores are per packet.
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
    private Projector projector;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        packets = DecodeData.load(data).packets();
        packetBytes = ByteBuffer.wrap(packets.bytes());
        projector = Projection.of(FieldRegistry.standard(), filter.rowFields().orElseThrow())
                .projector(new PacketDecoder());
        int matched = displayFilter();
        if (matched == 0 || matched == packets.size()) {
            throw new IllegalStateException("the display filter matches " + matched + " of the " + data + " packets");
        }
        if (displayFilterProjected() != matched) {
            throw new IllegalStateException("the display filter matches other packets on projected rows");
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

    /**
     * Testing each packet against the display filter on a projection of the filter's fields (it reads fields
     * alone), as {@code trawl -Y ... -T fields} does; returns the packets that pass.
     */
    @Benchmark
    public int displayFilterProjected() {
        int matched = 0;
        for (int i = 0; i < packets.size(); i++) {
            if (filter.test(projector.project(LINKTYPE_ETHERNET, packetBytes, packets.offset(i), packets.length(i)))) {
                matched++;
            }
        }
        return matched;
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
