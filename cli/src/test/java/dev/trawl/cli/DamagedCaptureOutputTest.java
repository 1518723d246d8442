package dev.trawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged or unreadable capture is reported the same way by every output mode of the tool, on every
 * backend: a message on stderr, exit status 1, and the packets read before the damage still written. The
 * damaged files are the corpus captures a reader refuses (libpcap's open and read errors) and copies of good
 * captures cut short or overwritten, made here with a fixed seed. The text mode is the reference: every other
 * mode must end the same way and write as many packets.
 */
class DamagedCaptureOutputTest {
    private static final List<String> BACKENDS = List.of("java", "jna", "panama", "pcap4j");
    private static final List<String> GOOD = List.of("dns_udp.pcap", "OSPFv2_Capture_FINAL.pcapng",
            "pcapnggen-le-basic-test001.pcapng", "802.1ad_QinQ.pcap");

    @TempDir
    Path dir;
    private final java.util.Set<String> withoutInterfaces = new java.util.HashSet<>();

    /** An output mode: its arguments, and how to count the packets in what it wrote. */
    private record Mode(String name, List<String> args, Counter counter) {
        boolean tsharks() {
            return args.contains("-T") && !args.contains("text");
        }
    }

    private interface Counter {
        int count(TrawlRunner.Result result, Path written) throws IOException;
    }

    @Test
    void everyOutputModeReportsDamageAndKeepsThePacketsBeforeIt() throws IOException {
        Path written = dir.resolve("out.pcap");
        // tshark's modes show a pcapng file's custom blocks as frames of their own (no timestamp, protocol
        // "data"); the packets are the other frames.
        List<Mode> modes = List.of(
                new Mode("fields", List.of("-T", "fields", "-e", "frame.time_epoch", "-e", "frame.protocols"),
                        (r, w) -> (int) r.lines().stream().filter(l -> !l.equals("\tdata")).count()),
                new Mode("json", List.of("-T", "json", "-e", "frame.time_epoch", "-e", "frame.protocols"),
                        (r, w) -> packets(r.out(), "\"_index\":", "\"frame.time_epoch\"")),
                new Mode("ek", List.of("-T", "ek", "-e", "frame.time_epoch", "-e", "frame.protocols"),
                        (r, w) -> packets(r.out(), "{\"index\":", "\"frame_time_epoch\"")),
                new Mode("text -T", List.of("-n", "-T", "text"), (r, w) -> r.lines().size()),
                new Mode("quiet", List.of("-n", "-q"), (r, w) -> r.lines().size()),
                new Mode("write", List.of("-w", written.toString()), (r, w) -> packetsIn(w)));
        List<String> problems = new ArrayList<>();
        int damagedSeen = 0;
        for (Map.Entry<String, Path> file : damagedFiles().entrySet()) {
            for (String backend : BACKENDS) {
                TrawlRunner.Result reference = TrawlRunner.run("--backend", backend, "-n", "-r", file.getValue().toString());
                if (reference.status() != 0 && reference.status() != 1) {
                    problems.add(file.getKey() + " " + backend + " text: status " + reference.status() + " " + reference.stderr());
                    continue;
                }
                boolean damaged = reference.status() == 1;
                damagedSeen += damaged ? 1 : 0;
                int packets = reference.lines().size();
                for (Mode mode : modes) {
                    Files.deleteIfExists(written);
                    List<String> args = new ArrayList<>(List.of("--backend", backend, "-r", file.getValue().toString()));
                    args.addAll(mode.args());
                    TrawlRunner.Result r = TrawlRunner.run(args.toArray(String[]::new));
                    String what = file.getKey() + " " + backend + " " + mode.name() + ": ";
                    if (mode.tsharks() && withoutInterfaces.contains(file.getKey())) {
                        // a valid pcapng file with no interface, which libpcap refuses: tshark shows its
                        // blocks and ends normally, and so do tshark's modes
                        if (r.status() != 0) {
                            problems.add(what + "status " + r.status() + " on a file tshark reads: " + r.stderr().trim());
                        }
                        continue;
                    }
                    if (r.status() != reference.status()) {
                        problems.add(what + "status " + r.status() + ", the text mode's " + reference.status()
                                + " (" + reference.stderr().trim() + ")");
                        continue;
                    }
                    if (damaged && !messageOf(r).equals(messageOf(reference))) {
                        problems.add(what + "message '" + messageOf(r) + "', the text mode's '" + messageOf(reference) + "'");
                    }
                    int count = mode.counter().count(r, written);
                    if (count != packets) {
                        problems.add(what + count + " packets written, the text mode printed " + packets);
                    }
                }
                TrawlRunner.Result stats = TrawlRunner.run("stats", "--backend", backend, file.getValue().toString());
                if (damaged && (stats.status() == 0 || messageOf(stats).isEmpty())) {
                    problems.add(file.getKey() + " " + backend + " stats: status " + stats.status() + " with no message");
                }
            }
        }
        assertEquals(List.of(), problems);
        // The set must hold real damage for every backend, or the test proves nothing.
        assertEquals(true, damagedSeen > 4 * BACKENDS.size(), "damaged files seen: " + damagedSeen);
    }

    private Map<String, Path> damagedFiles() throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        Path expected = TrawlRunner.corpus().resolve("expected").resolve("_libpcap_read_status.tsv");
        for (String line : Files.readAllLines(expected, StandardCharsets.UTF_8)) {
            String[] cells = line.split("\t");
            if (cells.length == 3 && !cells[2].equals("OK") && !cells[0].equals("capture")) {
                files.put(cells[0], TrawlRunner.capture(cells[0]));
                if (cells[2].contains("no Interface Description Blocks")) {
                    withoutInterfaces.add(cells[0]);
                }
            }
        }
        // A section header whose byte-order magic is wrong: no reader can tell the file's byte order.
        files.put("bad byte-order magic", write("bad-magic.pcapng", pcapngHeaderWithMagic(0x1A2B3C4E)));
        Random random = new Random(20_261_205L);
        for (String name : GOOD) {
            byte[] original = Files.readAllBytes(TrawlRunner.capture(name));
            String suffix = name.substring(name.lastIndexOf('.'));
            for (int i = 0; i < 3; i++) {
                int cut = 24 + random.nextInt(original.length - 24);
                files.put(name + " cut at " + cut, write("cut-" + i + "-" + name, Arrays.copyOf(original, cut)));
            }
            byte[] overwritten = original.clone();
            int at = original.length / 2;
            Arrays.fill(overwritten, at, Math.min(original.length, at + 8), (byte) 0xff);
            files.put(name + " overwritten at " + at, write("overwritten-" + name + suffix, overwritten));
        }
        return files;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static byte[] pcapngHeaderWithMagic(int magic) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(28).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x0A0D0D0A).putInt(28).putInt(magic).putShort((short) 1).putShort((short) 0).putLong(-1).putInt(28);
        return b.array();
    }

    private static String messageOf(TrawlRunner.Result r) {
        return r.stderr().lines().filter(l -> l.startsWith("trawl: ")).findFirst().orElse("");
    }

    /**
     * The packets among the frames of JSON output: each frame starts with {@code start}; a frame is a custom
     * block when it has no timestamp and its only protocol is {@code data}.
     */
    private static int packets(String json, String start, String timeKey) {
        int n = 0;
        String[] frames = json.split(java.util.regex.Pattern.quote(start), -1);
        for (int i = 1; i < frames.length; i++) {
            String frame = frames[i].replaceAll("\\s", "");
            n += frame.contains(timeKey) || !frame.contains("[\"data\"]") ? 1 : 0;
        }
        return n;
    }

    private static int packetsIn(Path file) {
        if (!Files.exists(file)) {
            return 0;
        }
        TrawlRunner.Result r = TrawlRunner.run("--backend", "java", "-r", file.toString(), "-T", "fields", "-e", "frame.number");
        return r.status() == 0 ? r.lines().size() : -1;
    }
}
