package dev.trawl.bench.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Generates the benchmark captures from a seed, so every run and every machine reads the same bytes:
 * <ul>
 *   <li>{@code small}: 64-byte Ethernet/IPv4 frames, half TCP and half UDP, over varied hosts and ports;</li>
 *   <li>{@code mix}: an IMIX-like size mix (64, 594 and 1518-byte frames, 7:4:1), 60% TCP and 40% UDP, of
 *   which one packet in ten is a DNS query or response.</li>
 * </ul>
 * Not thread-safe.
 */
final class CaptureGenerator {
    private static final long START_MICROS = 1_700_000_000_000_000L;
    private static final int[] TCP_PORTS = {80, 443, 22, 8080, 5432};
    private static final int[] UDP_PORTS = {123, 443, 4789, 514, 5353};
    private static final String[] NAMES = {"www.example.com", "mail.trawl.test", "a.very.deep.name.in.trawl.test",
            "cdn.example.net", "api.trawl.test", "ntp.example.org"};

    private final SplittableRandom random;
    private final FrameBuilder builder = new FrameBuilder();

    CaptureGenerator(long seed) {
        random = new SplittableRandom(seed);
    }

    DataSet small(Path file, int count) throws IOException {
        long matched = 0;
        try (PcapFileWriter out = new PcapFileWriter(file)) {
            for (int i = 0; i < count; i++) {
                boolean tcp = random.nextBoolean();
                int port = tcp ? pick(TCP_PORTS) : (random.nextInt(4) == 0 ? 53 : pick(UDP_PORTS));
                builder.ipv4(64, tcp ? FrameBuilder.PROTO_TCP : FrameBuilder.PROTO_UDP, host(), host(), ephemeral(),
                        port, i);
                matched += matches(tcp, port) ? 1 : 0;
                out.write(START_MICROS + i * 2L, builder.frame, 64);
            }
            out.close();
            return new DataSet(DataSets.SMALL, file, out.packets(), out.bytes(), matched);
        }
    }

    DataSet mix(Path file, int count) throws IOException {
        long matched = 0;
        try (PcapFileWriter out = new PcapFileWriter(file)) {
            for (int i = 0; i < count; i++) {
                int length;
                int kind = random.nextInt(10);
                if (kind == 0) {
                    boolean response = random.nextBoolean();
                    matched++;
                    length = builder.dns(host(), 0x0a00_0035, ephemeral(), i & 0xffff, NAMES[random.nextInt(NAMES.length)],
                            response, host());
                } else {
                    int size = random.nextInt(12);
                    length = size < 7 ? 64 : size < 11 ? 594 : 1518;
                    boolean tcp = kind <= 6;
                    int port = tcp ? pick(TCP_PORTS) : pick(UDP_PORTS);
                    builder.ipv4(length, tcp ? FrameBuilder.PROTO_TCP : FrameBuilder.PROTO_UDP, host(), host(),
                            ephemeral(), port, i);
                    matched += matches(tcp, port) ? 1 : 0;
                }
                out.write(START_MICROS + i * 10L, builder.frame, length);
            }
            out.close();
            return new DataSet(DataSets.MIX, file, out.packets(), out.bytes(), matched);
        }
    }

    /** Whether {@link DataSets#FILTER} matches; the source port is ephemeral, so only the destination counts. */
    private static boolean matches(boolean tcp, int dstPort) {
        return tcp ? dstPort == 80 : dstPort == 53;
    }

    private int host() {
        return 0x0a00_0000 | random.nextInt(1 << 16);
    }

    private int ephemeral() {
        return 32_768 + random.nextInt(28_232);
    }

    private int pick(int[] ports) {
        return random.nextInt(3) == 0 ? 1024 + random.nextInt(30_000) : ports[random.nextInt(ports.length)];
    }
}
