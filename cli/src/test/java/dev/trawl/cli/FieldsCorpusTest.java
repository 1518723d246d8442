package dev.trawl.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code trawl -T fields} against tshark's own output for every corpus capture tshark could read: the same
 * {@code -e} list and {@code -E} options as the corpus README gives.
 */
class FieldsCorpusTest {
    private static final String[] OPTIONS = {"-E", "header=y", "-E", "separator=/t", "-E", "occurrence=a",
        "-E", "aggregator=,", "-E", "quote=n"};

    /** Captures on which well-formed common protocols must agree with tshark line for line. */
    private static final List<String> MUST_MATCH = List.of("dns_tcp.pcap", "dns_udp.pcap",
            "local-netns-lo-nano.pcap", "802.1ad_QinQ.pcap", "LINKTYPE_RAW_ipv4.pcap", "edns-opts.pcap",
            // custom blocks shown as frames, simple packet blocks without time, several link types
            "pcapnggen-be-basic-test018.pcapng", "pcapnggen-le-advanced-test102.pcapng",
            "pcapnggen-be-difficult-test202.pcapng",
            // no interface at all: libpcap refuses the file, tshark shows the custom blocks (or nothing)
            "pcapnggen-be-basic-test017.pcapng", "pcapnggen-be-basic-test002.pcapng");

    private static Set<String> tsharkFailures() throws IOException {
        Set<String> failed = new HashSet<>();
        for (String line : Files.readAllLines(TrawlRunner.corpus().resolve("expected/_tshark_status.tsv"))) {
            String[] cols = line.split("\t", -1);
            if (cols.length >= 2 && !cols[1].equals("0") && !cols[0].equals("file")) {
                failed.add(cols[0]);
            }
        }
        return failed;
    }

    private static List<String> run(Path capture, String header) {
        List<String> args = new ArrayList<>(List.of("-r", capture.toString(), "-T", "fields"));
        for (String field : header.split("\t")) {
            args.add("-e");
            args.add(field);
        }
        args.addAll(List.of(OPTIONS));
        TrawlRunner.Result r = TrawlRunner.run(args.toArray(String[]::new));
        return r.lines();
    }

    @Test
    void fieldsMatchTsharkOnTheCorpus() throws IOException {
        Path expectedDir = TrawlRunner.corpus().resolve("expected");
        Set<String> skip = tsharkFailures();
        long cells = 0;
        long equal = 0;
        int files = 0;
        int exactFiles = 0;
        List<String> mismatched = new ArrayList<>();
        try (var list = Files.list(expectedDir)) {
            for (Path tsv : list.sorted().toList()) {
                String name = tsv.getFileName().toString();
                if (name.startsWith("_") || !name.endsWith(".tsv")) {
                    continue;
                }
                String capture = name.substring(0, name.length() - 4);
                if (skip.contains(capture)) {
                    continue;
                }
                List<String> expected = Files.readAllLines(tsv, StandardCharsets.UTF_8);
                List<String> actual = run(TrawlRunner.capture(capture), expected.get(0));
                files++;
                boolean exact = expected.equals(actual);
                if (exact) {
                    exactFiles++;
                } else {
                    mismatched.add(capture);
                }
                for (int i = 0; i < expected.size(); i++) {
                    String[] e = expected.get(i).split("\t", -1);
                    String[] a = i < actual.size() ? actual.get(i).split("\t", -1) : new String[0];
                    for (int c = 0; c < e.length; c++) {
                        cells++;
                        if (c < a.length && a[c].equals(e[c])) {
                            equal++;
                        }
                    }
                }
                if (MUST_MATCH.contains(capture)) {
                    for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
                        String e = i < expected.size() ? expected.get(i) : "<none>";
                        String a = i < actual.size() ? actual.get(i) : "<none>";
                        assertEquals(e, a, capture + " line " + (i + 1));
                    }
                }
            }
        }
        double agreement = (double) equal / cells;
        System.out.printf("fields: %d/%d files identical, %.4f%% of %d cells agree; differing: %s%n",
                exactFiles, files, agreement * 100, cells, mismatched);
        assertTrue(files > 150, "the corpus was found");
        // the remaining differences are trawl-decode's (no IP reassembly, malformed CVE captures); see its agreement test
        assertTrue(agreement > 0.998, "cell agreement " + agreement);
    }

    @Test
    void occurrenceFirstAndLastPickOneValue() {
        Path vxlan = TrawlRunner.capture("local-netns-eth-veth.pcap");
        TrawlRunner.Result all = TrawlRunner.run("-r", vxlan.toString(), "-T", "fields", "-e", "ip.src",
                "-Y", "vxlan and icmp", "-c", "1");
        assertTrue(all.out().contains(","), "a VXLAN packet carries two IPv4 headers: " + all.out());
        String[] both = all.out().trim().split(",");
        TrawlRunner.Result first = TrawlRunner.run("-r", vxlan.toString(), "-T", "fields", "-e", "ip.src",
                "-E", "occurrence=f", "-Y", "vxlan and icmp", "-c", "1");
        TrawlRunner.Result last = TrawlRunner.run("-r", vxlan.toString(), "-T", "fields", "-e", "ip.src",
                "-E", "occurrence=l", "-Y", "vxlan and icmp", "-c", "1");
        assertEquals(both[0], first.out().trim());
        assertEquals(both[1], last.out().trim());
    }

    @Test
    void quoteAndSeparatorOptionsApply() {
        TrawlRunner.Result r = TrawlRunner.run("-r", TrawlRunner.capture("dns_udp.pcap").toString(), "-T", "fields",
                "-e", "frame.number", "-e", "dns.qry.name", "-E", "quote=d", "-E", "separator=;", "-E", "header=y",
                "-c", "1");
        assertEquals(0, r.status(), r.stderr());
        // as tshark: the values are quoted, the names in the header are not
        assertEquals(List.of("frame.number;dns.qry.name", "\"1\";\"www.tcpdump.org\""), r.lines());
    }

    @Test
    void unknownFieldSuggestsNearestNames() {
        TrawlRunner.Result r = TrawlRunner.run("-r", TrawlRunner.capture("dns_udp.pcap").toString(), "-T", "fields",
                "-e", "ip.sorce");
        assertEquals(1, r.status());
        assertTrue(r.stderr().contains("unknown field 'ip.sorce'"), r.stderr());
        assertTrue(r.stderr().contains("ip.src"), r.stderr());
    }

    @Test
    void jsonIsOneArrayWithTsharkLayerNames() {
        TrawlRunner.Result r = TrawlRunner.run("-r", TrawlRunner.capture("dns_udp.pcap").toString(), "-T", "json");
        assertEquals(0, r.status(), r.stderr());
        String out = r.out();
        assertTrue(out.startsWith("[\n  {\n    \"_index\": \"packets-"), out);
        assertTrue(out.endsWith("  }\n]\n"));
        assertTrue(out.contains("\"dns.qry.name\": \"www.tcpdump.org\""), out);
        assertTrue(out.contains("\"frame\": {"));
    }

    @Test
    void ekWritesAnIndexLineAndADocumentPerPacket() {
        TrawlRunner.Result r = TrawlRunner.run("-r", TrawlRunner.capture("dns_udp.pcap").toString(), "-T", "ek",
                "-e", "ip.src", "-e", "udp.dstport");
        assertEquals(0, r.status(), r.stderr());
        List<String> lines = r.lines();
        assertEquals(0, lines.size() % 2);
        assertTrue(lines.get(0).startsWith("{\"index\":{\"_index\":\"packets-"));
        assertTrue(lines.get(1).matches("\\{\"timestamp\":\"\\d+\",\"layers\":\\{\"ip_src\":\\[\"[0-9.]+\"\\],\"udp_dstport\":\\[\"\\d+\"\\]\\}\\}"), lines.get(1));
    }

    @Test
    void displayFilterSelectsByFieldValues() {
        Path capture = TrawlRunner.capture("local-netns-eth-veth.pcap");
        TrawlRunner.Result r = TrawlRunner.run("-r", capture.toString(), "-T", "fields", "-e", "udp.dstport",
                "-e", "ip.ttl", "-Y", "udp.dstport == 53 and ip.ttl >= 64 and not icmp");
        assertEquals(0, r.status(), r.stderr());
        assertTrue(!r.lines().isEmpty());
        for (String line : r.lines()) {
            String[] cols = line.split("\t");
            assertTrue(cols[0].contains("53"), line);
        }
        TrawlRunner.Result none = TrawlRunner.run("-r", capture.toString(), "-T", "fields", "-e", "frame.number",
                "-Y", "ip.src == 10.99.0.0/16 and ip.src != 10.99.0.0/16");
        assertEquals(List.of(), none.lines());
        TrawlRunner.Result presence = TrawlRunner.run("-r", capture.toString(), "-T", "fields", "-e", "dns.id",
                "-Y", "dns.id");
        assertTrue(presence.lines().stream().noneMatch(String::isEmpty));
    }

    /**
     * A display filter on fields alone is tested on the projected rows the fields are written from; one that reads
     * protocols on decoded packets. Either way the lines are tshark's.
     */
    @Test
    void displayFilteredFieldsAreTsharks() throws IOException, InterruptedException {
        List<String> filters = List.of("tcp.port == 80 || udp.port == 53", "ip.ttl > 60 && !(tcp.flags.syn == 1)",
                "ip.src == 192.168.0.0/16 or ipv6.src", "dns.qry.name contains \"a\"", "frame.len > 100 and udp",
                "tcp.srcport in {80, 443} and ip.len >= 40");
        for (String name : List.of("dns_udp.pcap", "ipv4_tcp_http_xml.pcap", "local-netns-eth-veth.pcap", "dns_tcp.pcap")) {
            Path capture = TrawlRunner.capture(name);
            for (String filter : filters) {
                List<String> fields = List.of("-T", "fields", "-e", "frame.number", "-e", "ip.src", "-e", "tcp.srcport",
                        "-e", "udp.dstport", "-Y", filter);
                List<String> tshark = new ArrayList<>(List.of("tshark", "-n", "-r", capture.toString()));
                tshark.addAll(fields);
                List<String> args = new ArrayList<>(List.of("-r", capture.toString()));
                args.addAll(fields);
                assertEquals(TrawlRunner.external(tshark).lines().toList(),
                        TrawlRunner.run(args.toArray(String[]::new)).lines(), name + " -Y " + filter);
            }
        }
    }

    @Test
    void badDisplayFilterPointsAtTheColumn() {
        TrawlRunner.Result r = TrawlRunner.run("-r", TrawlRunner.capture("dns_udp.pcap").toString(),
                "-Y", "ip.ttl > 10 and ip.tll < 3");
        assertEquals(1, r.status());
        // tshark's words, and a caret under the unknown name
        assertTrue(r.stderr().contains("Left side of \"<\" expression must be a field or function, not ip.tll."), r.stderr());
        List<String> lines = r.stderr().lines().toList();
        int expression = lines.indexOf("    ip.ttl > 10 and ip.tll < 3");
        assertTrue(expression >= 0 && lines.get(expression + 1).equals("    " + " ".repeat(16) + "^~~~~~"), r.stderr());
    }

    /**
     * pcapng interface ids are local to their section: interface 0 of a second section is that section's own,
     * here of another link type (what {@code cat a.pcapng b.pcapng} makes).
     */
    @Test
    void eachSectionHasItsOwnInterfaces() throws IOException, InterruptedException {
        byte[] ipUdp = {0x45, 0, 0, 28, 0, 1, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2, 0x30, 0x39, 0, 53, 0, 8,
            0, 0};
        byte[] ethernet = new byte[14 + ipUdp.length];
        ethernet[0] = 2;
        ethernet[6] = 4;
        ethernet[12] = 0x08;
        System.arraycopy(ipUdp, 0, ethernet, 14, ipUdp.length);
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        file.writeBytes(section(1, ethernet));
        file.writeBytes(section(101, ipUdp)); // LINKTYPE_RAW
        Path capture = Files.createTempFile("two-sections", ".pcapng");
        try {
            Files.write(capture, file.toByteArray());
            List<String> fields = List.of("-T", "fields", "-e", "frame.number", "-e", "frame.protocols", "-e",
                    "ip.dst", "-e", "udp.dstport");
            List<String> tshark = new ArrayList<>(List.of("tshark", "-n", "-r", capture.toString()));
            tshark.addAll(fields);
            List<String> args = new ArrayList<>(List.of("-r", capture.toString()));
            args.addAll(fields);
            List<String> expected = TrawlRunner.external(tshark).lines().toList();
            assertEquals(2, expected.size(), "tshark reads both sections");
            assertEquals(expected, TrawlRunner.run(args.toArray(String[]::new)).lines());
        } finally {
            Files.deleteIfExists(capture);
        }
    }

    /** A little-endian pcapng section: its header, one interface of {@code linkType}, one packet. */
    private static byte[] section(int linkType, byte[] packet) {
        int padded = (packet.length + 3) & ~3;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(28 + 20 + 32 + padded)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x0A0D0D0A).putInt(28).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1)
                .putInt(28);
        b.putInt(1).putInt(20).putShort((short) linkType).putShort((short) 0).putInt(0).putInt(20);
        b.putInt(6).putInt(32 + padded).putInt(0).putInt(0).putInt(1_000_000).putInt(packet.length)
                .putInt(packet.length).put(packet).position(b.position() + padded - packet.length)
                .putInt(32 + padded);
        return b.array();
    }
}
