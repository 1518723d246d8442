package dev.trawl.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.OfflineOptions;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.tck.TestCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code displayFilter} option against tshark 4.0: over corpus captures (pcap and pcapng, with HTTP over
 * TCP, DNS, OpenFlow and IP options), a load with the option returns exactly the frames {@code tshark -Y} shows,
 * also when the files are bigger than the split size; a filter tshark refuses fails at {@code load()} with the
 * caret under the part at fault.
 */
class DisplayFilterOptionTest {
    private static final List<String> CAPTURES = List.of("arcnet-rfc1201-arp-icmp-http.pcap",
            "ipv4_tcp_http_xml.pcap", "dns_udp.pcap", "OSPFv2_Capture_FINAL.pcapng", "msnlb2.pcapng",
            "of13_ericsson.pcapng", "mptcp-v0.pcap");

    /** Filters reading each kind of thing: header fields, sets, payload bytes, frame numbers, conversations. */
    private static final List<String> FILTERS = List.of("ip.ttl > 10 and tcp.port in {80, 443}",
            "tcp.payload contains \"HTTP\" or frame contains \"html\"", "frame.number > 3 and not tcp",
            "tcp.stream == 1 || dns.flags.response == 1", "ip.opt.type or frame.interface_id == 0",
            "http.request or ospf", "tcp.len > 0 && tcp.seq > 1", "udp.payload[0:2] == 00:02 || eth.dst.ig");

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("pcap-spark-display-filter")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void rowsAreTheFramesTsharkMatches() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String name : CAPTURES) {
            Path file = TestCorpus.captures().resolve(name);
            if (Files.exists(file)) {
                files.add(file);
            }
        }
        assertTrue(files.size() >= 6, "corpus captures missing: " + files);
        Map<String, List<Long>> offsets = new TreeMap<>();
        for (Path file : files) {
            offsets.put(file.getFileName().toString(), recordOffsets(file));
        }
        int matched = 0;
        List<String> problems = new ArrayList<>();
        for (String filter : FILTERS) {
            Map<String, List<Long>> rows = new TreeMap<>();
            // a small split size: each file is read whole all the same, as its frames depend on the earlier ones
            for (Row r : spark.read().format("pcap").option("displayFilter", filter).option("splitSize", 512)
                    .option("decode", "false").load(files.stream().map(Path::toString).toArray(String[]::new))
                    .select("file", "offset").orderBy("file", "offset").collectAsList()) {
                String name = r.getString(0);
                rows.computeIfAbsent(name.substring(name.lastIndexOf('/') + 1), k -> new ArrayList<>()).add(r.getLong(1));
            }
            for (Path file : files) {
                List<Long> expected = new ArrayList<>();
                for (int frame : tsharkFrames(file, filter)) {
                    expected.add(offsets.get(file.getFileName().toString()).get(frame - 1));
                }
                List<Long> actual = rows.getOrDefault(file.getFileName().toString(), List.of());
                matched += expected.size();
                if (!expected.equals(actual)) {
                    problems.add(file.getFileName() + " '" + filter + "': tshark " + expected + ", rows " + actual);
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(matched > 100, "the filters match too little to tell: " + matched);
    }

    @Test
    void aFilterTsharkRefusesFailsAtLoadWithTheCaret() {
        Path dir = TestCorpus.captures();
        Exception range = assertThrows(Exception.class,
                () -> spark.read().format("pcap").option("displayFilter", "ip.ttl == 300").load(dir.toString()));
        String message = rootMessage(range);
        assertTrue(message.contains("option 'displayFilter': \"300\" too big for this field, maximum 255."), message);
        assertTrue(message.contains("ip.ttl == 300\n              ^~~"), message);
        Exception syntax = assertThrows(Exception.class,
                () -> spark.read().format("pcap").option("displayFilter", "tcp.port in {80 443").load(dir.toString()));
        assertTrue(rootMessage(syntax).contains("\"443\" was unexpected in this context."), rootMessage(syntax));
        assertFalse(rootMessage(syntax).contains("Exception:"), "the message is the filter's, not a stack's");
    }

    private static String rootMessage(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append(" | ");
        }
        return all.toString();
    }

    /** The byte offset of each record, in frame order. */
    private static List<Long> recordOffsets(Path file) throws PcapException {
        List<Long> fromSpark = new ArrayList<>();
        for (Row r : spark.read().format("pcap").option("decode", "false").load(file.toString()).select("offset")
                .orderBy("offset").collectAsList()) {
            fromSpark.add(r.getLong(0));
        }
        int count = 0;
        try (OfflineHandle h = Pcap.backend("java").openOffline(file, OfflineOptions.of(TimestampPrecision.NANO))) {
            while (h.next() == ReadStatus.PACKET) {
                count++;
            }
        }
        assertEquals(count, fromSpark.size(), file + ": records");
        return fromSpark;
    }

    /** The numbers of the frames {@code tshark -Y filter} shows. */
    private static List<Integer> tsharkFrames(Path file, String filter) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("tshark", "-n", "-r", file.toString(), "-Y", filter, "-T", "fields", "-e",
                "frame.number").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "tshark did not finish");
        assertEquals(0, p.exitValue(), "tshark refused " + filter);
        List<Integer> frames = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                frames.add(Integer.parseInt(line.trim()));
            }
        }
        return frames;
    }
}
