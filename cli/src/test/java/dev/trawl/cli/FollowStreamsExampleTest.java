package dev.trawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The FollowStreams example prints, for each direction of each TCP connection, as many bytes as tshark's
 * "Follow TCP Stream" shows that side sending, and says how the stream ended.
 */
class FollowStreamsExampleTest {
    @Test
    void eachDirectionEndsWithTsharksByteCount() throws Exception {
        String capture = TrawlRunner.capture("ssh.pcap").toString();
        String tshark = TrawlRunner.external(List.of("tshark", "-n", "-q", "-r", capture, "-z", "follow,tcp,raw,0"));
        long[] sent = new long[2];
        boolean body = false;
        for (String line : tshark.split("\n")) {
            if (line.startsWith("Node 1: ")) {
                body = true;
            } else if (body && !line.isEmpty() && !line.startsWith("=")) {
                sent[line.startsWith("\t") ? 1 : 0] += line.strip().length() / 2;
            }
        }
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream capturing = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(capturing);
            dev.trawl.examples.FollowStreams.main(new String[] {capture});
        } finally {
            System.setOut(saved);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(sent[0] > 0 && sent[1] > 0, tshark);
        for (int node = 0; node < 2; node++) {
            long bytes = sent[node];
            assertEquals(1, text.lines().filter(l -> l.matches("0/\\d .*end \\(\\w+, " + bytes + " bytes\\)")).count(),
                    "node " + node + " sent " + bytes + ":\n" + text);
        }
        assertTrue(text.contains(" 0 missing"), text);
    }
}
