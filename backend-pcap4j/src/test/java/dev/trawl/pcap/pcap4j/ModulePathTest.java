package dev.trawl.pcap.pcap4j;

import com.sun.jna.Native;

import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.tck.TestCorpus;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcap4j.core.PcapHandle;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the backend on the module path in a child JVM: a small application module finds it through
 * {@code ServiceLoader} and reads a corpus file. pcap4j-core 1.8.2 requires the module {@code slf4j.api};
 * with slf4j 2 that takes the one-line bridge module the build compiles (target/slf4j-bridge), and the
 * test shows both the failure without it and the success with it.
 */
@Tag("native")
class ModulePathTest {
    private static final String APP = """
            package modcheck;

            import dev.trawl.pcap.OfflineHandle;
            import dev.trawl.pcap.Pcap;
            import dev.trawl.pcap.ReadStatus;
            import java.nio.file.Path;

            public class Main {
                public static void main(String[] args) throws Exception {
                    Path file = Path.of(args[0]);
                    try (OfflineHandle h = Pcap.backend("pcap4j").openOffline(file)) {
                        int n = 0;
                        while (h.next() == ReadStatus.PACKET) {
                            n++;
                        }
                        System.out.println("packets=" + n + " module=" + h.getClass().getModule().getName());
                    }
                    try (OfflineHandle h = Pcap.backend("pcap4j").openOffline(file)) {
                        System.out.println("looped=" + h.loop(0, p -> { }));
                    }
                    try (OfflineHandle h = Pcap.backend("pcap4j").openOffline(file)) {
                        h.setFilter(h.compileFilter("tcp", true, 0xffffffff));
                        System.out.println("filtered=" + h.loop(0, p -> { }));
                    }
                }
            }
            """;

    @Test
    void theBackendRunsOnTheModulePathWithTheSlf4jBridge(@TempDir Path dir) throws Exception {
        Path app = compileApp(dir);
        Path capture = TestCorpus.capture("802.1D_spanning_tree.pcap");
        List<String> modulePath = new ArrayList<>(libraries());
        modulePath.add(location(Pcap4jPcapProvider.class).getParent().resolve("slf4j-bridge").toString());
        modulePath.add(app.toString());
        Result run = run(modulePath, capture);
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("packets=14 module=dev.trawl.pcap.pcap4j"), run.output());
        assertTrue(run.output().contains("looped=14"), run.output());
        assertTrue(run.output().contains("filtered=0"), run.output());
    }

    @Test
    void withoutTheBridgePcap4jCannotResolveSlf4j(@TempDir Path dir) throws Exception {
        Path app = compileApp(dir);
        Path capture = TestCorpus.capture("802.1D_spanning_tree.pcap");
        List<String> modulePath = new ArrayList<>(libraries());
        modulePath.add(app.toString());
        Result run = run(modulePath, capture);
        assertNotEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("slf4j.api"), run.output());
    }

    private static List<String> libraries() throws URISyntaxException {
        return List.of(location(Pcap4jPcapProvider.class).toString(), location(Pcap.class).toString(),
                location(PcapHandle.class).toString(), location(Native.class).toString(),
                location(LoggerFactory.class).toString());
    }

    private static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Path compileApp(Path dir) throws IOException, URISyntaxException, InterruptedException {
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("modcheck"));
        Files.writeString(src.resolve("module-info.java"), "module modcheck { requires dev.trawl.pcap; }");
        Files.writeString(src.resolve("modcheck/Main.java"), APP);
        Path out = dir.resolve("modcheck");
        Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
        assertTrue(Files.isExecutable(javac), "a JDK is needed to compile the application module: " + javac);
        Result compiled = exec(List.of(javac.toString(), "-d", out.toString(), "--module-path",
                location(Pcap.class).toString(), src.resolve("module-info.java").toString(),
                src.resolve("modcheck/Main.java").toString()));
        assertEquals(0, compiled.exit(), "compiling the application module: " + compiled.output());
        return out;
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> modulePath, Path capture) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return exec(List.of(java.toString(), "--enable-native-access=com.sun.jna", "--module-path",
                String.join(File.pathSeparator, modulePath), "-m", "modcheck/modcheck.Main", capture.toString()));
    }

    private static Result exec(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish");
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
