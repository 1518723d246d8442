package dev.trawl.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trawl.decode.field.Field;
import dev.trawl.decode.field.FieldPrinter;
import dev.trawl.decode.field.FieldRegistry;
import dev.trawl.pcap.Backend;
import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.DumpOptions;
import dev.trawl.pcap.Dumper;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.PacketRecord;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.file.CaptureInfo;
import dev.trawl.pcap.file.InterfaceInfo;
import dev.trawl.pcap.file.PcapngDumper;
import dev.trawl.pcap.tck.TestCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The corpus as a few merged capture files, for tests that compare trawl with tshark over all of it at the
 * cost of a few tshark runs: the captures tshark and libpcap both read without error, one after the other in
 * pcapng files (each packet on an interface of its file's link type, written by the java backend's dumper).
 * Captures that share a TCP connection (the same traffic captured twice, in two link types or byte orders)
 * go to different files, so that neither tool takes the second copy for retransmissions of the first.
 */
public final class MergedCorpus {
    private MergedCorpus() {
    }

    /** The corpus directory the build points the tests at. */
    public static Path corpus() {
        return TestCorpus.root();
    }

    /** The one packet's link type, from its pcapng interface when it has one. */
    public static LinkType linkType(OfflineHandle handle, Packet p) {
        List<InterfaceInfo> own = handle.unwrap(CaptureInfo.class).interfaces();
        return p.interfaceId() < own.size() ? own.get(p.interfaceId()).linkType() : handle.linkType();
    }

    /**
     * Writes the merged files into {@code directory} (kept after the run, for a look at any frame two tools
     * disagree on) and returns them.
     */
    public static List<Path> files(Path directory) throws IOException {
        Path expected = corpus().resolve("expected");
        Set<String> clean = new java.util.TreeSet<>();
        for (String line : Files.readAllLines(expected.resolve("_libpcap_read_status.tsv"))) {
            String[] cells = line.split("\t");
            if (cells.length == 3 && cells[2].equals("OK")) {
                clean.add(cells[0]);
            }
        }
        for (String line : Files.readAllLines(expected.resolve("_tshark_status.tsv"))) {
            String[] cells = line.split("\t", -1);
            if (cells.length < 2 || !cells[1].equals("0") || cells.length > 2 && !cells[2].isBlank()) {
                clean.remove(cells[0]);
            }
        }
        List<Set<String>> bucketFlows = new ArrayList<>();
        List<List<Path>> buckets = new ArrayList<>();
        for (String name : clean) {
            Path capture = corpus().resolve("captures").resolve(name);
            Set<String> flows = flows(capture);
            if (flows == null) {
                continue;
            }
            int b = 0;
            while (b < buckets.size() && !java.util.Collections.disjoint(bucketFlows.get(b), flows)) {
                b++;
            }
            if (b == buckets.size()) {
                buckets.add(new ArrayList<>());
                bucketFlows.add(new java.util.HashSet<>());
            }
            buckets.get(b).add(capture);
            bucketFlows.get(b).addAll(flows);
        }
        Path target = Files.createDirectories(directory);
        List<Path> merged = new ArrayList<>();
        for (int b = 0; b < buckets.size(); b++) {
            merged.add(merge(buckets.get(b), target.resolve("corpus-" + (b + 1) + ".pcapng")));
        }
        return merged;
    }

    /** The conversations of a capture (addresses, ports and protocol), or null when the java backend cannot read it. */
    private static Set<String> flows(Path capture) {
        FieldRegistry registry = FieldRegistry.standard();
        // TCP connections: what both tools keep state for (sequence analysis, reassembly)
        Field tcp = registry.require("tcp.port");
        List<Field> key = List.of(registry.require("ip.addr"), registry.require("ipv6.addr"), tcp);
        FieldPrinter printer = new FieldPrinter();
        PacketDecoder decoder = new PacketDecoder();
        Set<String> flows = new java.util.HashSet<>();
        try (OfflineHandle in = Pcap.backend("java").openOffline(capture)) {
            while (in.next() == ReadStatus.PACKET) {
                Packet p = in.packet();
                LinkType type = linkType(in, p);
                DecodedPacket d = decoder.decode(type, p);
                if (printer.collect(tcp, d) == 0) {
                    continue;
                }
                StringBuilder flow = new StringBuilder();
                for (Field f : key) {
                    int n = printer.collect(f, d);
                    List<String> parts = new ArrayList<>();
                    for (int k = 0; k < n; k++) {
                        parts.add(printer.text().subSequence(printer.start(k), printer.end(k)).toString());
                    }
                    java.util.Collections.sort(parts);
                    flow.append(f.name()).append(parts).append(' ');
                }
                flows.add(flow.toString());
            }
            return flows;
        } catch (PcapException e) {
            return null; // a file the java backend reads differently from libpcap: not part of the comparison
        }
    }

    /**
     * The captures merged into {@code merged} (one of {@link #files}'s), by name, with the number of its first
     * frame in the merged file; in frame order.
     */
    public static Map<String, Integer> firstFrames(Path merged) throws IOException {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (String line : Files.readAllLines(index(merged))) {
            String[] cells = line.split("\t");
            out.put(cells[0], Integer.parseInt(cells[1]));
        }
        return out;
    }

    private static Path index(Path merged) {
        return merged.resolveSibling(merged.getFileName() + ".index.tsv");
    }

    private static Path merge(List<Path> captures, Path merged) throws IOException {
        Backend java = Pcap.backend("java");
        List<String> index = new ArrayList<>();
        int frames = 0;
        DumpOptions pcapng = DumpOptions.builder().format(CaptureFormat.PCAPNG).precision(TimestampPrecision.NANO).build();
        try (Dumper plain = java.openDumper(merged, LinkType.ETHERNET, 262144, pcapng)) {
            PcapngDumper out = (PcapngDumper) plain;
            Map<LinkType, Integer> interfaces = new HashMap<>();
            interfaces.put(LinkType.ETHERNET, 0);
            for (Path capture : captures) {
                index.add(capture.getFileName() + "\t" + (frames + 1));
                try (OfflineHandle in = java.openOffline(capture)) {
                    while (in.next() == ReadStatus.PACKET) {
                        frames++;
                        Packet p = in.packet();
                        LinkType type = linkType(in, p);
                        Integer id = interfaces.get(type);
                        if (id == null) {
                            id = out.addInterface(InterfaceInfo.of(type, 262144).withTsresol(InterfaceInfo.TSRESOL_NANO));
                            interfaces.put(type, id);
                        }
                        out.write(new PacketRecord(p.timestampSeconds(), p.timestampNanos(),
                                Math.max(p.originalLength(), p.capturedLength()), bytes(p.data()), id, null, -1));
                    }
                }
            }
        }
        Files.write(index(merged), index);
        return merged;
    }

    private static byte[] bytes(java.nio.ByteBuffer data) {
        byte[] b = new byte[data.remaining()];
        data.duplicate().get(b);
        return b;
    }


    /** Runs a program (tshark, mergecap) to its end and returns its standard output; it must exit with 0. */
    public static String run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (env != null) {
            pb.environment().putAll(env);
        }
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        assertEquals(0, p.exitValue(), "exit status of " + command.get(0));
        return new String(out, StandardCharsets.UTF_8);
    }
}
