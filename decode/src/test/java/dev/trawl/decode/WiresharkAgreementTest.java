package dev.trawl.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.decode.field.Field;
import dev.trawl.decode.field.FieldPrinter;
import dev.trawl.decode.field.FieldRegistry;
import dev.trawl.pcap.tck.TestCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Decodes every capture of the corpus and compares each field with what tshark 4.0.17 printed
 * ({@code expected/<capture>.tsv}). Passes when at least 99.5% of all (packet, field) values agree and every
 * frame, eth, ip, ipv6, tcp and udp value of a packet that is not malformed agrees, apart from the cases in
 * {@code tshark-exceptions.tsv}, each listed with its reason.
 */
class WiresharkAgreementTest {
    static final double OVERALL_BAR = 0.995;
    static final Set<String> STRICT_PROTOCOLS = Set.of("frame", "eth", "ip", "ipv6", "tcp", "udp");

    record Exception(String capture, String field, Set<Long> frames, String reason) {
        boolean covers(String c, String f, long frame) {
            return capture.equals(c) && (field.equals("*") || field.equals(f))
                    && (frames == null || frames.contains(frame));
        }
    }

    static final class Tally {
        long agree;
        long total;
        long excused;

        double ratio() {
            return total == 0 ? 1 : (double) agree / total;
        }
    }

    @Test
    void decodedFieldsAgreeWithTshark() throws IOException {
        Path corpus = TestCorpus.root();
        Path captures = corpus.resolve("captures");
        Path expected = corpus.resolve("expected");
        Set<String> malformedCaptures = malformedCaptures(captures.resolve("MANIFEST.tsv"));
        List<Exception> exceptions = loadExceptions();
        FieldRegistry registry = FieldRegistry.standard();
        FieldPrinter printer = new FieldPrinter();

        Map<String, Tally> perField = new TreeMap<>();
        Map<String, Tally> perCapture = new TreeMap<>();
        Tally overall = new Tally();
        List<String> strictFailures = new ArrayList<>();
        List<String> disagreements = new ArrayList<>();
        Set<Exception> usedExceptions = new HashSet<>();
        int files = 0;

        List<Path> tsvs;
        try (Stream<Path> s = Files.list(expected)) {
            tsvs = s.filter(p -> p.getFileName().toString().endsWith(".tsv")
                    && !p.getFileName().toString().startsWith("_")).sorted().toList();
        }
        for (Path tsv : tsvs) {
            String capture = tsv.getFileName().toString().replaceFirst("\\.tsv$", "");
            List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
            if (lines.size() < 2) {
                continue;
            }
            files++;
            String[] header = lines.get(0).split("\t", -1);
            Field[] fields = new Field[header.length];
            for (int c = 0; c < header.length; c++) {
                fields[c] = registry.require(header[c]);
            }
            List<CaptureFile.Frame> frames = CaptureFile.read(captures.resolve(capture));
            boolean malformedFile = malformedCaptures.contains(capture);
            Tally captureTally = perCapture.computeIfAbsent(capture, k -> new Tally());
            // tshark puts fragmented datagrams back together and follows conversations, one capture at a time
            PacketDecoder decoder = new PacketDecoder().reassembleFragments(true).followConversations(true)
                    .reassembleStreams(true);
            for (int row = 1; row < lines.size(); row++) {
                String[] cells = lines.get(row).split("\t", -1);
                long number = Long.parseLong(cells[0]);
                CaptureFile.Frame frame = number - 1 < frames.size() ? frames.get((int) number - 1) : null;
                DecodedPacket packet = null;
                if (frame != null) {
                    packet = decoder.decode(frame.linkType(), frame.data(), 0, frame.data().length,
                            frame.originalLength(), frame.seconds(), frame.nanos());
                    decoder.frameNumber(number);
                }
                boolean malformed = malformedFile || frame == null || frame.data().length < frame.originalLength();
                for (int c = 0; c < header.length && c < cells.length; c++) {
                    String want = cells[c];
                    String got = packet == null ? "<not read>" : printer.toString(fields[c], packet);
                    String field = header[c];
                    boolean ok = want.equals(got);
                    if (!ok) {
                        Exception excuse = find(exceptions, capture, field, number);
                        if (excuse != null) {
                            usedExceptions.add(excuse);
                            perField.computeIfAbsent(field, k -> new Tally()).excused++;
                            captureTally.excused++;
                            overall.excused++;
                            continue;
                        }
                    }
                    count(perField.computeIfAbsent(field, k -> new Tally()), ok);
                    count(captureTally, ok);
                    count(overall, ok);
                    if (!ok) {
                        String line = capture + " #" + number + " " + field + ": tshark=[" + want + "] trawl=["
                                + got + "]";
                        disagreements.add(line);
                        String proto = field.substring(0, field.indexOf('.'));
                        if (!malformed && STRICT_PROTOCOLS.contains(proto)) {
                            strictFailures.add(line);
                        }
                    }
                }
            }
        }

        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "tshark agreement over %d captures: %d of %d values (%.4f%%), "
                + "%d excused by the exception list%n", files, overall.agree, overall.total,
                100 * overall.ratio(), overall.excused));
        report.append(String.format(Locale.ROOT, "without the exception list: %.4f%%%n",
                100.0 * overall.agree / (overall.total + overall.excused)));
        report.append("per field:\n");
        perField.forEach((f, t) -> report.append(String.format(Locale.ROOT, "  %-22s %8d/%-8d %9.4f%%  excused %d%n",
                f, t.agree, t.total, 100 * t.ratio(), t.excused)));
        report.append("captures below 100%:\n");
        perCapture.forEach((c, t) -> {
            if (t.agree != t.total) {
                report.append(String.format(Locale.ROOT, "  %-50s %7d/%-7d %9.4f%%  excused %d%n", c, t.agree,
                        t.total, 100 * t.ratio(), t.excused));
            }
        });
        report.append("first disagreements:\n");
        disagreements.stream().limit(60).forEach(d -> report.append("  ").append(d).append('\n'));
        report.append("strict-field disagreements on packets that are not malformed: ").append(strictFailures.size())
                .append('\n');
        strictFailures.stream().limit(60).forEach(d -> report.append("  ").append(d).append('\n'));
        List<Exception> unused = exceptions.stream().filter(e -> !usedExceptions.contains(e)).toList();
        report.append("exceptions that excused nothing: ").append(unused.size()).append('\n');
        unused.forEach(e -> report.append("  ").append(e.capture()).append(' ').append(e.field()).append('\n'));
        System.out.print(report);
        Path out = Path.of("target", "tshark-agreement.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        Files.write(Path.of("target", "tshark-disagreements.txt"), disagreements);

        assertTrue(files > 0, "no expected files found under " + expected);
        assertTrue(overall.ratio() >= OVERALL_BAR, String.format(Locale.ROOT,
                "overall agreement %.4f%% is below %.1f%%", 100 * overall.ratio(), 100 * OVERALL_BAR));
        assertEquals(List.of(), strictFailures.stream().limit(20).toList(),
                "frame/eth/ip/ipv6/tcp/udp fields must agree on every packet that is not malformed");
        assertEquals(List.of(), unused, "stale entries in the exception list");
    }

    private static void count(Tally t, boolean ok) {
        t.total++;
        if (ok) {
            t.agree++;
        }
    }

    private static Exception find(List<Exception> exceptions, String capture, String field, long frame) {
        for (Exception e : exceptions) {
            if (e.covers(capture, field, frame)) {
                return e;
            }
        }
        return null;
    }

    /** Captures the manifest describes as malformed or truncated on purpose. */
    static Set<String> malformedCaptures(Path manifest) throws IOException {
        Set<String> result = new HashSet<>();
        if (!Files.exists(manifest)) {
            return result;
        }
        List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split("\t", -1);
        int exercises = List.of(header).indexOf("exercises");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            if (exercises >= 0 && exercises < cells.length && cells[exercises].startsWith("malformed")) {
                result.add(cells[0]);
            }
        }
        return result;
    }

    /** The exception list: capture, field (or *), frames (or *), reason. */
    static List<Exception> loadExceptions() throws IOException {
        List<Exception> list = new ArrayList<>();
        try (InputStream in = WiresharkAgreementTest.class.getResourceAsStream("tshark-exceptions.tsv")) {
            if (in == null) {
                return list;
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length < 4 || cells[3].isBlank()) {
                    throw new IllegalStateException("exception without a reason: " + line);
                }
                list.add(new Exception(cells[0], cells[1], parseFrames(cells[2]), cells[3]));
            }
        }
        return list;
    }

    static Set<Long> parseFrames(String spec) {
        if (spec.equals("*")) {
            return null;
        }
        Set<Long> frames = new HashSet<>();
        for (String part : spec.split(",")) {
            int dash = part.indexOf('-');
            if (dash > 0) {
                long a = Long.parseLong(part.substring(0, dash).trim());
                long b = Long.parseLong(part.substring(dash + 1).trim());
                for (long f = a; f <= b; f++) {
                    frames.add(f);
                }
            } else {
                frames.add(Long.parseLong(part.trim()));
            }
        }
        return frames;
    }

}
