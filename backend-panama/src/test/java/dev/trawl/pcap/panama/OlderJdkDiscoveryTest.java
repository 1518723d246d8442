package dev.trawl.pcap.panama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trawl.pcap.Pcap;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a JDK older than 22 this backend's classes cannot load; discovery must list it with that reason and
 * go on with the other providers. Runs the discovery in a JDK 17 (the oldest Java trawl's libraries
 * support), found under /usr/lib/jvm, with this module's classes on the class path.
 */
class OlderJdkDiscoveryTest {
    @TempDir
    Path dir;

    @Test
    void olderJdkListsThePanamaProviderAsTooNewAndKeepsTheOthers() throws Exception {
        Optional<Path> java17 = findJava(17);
        assumeTrue(java17.isPresent() || "true".equals(System.getenv("CI")), "no JDK 17 under /usr/lib/jvm");
        assertTrue(java17.isPresent(), "CI machines carry JDK 17 as the default java; none found under /usr/lib/jvm");
        Path program = dir.resolve("ListBackends.java");
        Files.writeString(program, """
                public class ListBackends {
                    public static void main(String[] args) {
                        dev.trawl.pcap.Pcap.backends().forEach(System.out::println);
                    }
                }
                """);
        String classPath = location(Pcap.class) + File.pathSeparator + location(PanamaPcapProvider.class);
        Process process = new ProcessBuilder(java17.get().toString(), "-cp", classPath, program.toString())
                .redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "discovery on JDK 17 did not finish");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("dev.trawl.pcap.panama.PanamaPcapProvider: unavailable: compiled for a newer Java"),
                output);
        assertTrue(output.contains("java (priority 0)"), "the built-in provider must still be found: " + output);
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static Optional<Path> findJava(int feature) throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> home.getFileName().toString().matches(".*\\b" + feature + "\\b.*"))
                    .sorted(Comparator.naturalOrder())
                    .map(home -> home.resolve("bin/java")).filter(Files::isExecutable).findFirst();
        }
    }
}
