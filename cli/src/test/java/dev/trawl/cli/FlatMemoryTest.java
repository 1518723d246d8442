package dev.trawl.cli;

import dev.trawl.pcap.tck.CraftedCaptures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory that stays flat over a capture of a million short TCP connections (SYN, data, RST, each from its own
 * client port and address): the tool reads it in the output modes that keep no conversation state in a JVM whose
 * heap is capped far below what keeping state for every connection would need, and in one that follows
 * conversations within a heap its bounded table fits, and gets to the end.
 */
class FlatMemoryTest {
    private static final int CONNECTIONS = 1_000_000;
    private static final int PACKETS_PER_CONNECTION = 3;
    /** A heap for outputs that keep no state per connection. */
    private static final String SMALL = "-Xmx48m";
    /** A heap for outputs that follow connections: their table is bounded, not by the capture's size. */
    private static final String BOUNDED = "-Xmx256m";

    @TempDir
    static Path dir;
    private static Path capture;

    @BeforeAll
    static void write() throws IOException {
        capture = dir.resolve("million-connections.pcap");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(capture), 1 << 16)) {
            out.write(CraftedCaptures.pcapHeader(ByteOrder.LITTLE_ENDIAN, false, 65535, 1));
            ByteBuffer record = ByteBuffer.allocate(16 + 14 + 20 + 20 + 8);
            long micros = 1_700_000_000_000_000L;
            for (int c = 0; c < CONNECTIONS; c++) {
                int client = 0x0A000000 | (c >>> 8 & 0xFFFF00) | 1 + (c & 0x7F);
                int port = 1024 + c % 60000;
                int[] flags = {0x02, 0x18, 0x14};
                for (int k = 0; k < PACKETS_PER_CONNECTION; k++) {
                    micros += 50;
                    int payload = k == 1 ? 8 : 0;
                    int frame = 14 + 20 + 20 + payload;
                    record.clear().order(ByteOrder.LITTLE_ENDIAN);
                    record.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000)).putInt(frame)
                            .putInt(frame);
                    record.order(ByteOrder.BIG_ENDIAN);
                    record.putInt(0x00000000).putShort((short) 2).putInt(0x00000000).putShort((short) 1)
                            .putShort((short) 0x0800);
                    record.put((byte) 0x45).put((byte) 0).putShort((short) (40 + payload)).putShort((short) c)
                            .putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0)
                            .putInt(client).putInt(0xC0A80001);
                    int seq = k == 0 ? 1000 : k == 1 ? 1001 : 1009;
                    record.putShort((short) port).putShort((short) 80).putInt(seq).putInt(k == 0 ? 0 : 5001)
                            .put((byte) 0x50).put((byte) flags[k]).putShort((short) 1024).putInt(0);
                    for (int b = 0; b < payload; b++) {
                        record.put((byte) 'x');
                    }
                    out.write(record.array(), 0, record.position());
                }
            }
        }
    }

    /** Runs the tool on the capture in a JVM with a small heap, output discarded; returns its standard error. */
    private static String run(String heap, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), heap, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "dev.trawl.cli.Trawl", "--backend", "java", "-r", capture.toString()));
        command.addAll(List.of(args));
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        String stderr = Files.readString(err);
        assertEquals(0, p.exitValue(), String.join(" ", args) + ": " + stderr);
        assertTrue(!stderr.contains("OutOfMemoryError"), stderr);
        return stderr;
    }

    @Test
    void tcpdumpTextStaysWithinASmallHeap() throws Exception {
        run(SMALL, "-n");
    }

    @Test
    void fieldsWithoutConversationStateStayWithinASmallHeap() throws Exception {
        run(SMALL, "-T", "fields", "-e", "ip.src", "-e", "tcp.srcport");
    }

    @Test
    void conversationFieldsForgetEndedConnections() throws Exception {
        String stderr = run(BOUNDED, "-T", "fields", "-e", "tcp.stream", "-e", "tcp.seq", "-e", "tcp.analysis.flags",
                "-Y", "tcp.flags.reset == 1");
        // every connection ended (RST) before the table filled, so none still going had to be forgotten
        assertTrue(!stderr.contains("forgot"), stderr);
    }
}
