package dev.trawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged or unreadable capture is reported the same way by every output mode of the tool, on every
 * backend: the same message on stderr, exit status 1, and the packets read before the damage still written.
 *
 * <p>The damaged files are the corpus captures libpcap refuses (open and read errors), a pcapng section
 * header with a bad byte-order magic, and copies of good captures damaged as the conformance kit damages them
 * (cut short, bytes overwritten), made here with a fixed seed. The text mode is the reference for each
 * backend; its packets are the ones tcpdump prints from the same file when the backend reads through libpcap.
 * tshark's modes ({@code -T fields/json/ek}) must print a prefix of what tshark prints for the file: never a
 * frame past the damage. A pcapng file whose only fault is having no interface, which libpcap refuses and
 * tshark reads, is the one case where tshark's modes succeed where the text mode fails, as tshark and tcpdump do.
 */
class DamagedCaptureOutputTest {
    private static final List<String> BACKENDS = List.of("java", "jna", "panama", "pcap4j");
    private static final Set<String> LIBPCAP = Set.of("jna", "panama", "pcap4j");
    /** The captures the conformance kit damages. */
    private static final List<String> SOURCES = List.of("dns_udp.pcap", "802.1ad_QinQ.pcap",
            "OSPFv2_Capture_FINAL.pcapng", "pcapnggen-be-basic-test001.pcapng", "timestamp_invalid_nano.pcap");
    /** Epoch timestamps to the nanosecond, the first word of each text line. */
    private static final List<String> TEXT = List.of("-n", "-tt", "--time-stamp-precision", "nano");
    private static final List<String> FIELDS = List.of("-e", "frame.number", "-e", "frame.time_epoch", "-e",
            "frame.cap_len", "-e", "frame.protocols", "-e", "frame.encap_type");
    private static final Pattern JSON_NUMBER = Pattern.compile("\"frame[._]number\": ?\\[\\s*\"(\\d+)\"");

    @TempDir
    Path dir;
    private final Set<String> withoutInterfaces = new HashSet<>();
    private final List<String> problems = new ArrayList<>();

    @Test
    void everyOutputModeReportsDamageAndKeepsThePacketsBeforeIt() throws Exception {
        Map<String, Path> files = damagedFiles();
        int damaged = 0;
        int damagedAfterPackets = 0;
        for (Map.Entry<String, Path> file : files.entrySet()) {
            List<String> tshark = tsharkFrames(file.getValue());
            List<String> tcpdump = lines(TrawlRunner.external(List.of("tcpdump", "-n", "-r",
                    file.getValue().toString())));
            for (String backend : BACKENDS) {
                String what = file.getKey() + " on " + backend;
                TrawlRunner.Result text = run(backend, file.getValue(), TEXT);
                if (text.status() != 0 && text.status() != 1) {
                    problems.add(what + ": text mode status " + text.status() + ": " + text.stderr().trim());
                    continue;
                }
                boolean failed = text.status() == 1;
                damaged += failed ? 1 : 0;
                damagedAfterPackets += failed && !text.lines().isEmpty() ? 1 : 0;
                if (failed && messageOf(text).isEmpty()) {
                    problems.add(what + ": status 1 with no message");
                }
                if (LIBPCAP.contains(backend) && text.lines().size() != tcpdump.size()) {
                    problems.add(what + ": text mode printed " + text.lines().size() + " packets, tcpdump "
                            + tcpdump.size());
                }
                checkModes(what, backend, file, text, tshark);
            }
        }
        assertEquals(List.of(), problems);
        // The files must hold real damage for every backend, with packets before it, or the test proves little.
        assertTrue(damaged > 20 * BACKENDS.size(), "damaged reads: " + damaged);
        assertTrue(damagedAfterPackets > 5 * BACKENDS.size(), "damaged reads after some packets: " + damagedAfterPackets);
    }

    private void checkModes(String what, String backend, Map.Entry<String, Path> file, TrawlRunner.Result text,
            List<String> tshark) throws IOException {
        Path path = file.getValue();
        List<String> stamps = timestamps(text.lines());
        TrawlRunner.Result textT = run(backend, path, concat(TEXT, List.of("-T", "text")));
        sameEnding(what + " -T text", text, textT);
        if (!textT.lines().equals(text.lines())) {
            problems.add(what + " -T text: lines differ from the default text mode's");
        }
        TrawlRunner.Result quiet = run(backend, path, concat(TEXT, List.of("-q")));
        sameEnding(what + " -q", text, quiet);
        if (!timestamps(quiet.lines()).equals(stamps)) {
            problems.add(what + " -q: " + quiet.lines().size() + " packets, the text mode " + stamps.size());
        }

        TrawlRunner.Result tables = run(backend, path, List.of("-q", "-z", "conv,ip"));
        sameEnding(what + " -q -z conv,ip", text, tables);

        TrawlRunner.Result stats = TrawlRunner.run("stats", "--backend", backend, path.toString());
        sameEnding(what + " stats", text, stats);
        String counted = stats.lines().stream().filter(l -> l.startsWith("Number of packets:"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("none");
        if (text.status() == 0 || !stats.lines().isEmpty()) {
            if (!counted.equals(String.valueOf(stamps.size()))) {
                problems.add(what + " stats: " + counted + " packets, the text mode " + stamps.size());
            }
        }

        boolean blocksOnly = withoutInterfaces.contains(file.getKey());
        TrawlRunner.Result fields = run(backend, path, concat(List.of("-T", "fields"), FIELDS));
        if (blocksOnly) {
            // tshark shows such a file's custom blocks and ends normally; so do tshark's modes here
            if (fields.status() != 0 || !firstColumns(fields.lines()).equals(firstColumns(tshark))) {
                problems.add(what + " -T fields: status " + fields.status() + ", " + fields.lines()
                        + "; tshark prints " + tshark);
            }
        } else {
            sameEnding(what + " -T fields", text, fields);
            List<String> frames = fields.lines();
            int packets = (int) frames.stream().filter(l -> !isCustomBlock(l)).count();
            if (packets != stamps.size()) {
                problems.add(what + " -T fields: " + packets + " packets, the text mode " + stamps.size());
            }
            List<String> ours = firstColumns(frames);
            List<String> theirs = firstColumns(tshark);
            if (ours.size() > theirs.size() || !theirs.subList(0, ours.size()).equals(ours)) {
                problems.add(what + " -T fields: frames " + ours + " are not the first frames tshark prints, "
                        + theirs.subList(0, Math.min(theirs.size(), ours.size() + 2)));
            }
        }
        // A file holds one link type: -w stops with an error at the first packet of another (the built-in
        // reader takes pcapng files whose interfaces differ in link type; libpcap refuses them).
        List<String> linkTypes = fields.lines().stream().filter(l -> !isCustomBlock(l)).map(l -> l.split("\t", -1)[4])
                .toList();
        int other = linkTypes.indexOf(linkTypes.stream().filter(t -> !t.equals(linkTypes.get(0))).findFirst().orElse(null));
        Path written = dir.resolve("written.pcap");
        Files.deleteIfExists(written);
        TrawlRunner.Result write = run(backend, path, List.of("--time-stamp-precision", "nano", "-w", written.toString()));
        List<String> expected = text.lines();
        if (other > 0 && other < text.lines().size()) {
            expected = text.lines().subList(0, other);
            if (write.status() != 1 || !messageOf(write).startsWith("trawl: packet " + (other + 1) + " has link type")) {
                problems.add(what + " -w: status " + write.status() + " '" + messageOf(write) + "' at a packet of "
                        + "another link type");
            }
        } else {
            sameEnding(what + " -w", text, write);
        }
        List<String> readBack = Files.exists(written) ? run("java", written, TEXT).lines() : List.of();
        if (!readBack.equals(expected)) {
            problems.add(what + " -w: the file holds " + readBack.size() + " packets, not the " + expected.size()
                    + " the text mode printed before the damage");
        }

        List<String> numbers = fields.lines().stream().map(l -> l.split("\t", -1)[0]).toList();
        for (String format : List.of("json", "ek")) {
            TrawlRunner.Result json = run(backend, path, concat(List.of("-T", format), FIELDS));
            if (blocksOnly ? json.status() != 0 : !sameEnding(what + " -T " + format, text, json)) {
                continue;
            }
            List<String> jsonNumbers = new ArrayList<>();
            Matcher m = JSON_NUMBER.matcher(json.out());
            while (m.find()) {
                jsonNumbers.add(m.group(1));
            }
            if (!jsonNumbers.equals(numbers)) {
                problems.add(what + " -T " + format + ": frames " + jsonNumbers + ", -T fields " + numbers);
            }
        }
    }

    /** Whether {@code mode} ended as the text mode did: the same status and the same message. */
    private boolean sameEnding(String what, TrawlRunner.Result text, TrawlRunner.Result mode) {
        if (mode.status() != text.status()) {
            problems.add(what + ": status " + mode.status() + ", the text mode " + text.status() + " ("
                    + text.stderr().trim() + " / " + mode.stderr().trim() + ")");
            return false;
        }
        if (!messageOf(mode).equals(messageOf(text))) {
            problems.add(what + ": message '" + messageOf(mode) + "', the text mode '" + messageOf(text) + "'");
            return false;
        }
        return true;
    }

    /** Whether a line of {@code FIELDS} is a pcapng custom block: a frame with no time that holds only data. */
    private static boolean isCustomBlock(String line) {
        String[] cells = line.split("\t", -1);
        return cells.length > 3 && cells[1].isEmpty() && cells[3].equals("data");
    }

    private static TrawlRunner.Result run(String backend, Path file, List<String> args) {
        List<String> all = new ArrayList<>(List.of("--backend", backend, "-r", file.toString()));
        all.addAll(args);
        return TrawlRunner.run(all.toArray(String[]::new));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String messageOf(TrawlRunner.Result r) {
        return r.stderr().lines().filter(l -> l.startsWith("trawl: ")).findFirst().orElse("");
    }

    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    /** The first word of each line: the epoch timestamp of text lines printed with {@code -tt}. */
    private static List<String> timestamps(List<String> lines) {
        return lines.stream().map(l -> l.split(" ", 2)[0]).toList();
    }

    /**
     * Number and captured length of each frame: what the damage must not change (not the time, which tshark
     * prints its own way when a file's nanoseconds are out of range).
     */
    private static List<String> firstColumns(List<String> frames) {
        return frames.stream().map(l -> {
            String[] cells = l.split("\t", -1);
            return cells[0] + "\t" + (cells.length > 2 ? cells[2] : "");
        }).toList();
    }

    /** What tshark prints of the file's frames before any damage; nothing for a file it cannot open. */
    private static List<String> tsharkFrames(Path file) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", file.toString(), "-T", "fields"));
        cmd.addAll(FIELDS);
        return lines(TrawlRunner.external(cmd));
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
        ByteBuffer shb = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
        shb.putInt(0x0A0D0D0A).putInt(28).putInt(0x1A2B3C4E).putShort((short) 1).putShort((short) 0).putLong(-1)
                .putInt(28);
        files.put("bad byte-order magic", write("bad-magic.pcapng", shb.array()));
        files.put("empty file", write("empty.pcap", new byte[0]));
        // As the conformance kit's CorruptionChecks: cut in the file header, cut anywhere, bytes overwritten.
        Random random = new Random(20_261_205L);
        for (String name : SOURCES) {
            byte[] original = Files.readAllBytes(TrawlRunner.capture(name));
            List<Integer> cuts = List.of(23, 24 + random.nextInt(original.length - 24),
                    24 + random.nextInt(original.length - 24));
            for (int cut : cuts) {
                files.put(name + " cut at " + cut, write("cut-" + cut + "-" + name, Arrays.copyOf(original, cut)));
            }
            for (int i = 0; i < 2; i++) {
                byte[] overwritten = original.clone();
                int at = 24 + random.nextInt(Math.max(1, Math.min(original.length - 24, 256)));
                for (int b = 0; b < 4 && at + b < overwritten.length; b++) {
                    overwritten[at + b] = (byte) (i == 0 ? 0xff : random.nextInt(256));
                }
                files.put(name + " overwritten at " + at, write("overwritten-" + at + "-" + name, overwritten));
            }
        }
        return files;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }
}
