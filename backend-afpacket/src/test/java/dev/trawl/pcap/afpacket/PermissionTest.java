package dev.trawl.pcap.afpacket;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.pcap.PermissionDeniedException;
import dev.trawl.pcap.tck.VethPair;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Without {@code CAP_NET_RAW}, opening a capture fails with {@link PermissionDeniedException}, whose message
 * says how to grant it. The capability is dropped from the bounding set of a child JVM with util-linux's
 * {@code setpriv}: root keeps only what that set allows across the exec.
 */
@Tag("live")
class PermissionTest {
    @Test
    void withoutCapNetRawOpeningSaysHowToGrantIt() throws Exception {
        VethPair.requirePrivilege(); // root, to drop from
        Path setpriv = Path.of("/usr/bin/setpriv");
        assertTrue(Files.isExecutable(setpriv), "util-linux's setpriv is needed to drop the capability");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(setpriv.toString(), "--bounding-set=-net_raw,-net_admin",
                "--inh-caps=-all", "--", java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), PermissionProbe.class.getName(), "lo"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        process.getInputStream().transferTo(out);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the probe did not end");
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains(PermissionDeniedException.class.getName()), text);
        assertTrue(text.contains("setcap cap_net_raw"), "the message says how to grant it: " + text);
        assertTrue(text.contains("socket: Operation not permitted"), "and what was refused: " + text);
    }
}
