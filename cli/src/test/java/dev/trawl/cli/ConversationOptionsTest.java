package dev.trawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The conversation fields through the tool as a user runs it, against tshark on the same command line: field
 * output and display filters with tshark's default preferences and with {@code -o} changing them; and the
 * refusal of a preference trawl does not know.
 */
class ConversationOptionsTest {
    private static final List<String> CAPTURES = List.of("of13_ericsson.pcapng", "pptp.pcap", "dns_tcp.pcap",
            "afs.pcap");
    private static final List<String> FIELDS = List.of("frame.number", "tcp.stream", "udp.stream", "tcp.seq",
            "tcp.ack", "tcp.nxtseq", "tcp.window_size", "tcp.time_delta", "tcp.analysis.flags",
            "tcp.analysis.acks_frame", "tcp.analysis.ack_rtt", "tcp.analysis.bytes_in_flight");

    private static List<String> args(String capture, List<String> extra) {
        List<String> a = new ArrayList<>(List.of("-n", "-r", TrawlRunner.capture(capture).toString()));
        a.addAll(extra);
        a.addAll(List.of("-T", "fields", "-E", "occurrence=a"));
        for (String f : FIELDS) {
            a.add("-e");
            a.add(f);
        }
        return a;
    }

    private static void sameAsTshark(List<String> extra) throws Exception {
        int lines = 0;
        for (String capture : CAPTURES) {
            List<String> tshark = new ArrayList<>(List.of("tshark"));
            tshark.addAll(args(capture, extra));
            String expected = TrawlRunner.external(tshark);
            TrawlRunner.Result r = TrawlRunner.run(args(capture, extra).toArray(String[]::new));
            assertEquals(0, r.status(), r.stderr());
            assertEquals(expected, r.out(), capture + " " + extra);
            lines += r.lines().size();
        }
        assertTrue(lines > (extra.contains("-Y") ? 0 : 100), extra + ": lines: " + lines);
    }

    @Test
    void defaultPreferencesAsTshark() throws Exception {
        sameAsTshark(List.of());
    }

    @Test
    void rawSequenceNumbersAndNoAnalysisAsTshark() throws Exception {
        sameAsTshark(List.of("-o", "tcp.relative_sequence_numbers:FALSE"));
        sameAsTshark(List.of("-o", "tcp.analyze_sequence_numbers:FALSE"));
        sameAsTshark(List.of("-o", "tcp.relative_sequence_numbers:FALSE", "-o", "tcp.analyze_sequence_numbers:FALSE"));
    }

    @Test
    void displayFiltersOnConversationFieldsAsTshark() throws Exception {
        for (String filter : List.of("tcp.analysis.flags", "tcp.stream == 2", "tcp.seq == 1 && tcp.len > 0",
                "udp.stream >= 3", "tcp.analysis.ack_rtt > 0.001")) {
            sameAsTshark(List.of("-Y", filter));
        }
    }

    @Test
    void anUnknownPreferenceIsAUsageError() {
        TrawlRunner.Result r = TrawlRunner.run("-r", TrawlRunner.capture("dns_tcp.pcap").toString(), "-o",
                "tcp.desegment_tcp_streams:FALSE");
        assertEquals(2, r.status());
        assertTrue(r.stderr().contains("unknown preference 'tcp.desegment_tcp_streams'"), r.stderr());
        TrawlRunner.Result bad = TrawlRunner.run("-r", TrawlRunner.capture("dns_tcp.pcap").toString(), "-o",
                "tcp.analyze_sequence_numbers:maybe", "-T", "fields", "-e", "tcp.seq");
        assertEquals(2, bad.status());
        assertTrue(bad.stderr().contains("TRUE or FALSE"), bad.stderr());
        assertEquals("", bad.out());
    }
}
