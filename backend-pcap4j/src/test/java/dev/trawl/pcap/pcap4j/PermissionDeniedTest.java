package dev.trawl.pcap.pcap4j;

import com.sun.jna.Native;

import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.PermissionDeniedException;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pcap4j.core.PcapHandle;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opening a live capture without CAP_NET_RAW gives a {@link PermissionDeniedException} with the Linux hint.
 * The test drops the capabilities from a child JVM with {@code setpriv}; it needs root to have them first.
 */
@Tag("native")
@Tag("live")
class PermissionDeniedTest {
    @Test
    void openingWithoutCaptureCapabilitiesIsPermissionDeniedWithTheHint() throws Exception {
        boolean root = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("Uid:")).anyMatch(line -> line.split("\\s+")[2].equals("0"));
        Path setpriv = Path.of("/usr/bin/setpriv");
        if (!root || !Files.isExecutable(setpriv)) {
            String why = "needs root and setpriv (util-linux) to run a child without CAP_NET_RAW";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(why + "; CI=true, so this is a failure, not a skip");
            }
            Assumptions.abort(why);
        }
        String classPath = Stream.of(PermissionProbe.class, Pcap4jPcapProvider.class, Pcap.class, PcapHandle.class,
                        Native.class, LoggerFactory.class)
                .map(PermissionDeniedTest::location).distinct().collect(Collectors.joining(File.pathSeparator));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(setpriv.toString(), "--bounding-set", "-net_raw,-net_admin",
                "--inh-caps", "-net_raw,-net_admin", java.toString(), "--enable-native-access=ALL-UNNAMED", "-cp",
                classPath, PermissionProbe.class.getName(), "lo")).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish");
        assertTrue(output.contains(PermissionDeniedException.class.getName() + " status=-8"), output);
        assertTrue(output.contains(PermissionDeniedException.LINUX_HINT), output);
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
