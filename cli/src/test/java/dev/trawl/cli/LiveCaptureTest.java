package dev.trawl.cli;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Live capture as a user runs it: a veth pair whose far end sits in a network namespace of its own sends
 * UDP datagrams (bash's /dev/udp) to the near end, where trawl captures. Needs root; names are random and
 * everything is deleted afterwards, even on failure. Without root the tests skip, except under CI=true,
 * where a skipped live test fails.
 */
@Tag("live")
class LiveCaptureTest {
    private static final int SUBNET = ThreadLocalRandom.current().nextInt(1, 250);
    private static final String SUFFIX = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
    private static final String NAMESPACE = "trawl-" + SUFFIX;
    private static final String HOST = "twh" + SUFFIX;
    private static final String PEER = "twp" + SUFFIX;
    private static final String HOST_ADDRESS = "10.213." + SUBNET + ".1";
    private static final String PEER_ADDRESS = "10.213." + SUBNET + ".2";
    private static boolean created;

    private static boolean isRoot() {
        try {
            return "0".equals(TrawlRunner.external(List.of("id", "-u")).trim());
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void ip(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    @BeforeAll
    static void createNetwork() throws Exception {
        boolean root = isRoot() && TrawlRunner.onPath("ip");
        if (!root) {
            if ("true".equals(System.getenv("CI"))) {
                fail("live capture tests need root and iproute2, and CI=true forbids skipping them");
            }
            assumeTrue(false, "live capture tests need root and iproute2; skipped");
        }
        try {
            ip("netns", "add", NAMESPACE);
            created = true;
            ip("link", "add", HOST, "type", "veth", "peer", "name", PEER);
            ip("link", "set", PEER, "netns", NAMESPACE);
            ip("addr", "add", HOST_ADDRESS + "/24", "dev", HOST);
            ip("link", "set", HOST, "up");
            ip("-n", NAMESPACE, "addr", "add", PEER_ADDRESS + "/24", "dev", PEER);
            ip("-n", NAMESPACE, "link", "set", PEER, "up");
            ip("-n", NAMESPACE, "link", "set", "lo", "up");
        } catch (Exception e) {
            deleteNetwork();
            throw e;
        }
    }

    @AfterAll
    static void deleteNetwork() {
        if (!created) {
            return;
        }
        try {
            ip("link", "del", HOST);
        } catch (Exception ignored) {
            // already gone with the namespace
        }
        try {
            ip("netns", "del", NAMESPACE);
        } catch (Exception e) {
            System.err.println("could not delete namespace " + NAMESPACE + ": " + e.getMessage());
        }
        created = false;
    }

    /** Sends {@code count} UDP datagrams from the namespace to port 9999 of the host end, 100 ms apart. */
    private static Process traffic(int count) throws IOException {
        String script = "for i in $(seq 1 " + count + "); do echo trawl$i > /dev/udp/" + HOST_ADDRESS
                + "/9999; sleep 0.1; done";
        return new ProcessBuilder("ip", "netns", "exec", NAMESPACE, "bash", "-c", script)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Test
    void capturesPrintsAndSummarises() throws Exception {
        Process sender = traffic(60);
        try {
            TrawlRunner.Result r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> TrawlRunner.run("-i", HOST, "-n", "-c", "5", "udp", "port", "9999"));
            assertEquals(0, r.status(), r.stderr());
            assertEquals(5, r.lines().size(), r.out());
            for (String line : r.lines()) {
                assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{6} IP " + PEER_ADDRESS.replace(".", "\\.")
                        + "\\.\\d+ > " + HOST_ADDRESS.replace(".", "\\.") + "\\.9999: UDP, length \\d+"), line);
            }
            assertTrue(r.stderr().contains("listening on " + HOST + ", link-type EN10MB"), r.stderr());
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
                    () -> TrawlRunner.run("-i", HOST, "-c", "3", "-w", file.toString(), "udp"));
            assertEquals(0, r.status(), r.stderr());
        } finally {
            sender.destroy();
        }
        List<String> lines = TrawlRunner.external(List.of("tcpdump", "-n", "-r", file.toString())).lines().toList();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains(PEER_ADDRESS), lines.get(0));
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
                    System.getProperty("java.class.path"), "dev.trawl.cli.Trawl", "-i", HOST, "-c", "2",
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
        TrawlRunner.Result r = TrawlRunner.run("-i", "nosuch" + SUFFIX, "-c", "1");
        assertEquals(1, r.status());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
        assertTrue(r.stderr().startsWith("trawl: "), r.stderr());
        assertTrue(r.stderr().toLowerCase().contains("no such device"), r.stderr());
    }

    @Test
    void listsTheVethWithItsAddress() {
        TrawlRunner.Result r = TrawlRunner.run("-D");
        assertEquals(0, r.status(), r.stderr());
        int at = r.out().indexOf("." + HOST + " [");
        assertTrue(at > 0, r.out());
        assertTrue(r.out().substring(at).contains("inet " + HOST_ADDRESS + " netmask 255.255.255.0"), r.out());
    }
}
