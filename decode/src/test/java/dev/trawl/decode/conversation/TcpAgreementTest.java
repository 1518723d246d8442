package dev.trawl.decode.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.MergedCorpus;
import dev.trawl.decode.PacketDecoder;
import dev.trawl.decode.Protocols;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.ReadStatus;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link TcpTracker} against tshark 4.0 with its default preferences, over every TCP segment of the corpus
 * (merged into a few files) and of the crafted captures of {@code tcp-scenarios/} (each analysis flag made
 * to fire): the stream index, relative sequence numbers, scaled window, times within the stream, and every
 * {@code tcp.analysis} field and flag, cell by cell. tshark's values come from a Lua listener
 * ({@code tcp-fields.lua}) that reads the first occurrence of each field in each frame.
 */
class TcpAgreementTest {
    /** Each field, with how trawl's value prints the way tshark's Lua value does. */
    private static final Map<String, Function<TcpSegment, String>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("tcp.stream", s -> number(s.stream()));
        FIELDS.put("tcp.completeness", s -> Integer.toString(s.completeness()));
        FIELDS.put("tcp.seq", s -> number(s.seq()));
        FIELDS.put("tcp.ack", s -> number(s.ack()));
        FIELDS.put("tcp.nxtseq", s -> number(s.nextSeq()));
        FIELDS.put("tcp.window_size", s -> number(s.windowSize()));
        FIELDS.put("tcp.window_size_scalefactor", s -> s.hasWindowScaleFactor() ? Integer.toString(s.windowScaleFactor()) : "");
        FIELDS.put("tcp.time_relative", s -> time(s.timeRelative()));
        FIELDS.put("tcp.time_delta", s -> time(s.timeDelta()));
        FIELDS.put("tcp.analysis", s -> s.hasAnalysis() ? "1" : "");
        FIELDS.put("tcp.analysis.flags", s -> s.flags() != 0 ? "1" : "");
        FIELDS.put("tcp.analysis.acks_frame", s -> number(s.ackedFrame()));
        FIELDS.put("tcp.analysis.ack_rtt", s -> time(s.ackRtt()));
        FIELDS.put("tcp.analysis.initial_rtt", s -> time(s.initialRtt()));
        FIELDS.put("tcp.analysis.bytes_in_flight", s -> number(s.bytesInFlight()));
        FIELDS.put("tcp.analysis.push_bytes_sent", s -> number(s.pushBytesSent()));
        FIELDS.put("tcp.analysis.duplicate_ack_num", s -> number(s.duplicateAckNumber()));
        FIELDS.put("tcp.analysis.duplicate_ack_frame", s -> number(s.duplicateAckFrame()));
        FIELDS.put("tcp.analysis.rto", s -> time(s.rto()));
        FIELDS.put("tcp.analysis.rto_frame", s -> number(s.rtoFrame()));
        flag("tcp.analysis.retransmission", TcpSegment.RETRANSMISSION | TcpSegment.FAST_RETRANSMISSION
                | TcpSegment.SPURIOUS_RETRANSMISSION);
        flag("tcp.analysis.fast_retransmission", TcpSegment.FAST_RETRANSMISSION);
        flag("tcp.analysis.spurious_retransmission", TcpSegment.SPURIOUS_RETRANSMISSION);
        flag("tcp.analysis.out_of_order", TcpSegment.OUT_OF_ORDER);
        flag("tcp.analysis.lost_segment", TcpSegment.LOST_SEGMENT);
        flag("tcp.analysis.ack_lost_segment", TcpSegment.ACK_LOST_SEGMENT);
        flag("tcp.analysis.duplicate_ack", TcpSegment.DUPLICATE_ACK);
        flag("tcp.analysis.zero_window", TcpSegment.ZERO_WINDOW);
        flag("tcp.analysis.zero_window_probe", TcpSegment.ZERO_WINDOW_PROBE);
        flag("tcp.analysis.zero_window_probe_ack", TcpSegment.ZERO_WINDOW_PROBE_ACK);
        flag("tcp.analysis.window_full", TcpSegment.WINDOW_FULL);
        flag("tcp.analysis.window_update", TcpSegment.WINDOW_UPDATE);
        flag("tcp.analysis.keep_alive", TcpSegment.KEEP_ALIVE);
        flag("tcp.analysis.keep_alive_ack", TcpSegment.KEEP_ALIVE_ACK);
        flag("tcp.analysis.reused_ports", TcpSegment.REUSED_PORTS);
    }

    private static void flag(String name, int bits) {
        FIELDS.put(name, s -> (s.flags() & bits) != 0 ? "1" : "");
    }

    private static String number(long v) {
        return v == TcpSegment.ABSENT ? "" : Long.toString(v);
    }

    private static String time(long nanos) {
        if (nanos == TcpSegment.ABSENT) {
            return "";
        }
        long abs = Math.abs(nanos);
        return (nanos < 0 ? "-" : "") + abs / 1_000_000_000L + "." + String.format("%09d", abs % 1_000_000_000L);
    }

    @Test
    void everyFieldOfEverySegmentAgreesWithTshark() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "tcp-agreement"));
        List<Path> captures = new ArrayList<>(MergedCorpus.files(dir.resolve("corpus")));
        Path fields = dir.resolve("fields.txt");
        Files.write(fields, FIELDS.keySet(), StandardCharsets.UTF_8);
        Path script = dir.resolve("tcp-fields.lua");
        try (InputStream in = getClass().getResourceAsStream("tcp-fields.lua")) {
            Files.write(script, in.readAllBytes());
        }
        Map<String, int[]> cells = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        int rows = 0;
        for (Path capture : captures) {
            Path out = dir.resolve(capture.getFileName() + ".tsv");
            MergedCorpus.run(List.of("tshark", "-n", "-q", "-r", capture.toString(), "-X", "lua_script:" + script),
                    Map.of("TRAWL_FIELDS", fields.toString(), "TRAWL_OUT", out.toString()));
            Map<Long, String[]> theirs = new LinkedHashMap<>();
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                String[] c = line.split("\t", -1);
                theirs.put(Long.parseLong(c[0]), c);
            }
            Map<Long, String[]> ours = trawl(capture);
            for (Map.Entry<Long, String[]> e : theirs.entrySet()) {
                String[] mine = ours.get(e.getKey());
                rows++;
                int k = 1;
                for (String field : FIELDS.keySet()) {
                    int[] tally = cells.computeIfAbsent(field, x -> new int[2]);
                    String t = e.getValue()[k];
                    String m = mine == null ? "" : mine[k];
                    tally[0]++;
                    if (t.equals(m)) {
                        tally[1]++;
                    } else if (problems.size() < 200) {
                        problems.add(capture.getFileName() + " frame " + e.getKey() + " " + field + ": tshark '" + t
                                + "', trawl '" + m + "'");
                    }
                    k++;
                }
            }
        }
        StringBuilder summary = new StringBuilder(rows + " TCP segments:");
        long total = 0;
        long agreed = 0;
        for (Map.Entry<String, int[]> e : cells.entrySet()) {
            total += e.getValue()[0];
            agreed += e.getValue()[1];
            if (e.getValue()[0] != e.getValue()[1]) {
                summary.append("\n  ").append(e.getKey()).append(": ").append(e.getValue()[1]).append(" of ")
                        .append(e.getValue()[0]);
            }
        }
        System.out.println(summary);
        problems.forEach(p -> System.out.println("  " + p));
        assertTrue(rows > 1000, "too few segments: " + rows);
        assertEquals(total, agreed, summary.toString());
    }

    /** Every frame's values as trawl computes them, for the first TCP layer, printed as the Lua listener prints. */
    private static Map<Long, String[]> trawl(Path capture) throws Exception {
        Map<Long, String[]> out = new LinkedHashMap<>();
        PacketDecoder decoder = new PacketDecoder().reassembleFragments(true).trackConversations(true);
        try (OfflineHandle handle = Pcap.backend("java").openOffline(capture)) {
            long frame = 0;
            while (handle.next() == ReadStatus.PACKET) {
                decoder.nextFrameNumber(++frame);
                DecodedPacket p = decoder.decode(MergedCorpus.linkType(handle, handle.packet()), handle.packet());
                int tcp = p.find(Protocols.TCP);
                TcpSegment segment = tcp < 0 ? null : p.tcpSegment(tcp);
                if (segment == null) {
                    continue;
                }
                String[] row = new String[FIELDS.size() + 1];
                row[0] = Long.toString(frame);
                int k = 1;
                for (Function<TcpSegment, String> f : FIELDS.values()) {
                    row[k++] = f.apply(segment);
                }
                out.put(frame, row);
            }
        }
        return out;
    }
}
