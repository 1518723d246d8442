package dev.trawl.decode.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.MergedCorpus;
import dev.trawl.decode.PacketDecoder;
import dev.trawl.decode.field.Field;
import dev.trawl.decode.field.FieldPrinter;
import dev.trawl.decode.field.FieldRegistry;
import dev.trawl.decode.field.FieldsWriter;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.OfflineOptions;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The conversation fields as the decoder gives them when it follows conversations
 * ({@link PacketDecoder#trackConversations}), against {@code tshark -T fields} over the whole corpus (merged
 * into a few files), with tshark's default preferences and with raw sequence numbers and no analysis
 * ({@code -o tcp.relative_sequence_numbers:FALSE}, {@code -o tcp.analyze_sequence_numbers:FALSE}): every
 * occurrence of every field, in every frame.
 */
class ConversationOutputTest {
    private static final FieldRegistry REGISTRY = FieldRegistry.standard();
    private static final List<String> FIELDS = List.of("frame.number", "tcp.stream", "udp.stream",
            "tcp.completeness", "tcp.seq", "tcp.ack", "tcp.nxtseq", "tcp.window_size", "tcp.window_size_scalefactor",
            "tcp.time_relative", "tcp.time_delta", "tcp.analysis", "tcp.analysis.flags", "tcp.analysis.acks_frame",
            "tcp.analysis.ack_rtt", "tcp.analysis.initial_rtt", "tcp.analysis.bytes_in_flight",
            "tcp.analysis.push_bytes_sent", "tcp.analysis.retransmission", "tcp.analysis.lost_segment",
            "tcp.analysis.duplicate_ack", "tcp.analysis.duplicate_ack_num", "tcp.analysis.duplicate_ack_frame",
            "tcp.analysis.window_update", "tcp.analysis.keep_alive", "tcp.analysis.out_of_order",
            "tcp.analysis.fast_retransmission", "tcp.analysis.spurious_retransmission", "tcp.analysis.reused_ports",
            "tcp.analysis.ack_lost_segment", "tcp.analysis.window_full", "tcp.analysis.keep_alive_ack",
            "tcp.analysis.zero_window", "tcp.analysis.zero_window_probe", "tcp.analysis.zero_window_probe_ack",
            "tcp.analysis.rto", "tcp.analysis.rto_frame");
    private static List<Path> captures;

    @BeforeAll
    static void merge() throws Exception {
        captures = MergedCorpus.files(Files.createDirectories(Path.of("target", "conversation-output")));
    }

    @Test
    void defaultPreferencesGiveTsharksFields() throws Exception {
        compare(captures, List.of(), TcpTracker::standard, 5000, 1000);
    }

    @Test
    void craftedScenariosGiveTsharksFields() throws Exception {
        // each scenario is made for one or more analysis flags; together they raise every one
        List<Path> scenarios = TcpScenarios.write(Path.of("target", "conversation-output", "tcp-scenarios"));
        compare(scenarios, List.of(), TcpTracker::standard, 50, 50);
        StringBuilder all = new StringBuilder();
        for (Path scenario : scenarios) {
            all.append(MergedCorpus.run(List.of("tshark", "-n", "-r", scenario.toString(), "-T", "fields",
                    "-e", "_ws.expert.message"), null));
        }
        String said = all.toString().toLowerCase(java.util.Locale.ROOT);
        for (String flag : List.of("(suspected) retransmission", "fast retransmission", "spurious retransmission",
                "out-of-order", "previous segment(s) not captured", "acked segment that wasn't captured",
                "duplicate ack", "zero window segment", "zero window probe", "ack to a tcp zero window probe",
                "keep-alive segment", "ack to a tcp keep-alive", "window update", "completely full",
                "same ports as an earlier session",
                "bogus tcp header length")) {
            assertTrue(said.contains(flag), "no scenario makes tshark say: " + flag);
        }
    }

    @Test
    void rawNumbersWithoutAnalysisGiveTsharksFields() throws Exception {
        compare(captures, List.of("-o", "tcp.relative_sequence_numbers:FALSE", "-o",
                "tcp.analyze_sequence_numbers:FALSE"),
                () -> TcpTracker.builder().relativeSequenceNumbers(false).analyzeSequenceNumbers(false).build(), 5000,
                1000);
    }

    private static void compare(List<Path> files, List<String> preferences, Supplier<TcpTracker> trackers,
            int minLines, int minTcpLines) throws Exception {
        int lines = 0;
        int tcpLines = 0;
        List<String> problems = new ArrayList<>();
        for (Path capture : files) {
            List<String> command = new ArrayList<>(List.of("tshark", "-n", "-r", capture.toString()));
            command.addAll(preferences);
            command.addAll(List.of("-T", "fields", "-E", "occurrence=a", "-E", "aggregator=,"));
            for (String f : FIELDS) {
                command.add("-e");
                command.add(f);
            }
            List<String> theirs = MergedCorpus.run(command, null).lines().toList();
            // as tshark decodes by default, and the tool's field output does
            List<String> ours = trawl(capture, new PacketDecoder().reassembleFragments(true).followConversations(true)
                    .reassembleStreams(true).trackConversations(trackers.get(), new UdpTracker()));
            assertEquals(theirs.size(), ours.size(), capture + ": frames");
            for (int i = 0; i < theirs.size(); i++) {
                lines++;
                if (!theirs.get(i).split("\t", -1)[1].isEmpty()) {
                    tcpLines++;
                }
                if (!theirs.get(i).equals(ours.get(i)) && problems.size() < 20) {
                    problems.add(capture.getFileName() + "\n  tshark " + theirs.get(i) + "\n  trawl  " + ours.get(i));
                }
            }
        }
        assertTrue(lines > minLines && tcpLines > minTcpLines, lines + " frames, " + tcpLines + " with TCP");
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    private static List<String> trawl(Path capture, PacketDecoder decoder) throws Exception {
        StringBuilder out = new StringBuilder();
        FieldsWriter writer = new FieldsWriter(out, FIELDS.stream().map(REGISTRY::require).toList(),
                FieldsWriter.Format.TSHARK.withOccurrence(FieldsWriter.Occurrence.ALL));
        try (OfflineHandle handle = Pcap.backend("java").openOffline(capture, OfflineOptions.of(TimestampPrecision.NANO))) {
            long frame = 0;
            while (handle.next() == ReadStatus.PACKET) {
                decoder.nextFrameNumber(++frame);
                writer.write(decoder.decode(MergedCorpus.linkType(handle, handle.packet()), handle.packet()));
            }
        }
        writer.finish();
        return out.toString().lines().toList();
    }

    @Test
    void theConversationFieldsAreExactlyThoseThatNeedTracking() throws Exception {
        // every field whose output changes when the decoder follows conversations is one that says it needs it,
        // and every such field does change somewhere in the corpus
        Set<String> changed = new HashSet<>();
        Path capture = captures.get(0);
        List<Field> all = REGISTRY.fields().stream().filter(f -> f.name().startsWith("tcp.")
                || f.name().startsWith("udp.")).toList();
        PacketDecoder plain = new PacketDecoder().reassembleFragments(true);
        PacketDecoder tracking = new PacketDecoder().reassembleFragments(true).trackConversations(true);
        FieldPrinter a = new FieldPrinter();
        FieldPrinter b = new FieldPrinter();
        try (OfflineHandle one = Pcap.backend("java").openOffline(capture);
                OfflineHandle two = Pcap.backend("java").openOffline(capture)) {
            while (one.next() == ReadStatus.PACKET && two.next() == ReadStatus.PACKET) {
                DecodedPacket p = plain.decode(MergedCorpus.linkType(one, one.packet()), one.packet());
                DecodedPacket q = tracking.decode(MergedCorpus.linkType(two, two.packet()), two.packet());
                for (Field f : all) {
                    a.collect(f, p);
                    b.collect(f, q);
                    if (!a.text().toString().equals(b.text().toString())) {
                        changed.add(f.name());
                    }
                }
            }
        }
        Set<String> claimed = all.stream().map(Field::name).filter(ConversationFields::needsTracking)
                .collect(Collectors.toSet());
        assertFalse(changed.isEmpty());
        assertTrue(claimed.containsAll(changed), "changed but not claimed: " + changed);
        Set<String> neverShown = new HashSet<>(claimed);
        neverShown.removeAll(changed);
        // flags that no corpus segment raises in this file are allowed to stay unseen
        neverShown.removeIf(n -> n.startsWith("tcp.analysis."));
        assertEquals(Set.of(), neverShown);
    }
}
