package dev.trawl.bench.report;

import dev.trawl.bench.live.FanoutResult;
import dev.trawl.bench.live.LiveResult;
import dev.trawl.bench.spark.SparkResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportWriterTest {
    @TempDir
    Path dir;

    private static RunRecord sample() {
        RunRecord run = new RunRecord();
        run.environment().put("scale", "full");
        run.environment().put("libpcap", "libpcap version 1.10.3 | test");
        run.results().add(new Result("c", "libpcap", "c_next_ex", "small", "none", 40, 1, 40, Double.NaN, 10));
        run.results().add(new Result("c", "libpcap", "c_next_ex", "mix", "none", 80, 1, 80, Double.NaN, 10));
        run.results().add(new Result("pcap4j", "pcap4j", "getNextRawPacketEx", "small", "none", 1000, 20, 1000, 96, 4));
        // java next on small: 20/40 = 0.5x, over the 0.35x target; on mix: 40/80 = 0.5x, within 0.8x.
        run.results().add(new Result("capture", "java", "next", "small", "none", 20, 0.5, 20, 0.01, 4));
        run.results().add(new Result("capture", "java", "next", "mix", "none", 40, 0.5, 40, 0.01, 4));
        run.results().add(new Result("decode", "trawl", "layers", "mix", "none", 10, 0.1, 10, 3.0, 4));
        // the projection: 9/7 = 1.3x the floor, within 1.5x, but it allocates
        run.results().add(new Result("decode", "trawl", "layersProjected", "mix", "none", 9, 0.1, 9, 3.0, 4));
        run.results().add(new Result("decode", "floor", "layers", "mix", "none", 7, 0.1, 7, 0, 4));
        run.results().add(new Result("decode", "pcap4j", "layers", "mix", "none", 1000, 10, 1000, 900, 4));
        run.live().add(new LiveResult("libpcap", 1000, 2_000_000, 990, 1000, 10, 0, 99_000, -1, ""));
        run.notes().add("backend panama is not installed");
        return run;
    }

    @Test
    void targetsReportMetNotMetAndMissingData() {
        RunRecord run = sample();
        Target.Check small = Target.all().get(0).check(run);
        assertEquals(Target.Status.NOT_MET, small.status());
        assertEquals(0.5, small.ratio(), 1e-9);
        assertEquals(Target.Status.MET, Target.all().get(1).check(run).status());
        Target decode = Target.all().stream().filter(t -> t.text().startsWith("projection Ethernet"))
                .findFirst().orElseThrow();
        // within the ratio, but it allocates: not met
        assertEquals(Target.Status.NOT_MET, decode.check(run).status());
        Target panama = Target.all().stream().filter(t -> t.text().startsWith("panama next")).findFirst()
                .orElseThrow();
        assertEquals(Target.Status.NO_DATA, panama.check(run).status());
    }

    @Test
    void aRunOfSomePartsKeepsTheOtherPartsOfTheEarlierRun() throws Exception {
        RunRecord earlier = sample();
        earlier.environment().put("date", "2026-01-01T00:00Z");
        earlier.spark().add(new SparkResult("pcap", 1, 64L << 20, "count", 0.5, 500_000_000, 1_500_000));
        earlier.save(dir.resolve("results.tsv"));
        RunRecord now = new RunRecord();
        now.environment().put("libpcap", "unknown");
        now.results().add(new Result("decode", "trawl", "layers", "mix", "none", 9, 0.1, 9, 0, 4));
        now.keepPartsFrom(RunRecord.load(dir.resolve("results.tsv")), Set.of("decode"));
        assertEquals(9, now.find(new Result("decode", "trawl", "layers", "mix", "none", 0, 0, 0, 0, 0).key())
                .nsPerPacket(), "the part run again replaces the earlier figures");
        assertEquals(1, now.results().stream().filter(r -> r.subject().equals("trawl")).count());
        assertEquals(40, now.find(new Result("c", "libpcap", "c_next_ex", "small", "none", 0, 0, 0, 0, 0).key())
                .nsPerPacket(), "a part not run keeps its earlier figures");
        assertEquals(1, now.live().size());
        assertEquals(1, now.spark().size());
        assertTrue(now.environment().get("parts from an earlier run").startsWith("c, capture, live, pcap4j, spark"
                + " (run of 2026-01-01T00:00Z"), now.environment().toString());
        assertEquals("libpcap version 1.10.3 | test", now.environment().get("libpcap"));
        String md = ReportWriter.markdown(now, java.util.List.of());
        assertTrue(md.contains("| pcap | 1 | 64 MiB | count | 0.50 | 1,000 | 1,000 | 3,000,000 |"), md);
    }

    @Test
    void targetsCompareTheBestIterationsOfBothSides() {
        RunRecord run = new RunRecord();
        run.results().add(new Result("c", "libpcap", "c_next_ex", "small", "none", 60, 30, 40, Double.NaN, 10));
        // a slow mean (machine busy during some iterations) but a best iteration within the target
        run.results().add(new Result("capture", "java", "next", "small", "none", 30, 20, 12, 0, 8));
        Target.Check check = Target.all().get(0).check(run);
        assertEquals(Target.Status.MET, check.status());
        assertEquals(0.3, check.ratio(), 1e-9);
    }

    @Test
    void writesMarkdownJsonAndAWellFormedSvg() throws Exception {
        ReportWriter.write(sample(), dir);
        String md = Files.readString(dir.resolve(ReportWriter.MARKDOWN));
        assertTrue(md.contains("| java zero-copy next <= 0.35x C pcap_next_ex (64-byte frames) | **NOT MET** |"), md);
        assertTrue(md.contains("| trawl java next | small | none | 20.00 | 0.50 | 20.00 | 0.01 | 0.50x | 0.02x |"), md);
        assertTrue(md.contains("libpcap version 1.10.3 \\| test"), "pipes escaped in tables");
        assertTrue(md.contains("- backend panama is not installed"));
        assertTrue(md.contains("| libpcap | 1000 | 500,000 | 990 | 1000 | 10 | 0 | 100 |"), md);
        String json = Files.readString(dir.resolve(ReportWriter.JSON));
        assertTrue(json.contains("\"ratioToC\":0.5000"), json);
        assertTrue(json.contains("\"bytesPerPacket\":null"), "NaN is written as null: " + json);
        assertTrue(json.contains("\"status\":\"NOT_MET\""));
        var svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve(ReportWriter.CHART).toFile());
        assertEquals("svg", svg.getDocumentElement().getNodeName());
        assertEquals(6, svg.getElementsByTagName("rect").getLength() - 1,
                "one bar per capture figure, and per live capturer");
    }

    @Test
    void liveTargetsWantLittleCpuNoDropNoAllocationAndAFanoutGain() throws Exception {
        RunRecord run = new RunRecord();
        run.live().add(new LiveResult("libpcap", 1000, 2_000_000, 1000, 1000, 0, 0, 20_000, -1, ""));
        run.live().add(new LiveResult("afpacket", 1000, 2_000_000, 1000, 1000, 0, 0, 18_000, 0, ""));
        run.live().add(new LiveResult("afpacket next", 1000, 2_000_000, 1000, 1000, 0, 0, 25_000, 0, ""));
        run.live().add(new LiveResult("afpacket loop", 1000, 2_000_000, 990, 1000, 10, 0, 15_000, 64_000, ""));
        run.fanout().add(new FanoutResult(1, "hash", 1000, 2_000_000, java.util.List.of(400L), 400, 0, 600, 2000,
                1_000_000, ""));
        run.fanout().add(new FanoutResult(2, "hash", 1000, 2_000_000, java.util.List.of(390L, 380L), 770, 0, 230,
                2000, 500_000, ""));
        var checks = LiveTargets.check(run);
        assertEquals(4, checks.size());
        assertEquals(Target.Status.MET, checks.get(0).status(), checks.get(0).detail());
        assertEquals(Target.Status.NOT_MET, checks.get(1).status(), "1.25x C: " + checks.get(1).detail());
        assertEquals(Target.Status.NOT_MET, checks.get(2).status(), "drops and allocates: " + checks.get(2).detail());
        assertEquals(Target.Status.MET, checks.get(3).status(), "770 / 400 = 1.93x: " + checks.get(3).detail());
        RunRecord reread = roundTrip(run);
        assertEquals(run.live(), reread.live());
        assertEquals(run.fanout(), reread.fanout());
        ReportWriter.write(run, dir);
        String md = Files.readString(dir.resolve(ReportWriter.MARKDOWN));
        assertTrue(md.contains("| 2 | 1000 | 500,000 | 390 + 380 | 770 | 1.93x | 1,540,000 | 3.85x | 770 | 0 | 230 |"), md);
        assertTrue(md.contains("| afpacket loop | 1000 | 500,000 | 990 | 1000 | 10 | 0 | 15.15 | 0.76x | 64.65 |"), md);
    }

    private RunRecord roundTrip(RunRecord run) throws Exception {
        Path file = dir.resolve("results.tsv");
        run.save(file);
        return RunRecord.load(file);
    }

    @Test
    void pcapngNextIsComparedWithCOverTheSamePcapngFile() throws Exception {
        RunRecord run = sample();
        // C over the pcap file is faster than over pcapng; the target must use the pcapng figure
        run.results().add(new Result("c", "libpcap", "c_next_ex", "mix-pcapng", "none", 110, 2, 100, Double.NaN, 10));
        run.results().add(new Result("capture", "java", "next", "mix-pcapng", "none", 45, 1, 40, 0, 8));
        Target pcapng = Target.all().stream().filter(t -> t.text().contains("(pcapng, mix)")).findFirst()
                .orElseThrow();
        assertEquals("java zero-copy next <= 0.5x C pcap_next_ex (pcapng, mix)", pcapng.text());
        assertEquals(0.5, pcapng.limit());
        Target.Check check = pcapng.check(run);
        assertEquals(Target.Status.MET, check.status());
        assertEquals(0.4, check.ratio(), 1e-9);
        run.results().removeIf(r -> r.data().equals("mix-pcapng") && r.family().equals("c"));
        assertEquals(Target.Status.NO_DATA, pcapng.check(run).status(), "never against C over the pcap file");
        run.results().add(new Result("c", "libpcap", "c_next_ex", "mix-pcapng", "none", 70, 2, 60, Double.NaN, 10));

        ReportWriter.write(run, dir);
        String md = Files.readString(dir.resolve(ReportWriter.MARKDOWN));
        assertTrue(md.contains("| java zero-copy next <= 0.5x C pcap_next_ex (pcapng, mix) | **NOT MET** | "
                + "40.00 ns vs 60.00 ns = 0.67x (limit 0.50x) |"), md);
        String section = md.substring(md.indexOf("## Offline capture: pcapng"), md.indexOf("## Decode"));
        assertTrue(section.contains("| C libpcap c_next_ex | mix-pcapng | none | 70.00 | 2.00 | 60.00 | - | - | - |"),
                section);
        assertTrue(section.contains("| trawl java next | mix-pcapng | none | 45.00 | 1.00 | 40.00 | 0.00 | 0.67x | - |"),
                section);
        assertEquals(2, section.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| benchmark")).count(),
                "only the pcapng figures: " + section);
        String mix = md.substring(md.indexOf("## Offline capture: IMIX"), md.indexOf("## Offline capture: pcapng"));
        assertTrue(!mix.contains("pcapng"), mix);
    }

    @Test
    void recordSurvivesSaveAndLoad() throws Exception {
        RunRecord run = sample();
        Path file = dir.resolve("results.tsv");
        run.save(file);
        RunRecord back = RunRecord.load(file);
        assertEquals(run.results(), back.results());
        assertEquals(run.live(), back.live());
        assertEquals(run.environment(), back.environment());
        assertEquals(run.notes(), back.notes());
    }

    @Test
    void loadRejectsAMalformedRecord() throws Exception {
        Path file = dir.resolve("bad.tsv");
        Files.writeString(file, "result\tc\tlibpcap\n");
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> RunRecord.load(file));
        assertTrue(e.getMessage().contains("bad.tsv:1"), e.getMessage());
    }
}
