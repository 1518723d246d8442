package dev.trawl.cli;

import dev.trawl.pcap.tck.CraftedCaptures;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Records whose lengths and times a damaged or hand-made file states ({@link CraftedCaptures#damagedRecords()}:
 * more bytes captured than were on the wire, no length at all, a wire length of 2^32 - 1, fractions of a second
 * out of range), through the tool on every backend, in a pcap file of each byte order and unit and in pcapng.
 * The text mode prints what tcpdump prints for their lengths (its {@code [Invalid header: ...]} line for lengths
 * it refuses, the stated length otherwise), tshark's fields show the stated lengths, {@code -w} writes the
 * records back with their lengths, bytes and instants (as tcpdump reads them), and {@code stats} counts the
 * stated wire lengths as capinfos does. tcpdump prints a fraction of a second or more as it is where trawl carries it into the seconds, so the
 * text is compared without timestamps ({@code -t}) and the times through files written back.
 */
class StatedRecordOutputTest {
    private static final List<String> BACKENDS = List.of("java", "jna", "panama", "pcap4j");

    @TempDir
    Path dir;
    private final Map<String, Path> files = new LinkedHashMap<>();

    @BeforeEach
    void craft() throws Exception {
        assumeTrue(TrawlRunner.onPath("tcpdump"), "tcpdump is not installed");
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            boolean nanos = order == ByteOrder.BIG_ENDIAN;
            String name = "damaged-" + (nanos ? "be-ns" : "le-us") + ".pcap";
            files.put(name, Files.write(dir.resolve(name),
                    CraftedCaptures.pcap(CraftedCaptures.damagedRecords(), order, nanos)));
        }
        files.put("damaged.pcapng", Files.write(dir.resolve("damaged.pcapng"),
                CraftedCaptures.pcapng(CraftedCaptures.damagedRecords())));
    }

    @Test
    void theTextModePrintsTheLengthsAsTcpdumpDoes() throws Exception {
        for (Map.Entry<String, Path> file : files.entrySet()) {
            // with the hex dump tcpdump prints of a payload whose EtherType it does not know
            String tcpdump = TrawlRunner.external(List.of("tcpdump", "-t", "-n", "-r", file.getValue().toString()));
            assertEquals(CraftedCaptures.damagedRecords().size(), withoutHex(tcpdump).size(),
                    "tcpdump prints every record");
            for (String backend : BACKENDS) {
                TrawlRunner.Result r = TrawlRunner.run("--backend", backend, "-t", "-n", "-r",
                        file.getValue().toString());
                assertEquals(0, r.status(), r.stderr());
                assertEquals(tcpdump.lines().toList(), r.lines(), file.getKey() + " on " + backend);
            }
        }
    }

    @Test
    void fieldsShowTheLengthsAsTsharkDoes() throws Exception {
        assumeTrue(TrawlRunner.onPath("tshark"), "tshark is not installed");
        for (Map.Entry<String, Path> file : files.entrySet()) {
            String tshark = lengthsByTshark(file.getValue());
            for (String backend : BACKENDS) {
                TrawlRunner.Result r = TrawlRunner.run("--backend", backend, "-r", file.getValue().toString(),
                        "-T", "fields", "-e", "frame.len", "-e", "frame.cap_len");
                assertEquals(0, r.status(), r.stderr());
                assertEquals(tshark, r.out(), file.getKey() + " on " + backend);
            }
        }
    }

    @Test
    void writingBackKeepsTheLengthsAndTheInstants() throws Exception {
        for (Map.Entry<String, Path> file : files.entrySet()) {
            String source = file.getValue().toString();
            // with the hex dump of each payload, which shows the bytes captured
            String text = TrawlRunner.external(List.of("tcpdump", "-t", "-n", "-r", source));
            for (String backend : BACKENDS) {
                String what = file.getKey() + " written by " + backend;
                Path out = dir.resolve(backend + "-" + file.getKey() + ".pcap");
                TrawlRunner.Result w = TrawlRunner.run("--backend", backend, "-r", source, "-w", out.toString());
                assertEquals(0, w.status(), w.stderr());
                assertEquals(text, TrawlRunner.external(List.of("tcpdump", "-t", "-n", "-r", out.toString())),
                        what + ": tcpdump prints the same lengths and bytes");
                // the times trawl read, and the times tcpdump reads from what it wrote, where tcpdump prints one
                List<String> read = withoutHex(TrawlRunner.run("--backend", backend, "-tt", "-n", "-r", source).out());
                List<String> written = withoutHex(TrawlRunner.external(List.of("tcpdump", "-tt", "-n", "-r",
                        out.toString())));
                assertEquals(read.size(), written.size(), what);
                for (int i = 0; i < read.size(); i++) {
                    if (!written.get(i).startsWith("[Invalid header")) {
                        assertEquals(read.get(i), written.get(i), what + ": record " + i);
                    }
                }
            }
        }
    }

    @Test
    void statsCountsTheStatedWireLengthsAsCapinfosDoes() throws Exception {
        assumeTrue(TrawlRunner.onPath("capinfos"), "capinfos is not installed");
        for (Map.Entry<String, Path> file : files.entrySet()) {
            List<String> theirs = TrawlRunner.external(List.of("capinfos", file.getValue().toString())).lines()
                    .toList();
            for (String backend : BACKENDS) {
                TrawlRunner.Result r = TrawlRunner.run("stats", "--backend", backend, file.getValue().toString());
                assertEquals(0, r.status(), r.stderr());
                for (String label : List.of("Number of packets:", "Data size:", "Average packet size:")) {
                    String expected = theirs.stream().filter(l -> l.startsWith(label)).findFirst().orElseThrow();
                    String actual = r.lines().stream().filter(l -> l.startsWith(label)).findFirst()
                            .orElse("<missing>");
                    assertEquals(expected, actual, file.getKey() + " on " + backend + ": " + label);
                }
            }
        }
    }

    private static String lengthsByTshark(Path file) throws Exception {
        return TrawlRunner.external(List.of("tshark", "-r", file.toString(), "-T", "fields", "-e", "frame.len",
                "-e", "frame.cap_len"));
    }

    /** tcpdump's lines without the hex dump it adds for a payload it cannot name (trawl prints none). */
    private static List<String> withoutHex(String out) {
        List<String> lines = new ArrayList<>();
        for (String line : out.lines().toList()) {
            if (!line.startsWith("\t")) {
                lines.add(line);
            }
        }
        return lines;
    }
}
