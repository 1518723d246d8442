package dev.trawl.decode;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.trawl.decode.field.FieldValues;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Fuzzes projections against the general decoder: for any bytes, a projection's row holds what the fields'
 * extractors report from the decoder's result, whether the projector read the packet from its bytes or not.
 *
 * <p>Input format: the first byte picks the projection from {@link #PROJECTIONS}, the second the options (a
 * decoder that reassembles and follows conversations, a read-only buffer); the rest is an Ethernet frame.
 * Without {@code JAZZER_FUZZ=1} the test replays the seeds in {@code ProjectionFuzzTestInputs/}. The
 * {@code fuzz} Maven profile with {@code -Dfuzz.test=ProjectionFuzzTest} fuzzes for the {@code maxDuration}
 * below.
 */
class ProjectionFuzzTest {
    private static final List<List<String>> PROJECTIONS = List.of(
            List.of("frame.number", "ip.src", "ip.dst", "tcp.srcport", "udp.dstport"),
            List.of("eth.src", "eth.dst", "eth.type", "eth.addr", "frame.len", "frame.cap_len"),
            List.of("ip.version", "ip.hdr_len", "ip.len", "ip.id", "ip.flags", "ip.ttl", "ip.proto", "ip.addr",
                    "ip.dsfield.dscp", "ip.frag_offset", "ip.checksum"),
            List.of("ipv6.src", "ipv6.dst", "ipv6.addr", "ipv6.plen", "ipv6.nxt", "ipv6.hlim", "ipv6.flow",
                    "ipv6.tclass"),
            List.of("tcp.port", "tcp.hdr_len", "tcp.flags", "tcp.seq_raw", "tcp.ack_raw", "tcp.window_size_value",
                    "udp.port", "udp.length", "udp.checksum"),
            List.of("ip.src", "dns.qry.name", "tcp.len"),
            List.of("dns.id", "dns.qry.name", "dns.qry.type", "dns.flags.response", "dns.count.answers", "eth.type",
                    "ip.addr", "udp.port"));

    private static final Projector[][] PROJECTORS = new Projector[PROJECTIONS.size()][2];
    private static final PacketDecoder[][] REFERENCES = new PacketDecoder[PROJECTIONS.size()][2];
    private static final FieldValues VALUES = new FieldValues();

    static {
        for (int i = 0; i < PROJECTIONS.size(); i++) {
            for (int s = 0; s < 2; s++) {
                PROJECTORS[i][s] = Projection.compile(PROJECTIONS.get(i)).projector(decoder(s == 1));
                REFERENCES[i][s] = decoder(s == 1);
            }
        }
    }

    private static PacketDecoder decoder(boolean stateful) {
        PacketDecoder d = new PacketDecoder();
        return stateful ? d.reassembleFragments(true).followConversations(true).reassembleStreams(true) : d;
    }

    @FuzzTest(maxDuration = "60s")
    void projectionEqualsTheDecoder(byte[] input) {
        if (input.length < 2) {
            return;
        }
        int which = (input[0] & 0xFF) % PROJECTIONS.size();
        int options = input[1] & 0xFF;
        int stateful = options & 1;
        int length = input.length - 2;
        ByteBuffer buf = ByteBuffer.wrap(input);
        if ((options & 2) != 0) {
            buf = buf.asReadOnlyBuffer();
        }
        ProjectedRow row = PROJECTORS[which][stateful].project(1, buf, 2, length, length, 1, 0);
        DecodedPacket p = REFERENCES[which][stateful].decode(1, ByteBuffer.wrap(input.clone()), 2, length, length, 1,
                0);
        for (int f = 0; f < row.fieldCount(); f++) {
            ProjectionTest.assertSame(row, f, VALUES.collect(row.field(f), p), "input");
        }
    }
}
