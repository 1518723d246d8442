package dev.trawl.cli;

import dev.trawl.pcap.tck.VethPair;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live capture as a user runs it: the far end of the kit's veth pair ({@link VethPair}), in a network namespace
 * of its own, sends UDP datagrams (bash's /dev/udp) to the near end, where trawl captures. Needs root; names
 * are random and everything is deleted afterwards, even on failure. Without root the tests skip, except under
 * CI=true, where a skipped live test fails.
 */
@Tag("live")
class LiveCaptureTest {
    private static VethPair pair;
    private static String host;
    private static String hostAddress;
    private static String peerAddress;

    @BeforeAll
    static void createNetwork() {
        pair = VethPair.create();
        host = pair.outer();
        hostAddress = pair.outerAddress();
        assertNotNull(hostAddress, "the near end of the pair has an IPv4 address");
        peerAddress = hostAddress.substring(0, hostAddress.lastIndexOf('.')) + ".2";
        pair.runInside(10, "ip", "addr", "add", peerAddress + "/24", "dev", pair.inner());
        pair.runInside(10, "ip", "link", "set", "lo", "up");
    }

    @AfterAll
    static void deleteNetwork() {
        if (pair != null) {
            pair.close();
        }
    }

    /** Sends {@code count} UDP datagrams from the namespace to port 9999 of the host end, 100 ms apart. */
    private static Process traffic(int count) throws IOException {
        String script = "for i in $(seq 1 " + count + "); do echo trawl$i > /dev/udp/" + hostAddress
                + "/9999; sleep 0.1; done";
        return new ProcessBuilder("ip", "netns", "exec", pair.namespace(), "bash", "-c", script)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Test
    void capturesPrintsAndSummarises() throws Exception {
        Process sender = traffic(60);
        try {
            TrawlRunner.Result r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> TrawlRunner.run("-i", host, "-n", "-c", "5", "udp", "port", "9999"));
            assertEquals(0, r.status(), r.stderr());
            assertEquals(5, r.lines().size(), r.out());
            for (String line : r.lines()) {
                assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{6} IP " + peerAddress.replace(".", "\\.")
                        + "\\.\\d+ > " + hostAddress.replace(".", "\\.") + "\\.9999: UDP, length \\d+"), line);
            }
            assertTrue(r.stderr().contains("listening on " + host + ", link-type EN10MB"), r.stderr());
            assertTrue(r.stderr().contains("5 packets captured"), r.stderr());
            assertTrue(r.stderr().contains("received by filter"), r.stderr());
            assertTrue(r.stderr().contains("dropped by kernel"), r.stderr());
        } finally {
            sender.destroy();
        }
    }

    @Test
    void writesALiveCaptureThatTcpdumpReads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("live.pcap");
        Process sender = traffic(60);
        try {
            TrawlRunner.Result r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> TrawlRunner.run("-i", host, "-c", "3", "-w", file.toString(), "udp"));
            assertEquals(0, r.status(), r.stderr());
        } finally {
            sender.destroy();
        }
        List<String> lines = TrawlRunner.external(List.of("tcpdump", "-n", "-r", file.toString())).lines().toList();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains(peerAddress), lines.get(0));
    }

    @Test
    void dropsRootWithZ(@TempDir Path dir) throws Exception {
        // The user trawl becomes must reach the output directory, as with tcpdump -Z.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path open = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path file = open.resolve("z.pcap");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process sender = traffic(60);
        try {
            Process trawl = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-cp",
                    System.getProperty("java.class.path"), "dev.trawl.cli.Trawl", "-i", host, "-c", "2",
                    "-Z", "nobody", "-w", file.toString(), "udp").redirectErrorStream(true).start();
            String output = new String(trawl.getInputStream().readAllBytes());
            assertTrue(trawl.waitFor(30, TimeUnit.SECONDS), "trawl did not finish");
            assertEquals(0, trawl.exitValue(), output);
        } finally {
            sender.destroy();
        }
        // The file was created after the drop, so it belongs to the user trawl became.
        assertEquals("nobody", Files.getOwner(file).getName());
    }

    @Test
    void noSuchDeviceIsOneLine() {
        TrawlRunner.Result r = TrawlRunner.run("-i", "tn" + pair.namespace().substring("trawl-".length()), "-c", "1");
        assertEquals(1, r.status());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
        assertTrue(r.stderr().startsWith("trawl: "), r.stderr());
        assertTrue(r.stderr().toLowerCase().contains("no such device"), r.stderr());
    }

    @Test
    void listsTheVethWithItsAddress() {
        TrawlRunner.Result r = TrawlRunner.run("-D");
        assertEquals(0, r.status(), r.stderr());
        int at = r.out().indexOf("." + host + " [");
        assertTrue(at > 0, r.out());
        assertTrue(r.out().substring(at).contains("inet " + hostAddress + " netmask 255.255.255.0"), r.out());
    }
}
