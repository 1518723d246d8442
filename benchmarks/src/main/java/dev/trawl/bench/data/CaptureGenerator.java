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
 * Each file's first packets are also written to a head file ({@code NAME-head.pcap}), and all its packets,
 * with the same timestamps, to a pcapng file ({@code NAME.pcapng}). Not thread-safe.
 */
final class CaptureGenerator {
    private static final long START_MICROS = 1_700_000_000_000_000L;
    private static final int[] TCP_PORTS = {80, 443, 22, 8080, 5432};
    private static final int[] UDP_PORTS = {123, 443, 4789, 514, 5353};
    private static final String[] NAMES = {"www.example.com", "mail.trawl.test", "a.very.deep.name.in.trawl.test",
            "cdn.example.net", "api.trawl.test", "ntp.example.org"};

    private final SplittableRandom random;
    private final FrameBuilder builder = new FrameBuilder();

    /** Whether hosts are spread over 11.0.0.0 to 138.255.255.255 instead of lying in 10.0.0.0/16. */
    private final boolean spreadHosts;

    CaptureGenerator(long seed) {
        this(seed, false);
    }

    /**
     * @param spreadHosts whether each of the 65,536 hosts gets an address spread over 128 /8s (11.0.0.0 to
     *     138.255.255.255) instead of one in 10.0.0.0/16; the packets are otherwise the same
     */
    CaptureGenerator(long seed, boolean spreadHosts) {
        random = new SplittableRandom(seed);
        this.spreadHosts = spreadHosts;
    }

    /** Writes {@code dir/small.pcap}, its head and its pcapng twin. */
    DataSet small(Path dir, int count, int headCount) throws IOException {
        return write(dir, DataSets.SMALL, count, headCount, i -> {
            boolean tcp = random.nextBoolean();
            int port = tcp ? pick(TCP_PORTS) : (random.nextInt(4) == 0 ? 53 : pick(UDP_PORTS));
            builder.ipv4(64, tcp ? FrameBuilder.PROTO_TCP : FrameBuilder.PROTO_UDP, host(), host(), ephemeral(),
                    port, i);
            return new Frame(64, matches(tcp, port));
        });
    }

    /** Writes {@code dir/mix.pcap}, its head and its pcapng twin. */
    DataSet mix(Path dir, int count, int headCount) throws IOException {
        return write(dir, DataSets.MIX, count, headCount, i -> {
            int kind = random.nextInt(10);
            if (kind == 0) {
                boolean response = random.nextBoolean();
                int length = builder.dns(host(), 0x0a00_0035, ephemeral(), i & 0xffff,
                        NAMES[random.nextInt(NAMES.length)], response, host());
                return new Frame(length, true);
            }
            int size = random.nextInt(12);
            int length = size < 7 ? 64 : size < 11 ? 594 : 1518;
            boolean tcp = kind <= 6;
            int port = tcp ? pick(TCP_PORTS) : pick(UDP_PORTS);
            builder.ipv4(length, tcp ? FrameBuilder.PROTO_TCP : FrameBuilder.PROTO_UDP, host(), host(), ephemeral(),
                    port, i);
            return new Frame(length, matches(tcp, port));
        });
    }

    /** A frame built into {@link FrameBuilder#frame}: its length, and whether the filter matches it. */
    private record Frame(int length, boolean matched) {
    }

    private interface FrameSource {
        Frame next(int index);
    }

    private DataSet write(Path dir, String name, int count, int headCount, FrameSource source) throws IOException {
        Path file = dir.resolve(name + ".pcap");
        Path headFile = dir.resolve(name + "-head.pcap");
        Path pcapngFile = dir.resolve(name + DataSets.PCAPNG_FILE_SUFFIX);
        long matched = 0;
        long bytes = 0;
        long headMatched = 0;
        long headBytes = 0;
        int headPackets = Math.min(count, headCount);
        try (PcapFileWriter out = new PcapFileWriter(file); PcapFileWriter head = new PcapFileWriter(headFile);
                PcapngFileWriter pcapng = new PcapngFileWriter(pcapngFile)) {
            for (int i = 0; i < count; i++) {
                Frame frame = source.next(i);
                long micros = START_MICROS + i * 10L;
                out.write(micros, builder.frame, frame.length());
                pcapng.write(micros, builder.frame, frame.length());
                matched += frame.matched() ? 1 : 0;
                bytes += frame.length();
                if (i < headPackets) {
                    head.write(micros, builder.frame, frame.length());
                    headMatched += frame.matched() ? 1 : 0;
                    headBytes += frame.length();
                }
            }
        }
        DataSet headSet = new DataSet(name, headFile, headPackets, headBytes, headMatched, null);
        return new DataSet(name, file, count, bytes, matched, headSet);
    }

    /** Whether {@link DataSets#FILTER} matches; the source port is ephemeral, so only the destination counts. */
    private static boolean matches(boolean tcp, int dstPort) {
        return tcp ? dstPort == 80 : dstPort == 53;
    }

    private int host() {
        int h = random.nextInt(1 << 16);
        if (!spreadHosts) {
            return 0x0a00_0000 | h;
        }
        // the same host, one to one, over 128 first octets: its low 7 bits pick the /8, the next 8 the second
        // octet and the last one the third
        return (11 + (h & 0x7F)) << 24 | (h >>> 7 & 0xFF) << 16 | (h >>> 15) << 8 | 1;
    }

    private int ephemeral() {
        return 32_768 + random.nextInt(28_232);
    }

    private int pick(int[] ports) {
        return random.nextInt(3) == 0 ? 1024 + random.nextInt(30_000) : ports[random.nextInt(ports.length)];
    }
}
